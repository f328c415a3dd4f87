import { cpus, loadavg } from 'node:os';

export interface Measurement {
  /** Wall time of each timed run, in milliseconds. */
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

/**
 * Times `run` after `warmUps` untimed calls (so the JIT has compiled it),
 * `runs` times, and keeps the median: on a shared machine one slow run is
 * noise, not a figure. `run` returns a count that the caller checks, so no
 * work can be optimised away.
 */
export function measure(run: () => number, { warmUps = 1, runs = 5 } = {}): Measurement {
  for (let i = 0; i < warmUps; i += 1) run();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    run();
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { runsMs, medianMs: median(runsMs) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Node version, CPU model and count, and load: what a figure depends on. */
export function machineDescription(): string[] {
  const cpu = cpus();
  return [
    `node ${process.version} on ${process.platform}/${process.arch}`,
    `CPU: ${cpu[0]?.model.trim() ?? 'unknown'} x ${cpu.length}`,
    `load average at start (1/5/15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
  ];
}
