import yargs, { type Argv } from 'yargs';
import { VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { checkCommand } from './commands/check-command.js';
import { demoCommand } from './commands/demo-command.js';
import { forgetHostCommand } from './commands/forget-host-command.js';
import { parseCommand } from './commands/parse-command.js';
import { reasonsCommand } from './commands/reasons-command.js';
import { simulateCommand } from './commands/simulate-command.js';
import { sweepCommand } from './commands/sweep-command.js';
import { syslogCommand } from './commands/syslog-command.js';
import { STDIN_ARGUMENT } from './stdin-argument.js';
import { UsageError } from './usage-error.js';

/**
 * The command line, built for one argv: `main.ts` runs it for the process,
 * and each command module only wires its flags to a handler.
 */
export function buildCli(argv: string[], io: CliIo): Argv {
  return yargs(argv.map((arg) => (arg === '-' ? STDIN_ARGUMENT : arg)))
    .scriptName('unreg')
    .usage('$0 <command> [options]\n\nWhy did my Cisco IP phones lose their CUCM registration?')
    .command(demoCommand(io))
    .command(checkCommand(io))
    .command(sweepCommand(io))
    .command(parseCommand(io))
    .command(reasonsCommand(io))
    .command(forgetHostCommand(io))
    .command(syslogCommand(io))
    .command(simulateCommand(io))
    .demandCommand(1, 'Name a command (see --help).')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 80))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
}
