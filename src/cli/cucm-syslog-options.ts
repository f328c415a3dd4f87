import type { Argv } from 'yargs';
import type { CucmJoiner } from '../syslog/cucm-join.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from './command-line.js';

/** `--cucm-syslog` for the commands that read phones (parse, check, sweep). */
export interface CucmSyslogArgs {
  cucmSyslog?: string | string[];
  cucmWindow: string;
}

export const DEFAULT_CUCM_WINDOW = '10m';

export function withCucmSyslogOptions<T>(yargs: Argv<T>): Argv<T & CucmSyslogArgs> {
  return yargs
    .option('cucm-syslog', {
      type: 'string',
      describe: "CUCM syslog file to add CUCM's events to each phone (repeat for more files; - is stdin)",
    })
    .option('cucm-window', {
      type: 'string',
      default: DEFAULT_CUCM_WINDOW,
      describe: 'Pair a phone alarm with a CUCM event this close in time',
    })
    .coerce('cucm-window', lastValue) as unknown as Argv<T & CucmSyslogArgs>;
}

/**
 * Reads the `--cucm-syslog` files (before any report is written: an
 * unreadable file is a usage error) and gives the joiner for each entry
 * (the identity when no file was given). `stdinTaken`: the command reads
 * standard input for something else. The syslog reader is loaded only when
 * a file was given.
 */
export async function loadCucmSyslog(args: CucmSyslogArgs, io: CliIo, stdinTaken: boolean): Promise<CucmJoiner> {
  const files = args.cucmSyslog === undefined ? [] : [args.cucmSyslog].flat();
  if (files.length === 0) return (entry) => entry;
  const { readSyslogFiles, warnMalformed, windowOption } = await import('./syslog-inputs.js');
  const { cucmJoiner } = await import('../syslog/cucm-join.js');
  const windowMs = windowOption('--cucm-window', args.cucmWindow);
  if (stdinTaken && files.includes(STDIN_ARGUMENT)) {
    throw new UsageError('standard input (-) can feed only one input: the phone files or --cucm-syslog');
  }
  const reading = await readSyslogFiles(files, io, undefined);
  warnMalformed(reading.read, io);
  return cucmJoiner(reading.store, windowMs);
}
