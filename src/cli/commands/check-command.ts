import type { Argv } from 'yargs';
import { InventoryError } from '../../inventory/inventory-problem.js';
import { type FlagResolution, resolvePhoneTarget, type TargetFlags } from '../../inventory/resolve-flags.js';
import { Secret } from '../../inventory/secret.js';
import { promptPassword } from '../../terminal/password-prompt.js';
import { type CliIo, lastValue } from '../command-line.js';
import { type CucmSyslogArgs, loadCucmSyslog, withCucmSyslogOptions } from '../cucm-syslog-options.js';
import { type HistoryArgs, startHistoryRecording, withHistoryOption } from '../history-option.js';
import { reportPhones } from '../phone-report.js';
import { type ReportArgs, withReportOptions } from '../report-options.js';
import { readOptionsFrom, type SessionArgs, withSessionOptions } from '../session-options.js';

type CheckArgs = ReportArgs &
  HistoryArgs &
  SessionArgs &
  CucmSyslogArgs &
  Omit<TargetFlags, 'password' | 'debugPassword'> & { host: string };

// Each takes one value: given twice, the last wins (see lastValue).
const CHECK_FLAGS = [
  'port',
  'username',
  'password-env',
  'password-file',
  'debug-username',
  'debug-password-env',
  'debug-password-file',
  'login-prompt',
  'password-prompt',
  'prompt',
  'name',
  'site',
  'jump',
  'jump-identity-file',
  'jump-passphrase-env',
  'jump-password-env',
  'jump-password-file',
];

export function checkCommand(io: CliIo) {
  return {
    command: 'check <host>',
    describe: 'Read one phone now (prompts for a missing SSH password on a terminal)',
    builder: (yargs: Argv) =>
      withCucmSyslogOptions(
        withReportOptions(
          withSessionOptions(
            withHistoryOption(yargs)
              .positional('host', { type: 'string', demandOption: true, describe: 'Phone address or DNS name' })
              .option('port', { type: 'number', describe: 'SSH port (default 22)' })
              .option('username', { alias: 'u', type: 'string', describe: 'SSH user set on the phone in CUCM' })
              .option('password-env', { type: 'string', describe: 'Variable holding the SSH password' })
              .option('password-file', { type: 'string', describe: 'File holding the SSH password' })
              .option('debug-username', { type: 'string', describe: 'Debug shell user (default debug; admin on 6900)' })
              .option('debug-password-env', { type: 'string', describe: 'Variable holding the debug shell password' })
              .option('debug-password-file', { type: 'string', describe: 'File holding the debug shell password' })
              .option('login-prompt', { type: 'string', describe: "Pattern of the debug shell's login prompt" })
              .option('password-prompt', { type: 'string', describe: "Pattern of the debug shell's password prompt" })
              .option('prompt', { type: 'string', describe: 'Pattern of the command prompt (default DEBUG>)' })
              .option('name', { type: 'string', describe: 'Label for the report' })
              .option('site', { type: 'string', describe: 'Site for the report' })
              .option('jump', { type: 'string', describe: 'Reach the phone through this jump host: user@host[:port]' })
              .option('jump-identity-file', {
                type: 'string',
                describe: 'Private key for the jump host (else the agent)',
              })
              .option('jump-passphrase-env', { type: 'string', describe: "Variable holding that key's passphrase" })
              .option('jump-password-env', { type: 'string', describe: "Variable holding the jump host's password" })
              .option('jump-password-file', { type: 'string', describe: "File holding the jump host's password" })
              .coerce(CHECK_FLAGS, lastValue),
          ),
        ),
      ),
    handler: (args: CheckArgs) => check(args, io),
  };
}

async function check(args: CheckArgs, io: CliIo): Promise<void> {
  let resolution = await resolvePhoneTarget(args.host, args, { env: io.env });
  if (!resolution.ok && resolution.missingPassword) {
    const typed = await promptPassword(`SSH password for ${args.username ?? ''}@${args.host}: `, io.stdin, io.stderr);
    if (typed !== null)
      resolution = await resolvePhoneTarget(args.host, { ...args, password: new Secret(typed) }, { env: io.env });
  }
  const target = targetOf(resolution);
  for (const warning of resolution.warnings) io.stderr.write(`unreg: warning: ${warning}\n`);
  const joinCucm = await loadCucmSyslog(args, io, false);
  // One phone: nothing for the credential breaker to protect.
  const options = { ...(await readOptionsFrom(args, io.env)), concurrency: 1, authFailureLimit: 0 };
  const history = await startHistoryRecording(args, io, 'check', [args.host]);
  await reportPhones([target], options, { ...args, quiet: true }, io, joinCucm, history);
}

function targetOf(resolution: FlagResolution) {
  if (!resolution.ok) throw new InventoryError(resolution.problems);
  return resolution.target;
}
