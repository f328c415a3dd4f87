import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { readStreamText } from '../../input/read-text.js';
import { filterPhones } from '../../inventory/filter-phones.js';
import { type Inventory, loadInventory } from '../../inventory/load-inventory.js';
import { parseInventory } from '../../inventory/parse-inventory.js';
import { secretFileReader } from '../../inventory/secret-file.js';
import { openFileLimit } from '../../system/open-file-limit.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { type CucmSyslogArgs, loadCucmSyslog, withCucmSyslogOptions } from '../cucm-syslog-options.js';
import { type HistoryArgs, startHistoryRecording, withHistoryOption } from '../history-option.js';
import { reportPhones } from '../phone-report.js';
import { type ReportArgs, withReportOptions } from '../report-options.js';
import { readOptionsFrom, type SessionArgs, withSessionOptions } from '../session-options.js';

interface SweepArgs extends ReportArgs, SessionArgs, CucmSyslogArgs, HistoryArgs {
  inventory: string;
  concurrency: number;
  authFailureLimit: number;
  site?: string | string[];
  tag?: string | string[];
  host?: string | string[];
}

export function sweepCommand(io: CliIo) {
  return {
    command: 'sweep <inventory>',
    describe: 'Read every phone of a YAML inventory and report their out-of-service reasons',
    builder: (yargs: Argv) =>
      withCucmSyslogOptions(
        withReportOptions(
          withSessionOptions(
            withHistoryOption(yargs)
              .positional('inventory', {
                type: 'string',
                demandOption: true,
                describe: 'Inventory file (YAML); - reads it from stdin',
              })
              .option('concurrency', { alias: 'c', type: 'number', default: 50, describe: 'Phones read at once' })
              // Repeatable, but not `array: true`: that would swallow the
              // inventory path in `sweep --site tokyo inventory.yaml`.
              .option('auth-failure-limit', {
                type: 'number',
                default: 5,
                describe: 'Phones refusing the same credentials (none accepting) before the rest are skipped; 0: off',
              })
              .option('site', { type: 'string', describe: 'Only phones of this site (repeatable)' })
              .option('tag', { type: 'string', describe: 'Only phones with this tag (repeatable)' })
              .option('host', { type: 'string', describe: 'Only hosts matching this glob (repeatable)' })
              .coerce(['concurrency', 'auth-failure-limit'], lastValue)
              .check(({ concurrency, authFailureLimit }) => {
                if (!Number.isInteger(concurrency) || concurrency < 1) {
                  throw new UsageError('--concurrency must be a whole number, 1 or more');
                }
                if (!Number.isInteger(authFailureLimit) || Number(authFailureLimit) < 0) {
                  throw new UsageError('--auth-failure-limit must be a whole number, 0 or more');
                }
                return true;
              }),
          ),
        ),
      ),
    handler: (args: SweepArgs) => sweep(args, io),
  };
}

async function sweep(args: SweepArgs, io: CliIo): Promise<void> {
  const inventory =
    args.inventory === STDIN_ARGUMENT
      ? await inventoryFromStdin(io)
      : await loadInventory(args.inventory, { env: io.env });
  for (const warning of inventory.warnings) io.stderr.write(`unreg: warning: ${warning}\n`);
  const phones = filterPhones(inventory.phones, { site: args.site, tag: args.tag, host: args.host });
  if (phones.length === 0)
    throw new UsageError(`no phone of ${inventoryName(args.inventory)} matches --site/--tag/--host`);
  checkOpenFiles(Math.min(args.concurrency, phones.length));
  const joinCucm = await loadCucmSyslog(args, io, false);
  const options = {
    ...(await readOptionsFrom(args, io.env)),
    concurrency: args.concurrency,
    authFailureLimit: args.authFailureLimit,
  };
  const inventoryInput = args.inventory === STDIN_ARGUMENT ? '-' : resolve(args.inventory);
  const history = await startHistoryRecording(args, io, 'sweep', [inventoryInput]);
  await reportPhones(phones, options, args, io, joinCucm, history);
}

/**
 * `unreg sweep -`: the inventory from standard input (`unreg inventory cucm
 * ... | unreg sweep -`); relative password files are read from the working folder.
 */
async function inventoryFromStdin(io: CliIo): Promise<Inventory> {
  const warnings: string[] = [];
  const parsed = await parseInventory(await readStreamText(io.stdin), {
    file: inventoryName(STDIN_ARGUMENT),
    env: io.env,
    readSecretFile: secretFileReader(process.cwd(), warnings),
  });
  return { phones: parsed.phones, warnings };
}

// Each session holds a socket; node itself, the report, the known-hosts
// file and the history take a few more.
const SPARE_FILES = 64;

/**
 * Fails at once, in one line, when the sessions wanted cannot all have a
 * socket: otherwise phones past the limit would fail one by one with EMFILE.
 * Node has already raised its soft limit to the hard one (`ulimit -Hn`).
 */
function checkOpenFiles(sessions: number): void {
  const limit = openFileLimit();
  const needed = sessions + SPARE_FILES;
  if (limit === null || limit >= needed) return;
  throw new UsageError(
    `${sessions} sessions at once (--concurrency) need about ${needed} open files, but this process may open ${limit}: ` +
      'raise the hard limit (ulimit -Hn) or lower --concurrency',
  );
}

function inventoryName(argument: string): string {
  return argument === STDIN_ARGUMENT ? '(stdin)' : argument;
}
