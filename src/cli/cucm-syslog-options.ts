import type { Argv } from 'yargs';
import type { PhoneEntry } from '../report/report-document.js';
import type { CliIo } from './cli-io.js';
import { lastValue } from './last-value.js';

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

/** Adds CUCM's side to one phone entry (the identity when no --cucm-syslog was given). */
export type CucmJoiner = (entry: PhoneEntry) => PhoneEntry;

/**
 * Reads the `--cucm-syslog` files (before any report is written: an
 * unreadable file is a usage error) and gives the joiner for each entry.
 * `stdinTaken`: the command reads standard input for something else. The
 * syslog reader is loaded only when a file was given.
 */
export async function loadCucmSyslog(args: CucmSyslogArgs, io: CliIo, stdinTaken: boolean): Promise<CucmJoiner> {
  const files = args.cucmSyslog === undefined ? [] : [args.cucmSyslog].flat();
  if (files.length === 0) return (entry) => entry;
  const { cucmJoinerFrom } = await import('./commands/syslog-command.js');
  return cucmJoinerFrom(files, args.cucmWindow, io, stdinTaken);
}
