#!/usr/bin/env -S node --max-semi-space-size=2 --min-semi-space-size=2 --interrupt-budget=300000
// The flags: V8's young generation defaults to semi-spaces that start at 1 MB
// and grow to 16 MB, sized for servers; a sweep's garbage is small and
// short-lived, and 2 MB ones from the start keep its peak memory at a bare
// ssh2 client's (100 -> 94 MB per 1,000 phones) for more, smaller scavenges
// (within the noise of its CPU), and spare a short command most of those that
// growing from 1 MB costs. V8 optimises a function once it has run for an
// interrupt budget (132 KB of bytecode by default, sized for long-lived pages
// and servers): a sweep runs much code a few thousand times, and its
// optimising compiler then costs more than the optimised code saves; ~2.2x
// that budget takes 4-6% off a sweep's CPU (figures: docs/performance.md).
import { InventoryError } from '../inventory/inventory-problem.js';
import { OutputFileError } from '../output/output-file-error.js';
import { VERSION } from '../version.js';
import { type CliIo, UsageError } from './command-line.js';
import { EXIT } from './exit-status.js';

const io: CliIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  exitStatus: EXIT.ok,
};

installLastResorts();

// `unreg --version` alone is answered before yargs is loaded: loading and
// building it is most of the CPU a short command costs (docs/performance.md).
const argv = process.argv.slice(2);
try {
  if (argv.length === 1 && argv[0] === '--version') io.stdout.write(`${VERSION}\n`);
  else await (await import('./build-cli.js')).buildCli(argv, io).then((cli) => cli.parseAsync());
} catch (error) {
  io.exitStatus = reportError(error);
}
// exitCode, not exit(): let stdout drain before the process ends.
process.exitCode = io.exitStatus;

/** One line per problem for what the user can fix; a stack only for our own bugs. */
function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof InventoryError || error instanceof OutputFileError) {
    for (const line of error.message.split('\n')) io.stderr.write(`unreg: ${line}\n`);
    return error instanceof OutputFileError ? EXIT.outputFailed : EXIT.usage;
  }
  io.stderr.write(`unreg: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.internalError;
}

/**
 * What happens outside the command's own flow. A crash exits 70, never 1
 * (which means "some phones failed" to a cron job). A signal that no command
 * handles (parse, syslog...) exits through process.exit, so that 'exit'
 * handlers still remove a half-written report's temporary file; sweeps
 * install their own graceful handling (terminal/interrupt.ts).
 */
function installLastResorts(): void {
  const crash = (error: unknown) => {
    reportError(error);
    process.exit(EXIT.internalError);
  };
  process.on('uncaughtException', crash).on('unhandledRejection', crash);
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) === 1) process.exit(status);
    });
  }
}
