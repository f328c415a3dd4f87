import yargs, { type Argv, type CommandModule } from 'yargs';
import { VERSION } from '../version.js';
import { type CliIo, STDIN_ARGUMENT, UsageError } from './command-line.js';
import { COMPLETION_COMMAND, COMPLETION_REQUEST, withCompletion } from './completion.js';

// Each command module's own argument types differ; yargs checks them at run time.
type CommandFactory = (io: CliIo) => object;

// Each command module is imported only when its command runs: a cron sweep
// does not start by loading the simulator, the syslog reader and the table
// writer. Help and unknown commands load them all.
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  demo: async () => (await import('./commands/demo-command.js')).demoCommand,
  check: async () => (await import('./commands/check-command.js')).checkCommand,
  sweep: async () => (await import('./commands/sweep-command.js')).sweepCommand,
  parse: async () => (await import('./commands/parse-command.js')).parseCommand,
  reasons: async () => (await import('./commands/reasons-command.js')).reasonsCommand,
  'forget-host': async () => (await import('./commands/forget-host-command.js')).forgetHostCommand,
  syslog: async () => (await import('./commands/syslog-command.js')).syslogCommand,
  inventory: async () => (await import('./commands/inventory-command.js')).inventoryCommand,
  simulate: async () => (await import('./commands/simulate-command.js')).simulateCommand,
  history: async () => (await import('./commands/history-command.js')).historyCommand,
  incidents: async () => (await import('./commands/incidents-command.js')).incidentsCommand,
};

/**
 * The command line, built for one argv: `main.ts` runs it for the process,
 * and each command module only wires its flags to a handler.
 */
export async function buildCli(argv: string[], io: CliIo): Promise<Argv> {
  // A shell's Tab runs `unreg --get-yargs-completions unreg WORDS...`: the command is among WORDS.
  const words = argv[0] === COMPLETION_REQUEST ? argv.slice(2) : argv;
  const named = words.find((arg) => !arg.startsWith('-'));
  // Printing the completion script needs no command; the shell's Tab (--get-yargs-completions) needs them all.
  const wanted =
    named === COMPLETION_COMMAND ? [] : named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  const factories = await Promise.all(wanted.map((name) => COMMANDS[name]?.() as Promise<CommandFactory>));
  const cli = yargs(argv.map((arg) => (arg === '-' ? STDIN_ARGUMENT : arg)))
    .scriptName('unreg')
    .usage('$0 <command> [options]\n\nWhy did my Cisco IP phones lose their CUCM registration?');
  for (const factory of factories) cli.command(factory(io) as CommandModule);
  skipHelpCaching(cli);
  return withCompletion(cli)
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

/**
 * yargs renders the whole help text after every command's handler starts,
 * keeping it for an async handler that fails later; unreg never shows help on
 * a failure (.fail throws), and the rendering was about 7% of the CPU profile of
 * `unreg reasons 16`. Internal API: when yargs changes it, this does nothing.
 */
function skipHelpCaching(cli: Argv): void {
  const usage = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
