import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { readStreamText, readTextFile } from '../../input/read-text.js';
import { parseShowUnreg } from '../../parser/show-unreg.js';
import { entryFromTranscript } from '../../report/phone-entry.js';
import { type CliIo, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { type CucmSyslogArgs, loadCucmSyslog, withCucmSyslogOptions } from '../cucm-syslog-options.js';
import { EXIT } from '../exit-status.js';
import {
  finishHistoryRecording,
  type HistoryArgs,
  recordEntry,
  startHistoryRecording,
  withHistoryOption,
} from '../history-option.js';
import { type ReportArgs, withReportOptions, writeReport } from '../report-options.js';

interface ParseArgs extends ReportArgs, CucmSyslogArgs, HistoryArgs {
  files: string[];
}

export function parseCommand(io: CliIo) {
  return {
    command: 'parse [files..]',
    describe: 'Decode saved `show unreg` output (files, or stdin with - or no file)',
    builder: (yargs: Argv) =>
      withCucmSyslogOptions(
        withReportOptions(
          withHistoryOption(yargs).positional('files', {
            type: 'string',
            array: true,
            default: [],
            describe: 'Files to read; - is stdin',
          }),
        ),
      ),
    handler: (args: ParseArgs) => runParse(args, io),
  };
}

async function runParse(args: ParseArgs, io: CliIo): Promise<void> {
  const files = args.files.length === 0 ? [STDIN_ARGUMENT] : args.files;
  if (files.filter((file) => file === STDIN_ARGUMENT).length > 1) throw new UsageError('- (stdin) given twice');
  // Read everything before writing anything: an unreadable file is a usage
  // error (exit 2) and must not leave a half-made report behind.
  const texts = await Promise.all(files.map((file) => readInput(file, io)));
  const joinCucm = await loadCucmSyslog(args, io, files.includes(STDIN_ARGUMENT));
  const history = await startHistoryRecording(args, io, 'parse', files.map(inputName));
  const summary = await writeReport(args, io, async (report) => {
    for (const [index, file] of files.entries()) {
      const started = performance.now();
      const parsed = parseShowUnreg(texts[index] ?? '');
      const target = { host: file === STDIN_ARGUMENT ? '-' : file, port: null, name: null, site: null, tags: [] };
      const entry = joinCucm(entryFromTranscript(target, parsed, Math.round(performance.now() - started)));
      await report.add(recordEntry(history, entry));
    }
  }).catch((error: unknown) => {
    history?.abandon();
    throw error;
  });
  io.exitStatus = summary.phones.failed > 0 ? EXIT.someFailed : EXIT.ok;
  finishHistoryRecording(history, true, io);
}

/** A file's text, or standard input's for `-`; an unreadable file is a usage error. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === STDIN_ARGUMENT) return readStreamText(io.stdin);
  const result = await readTextFile(file);
  if ('error' in result) throw new UsageError(`cannot read ${result.error}`);
  return result.text;
}

/** A file as the history records it: its full path; stdin as -. */
function inputName(file: string): string {
  return file === STDIN_ARGUMENT ? '-' : resolve(file);
}
