// bench:inventory: loadInventory (read, parse, validate, resolve) on
// inventories as `unreg simulate` writes them, up to 10,000 phones, each run
// in a fresh node process so that its peak RSS is its own.
// `npm run bench:inventory` (builds first). Figures go to docs/performance.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineDescription, median } from './measure.js';

// The child imports only the inventory's modules, the parent only the
// simulator's: each process's peak RSS holds what it uses.

const RUNS = 5;
const SEED = 1;
const ENV = { UNREG_SSH_PASSWORD: 'bench', UNREG_DEBUG_PASSWORD: 'bench' };
// Plain node, and node as the `unreg` bin runs it: the flags of its first line.
const NODE_FLAGS: readonly (readonly string[])[] = [[], binNodeFlags()];

/** The node flags on the shipped bin's `#!/usr/bin/env -S node ...` line. */
function binNodeFlags(): string[] {
  const shebang = readFileSync(new URL('../bin/unreg.js', import.meta.url), 'utf8').split('\n', 1)[0] ?? '';
  return shebang.split(' ').filter((word) => word.startsWith('--'));
}

interface Case {
  readonly label: string;
  readonly text: string;
  /** What the load must give: this many phones, or this one error line (`FILE` for the path). */
  readonly expect: { readonly phones: number } | { readonly error: string };
}

interface RunResult {
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly phones?: number;
  readonly error?: string;
}

async function fleet(phones: number): Promise<string> {
  const { planFleet } = await import('../src/simulator/fleet-plan.js');
  const { inventoryYaml } = await import('../src/simulator/fleet-files.js');
  return inventoryYaml(planFleet({ phones, seed: SEED, legacy: 0, failures: {} }), {
    port: 22,
    username: 'admin',
    debugUsername: 'debug',
  });
}

async function cases(): Promise<Case[]> {
  const small = await fleet(1_000);
  const large = await fleet(10_000);
  const badPortLine = large.split('\n').length + 1;
  const withBadPort = `${large}  - host: 127.0.200.1\n    port: 0x16\n`;
  const ownPorts = large.replace(/^ {2}- host: .*$/gm, (line) => `${line}\n    port: 2222`);
  return [
    { label: '1 phone (node and the modules alone)', text: await fleet(1), expect: { phones: 1 } },
    { label: '1,000 phones', text: small, expect: { phones: 1_000 } },
    { label: '10,000 phones', text: large, expect: { phones: 10_000 } },
    {
      label: '10,000 phones + 1 bad port',
      text: withBadPort,
      expect: { error: `FILE:${badPortLine}: port: must be an integer 1-65535, got 0x16` },
    },
    { label: '10,000 phones, each with its own port:', text: ownPorts, expect: { phones: 10_000 } },
  ];
}

/** The child: one timed loadInventory, its figures as one JSON line on stdout. */
async function loadOnce(path: string): Promise<void> {
  const { loadInventory } = await import('../src/inventory/load-inventory.js');
  const { InventoryError } = await import('../src/inventory/inventory-problem.js');
  const cpuBefore = process.cpuUsage();
  let outcome: { phones: number } | { error: string };
  try {
    outcome = { phones: (await loadInventory(path, { env: process.env })).phones.length };
  } catch (error) {
    if (!(error instanceof InventoryError)) throw error;
    outcome = { error: error.message };
  }
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb, ...outcome }));
}

function runChild(path: string, flags: readonly string[]): RunResult {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [...flags, script, '--load', path], {
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
  });
  return JSON.parse(output) as RunResult;
}

function check(run: RunResult, expect: Case['expect'], path: string): void {
  const ok = 'phones' in expect ? run.phones === expect.phones : run.error === expect.error.replace('FILE', path);
  if (!ok) throw new Error(`unexpected result on ${path}: ${JSON.stringify(run)}`);
}

async function main(): Promise<void> {
  for (const line of machineDescription()) console.log(line);
  const folder = await mkdtemp(join(tmpdir(), 'unreg-bench-inventory-'));
  try {
    console.log(`each case: ${RUNS} runs, each a fresh node process timing one loadInventory; medians`);
    console.log('| inventory | KB | CPU (ms) | peak RSS (MB) | as the bin runs: CPU (ms) | peak RSS (MB) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [index, { label, text, expect }] of (await cases()).entries()) {
      const path = join(folder, `inventory-${index}.yaml`);
      await writeFile(path, text);
      const cells = [label, (Buffer.byteLength(text) / 1024).toFixed(0)];
      for (const flags of NODE_FLAGS) {
        const runs: RunResult[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = runChild(path, flags);
          check(result, expect, path);
          runs.push(result);
        }
        cells.push(
          median(runs.map((run) => run.cpuMs)).toFixed(0),
          median(runs.map((run) => run.peakRssMb)).toFixed(0),
        );
      }
      console.log(`| ${cells.join(' | ')} |`);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const loadAt = process.argv.indexOf('--load');
const path = loadAt === -1 ? undefined : process.argv[loadAt + 1];
await (path === undefined ? main() : loadOnce(path));
