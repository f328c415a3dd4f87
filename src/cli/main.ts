#!/usr/bin/env -S node --max-semi-space-size=4
// The flag: V8's young generation defaults to 16 MB semi-spaces, sized for
// servers; a sweep's garbage is small and short-lived, and 4 MB cut its peak
// RSS by ~25 MB at 100 sessions with no measurable CPU cost (docs/performance.md).
import { hideBin } from 'yargs/helpers';
import { OutputFileError } from '../output/report-destination.js';
import { buildCli } from './build-cli.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-status.js';
import { UsageError } from './usage-error.js';

const io: CliIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  exitStatus: EXIT.ok,
};

try {
  await (await buildCli(hideBin(process.argv), io)).parseAsync();
} catch (error) {
  if (error instanceof UsageError || error instanceof OutputFileError) {
    for (const line of error.message.split('\n')) io.stderr.write(`unreg: ${line}\n`);
    io.exitStatus = EXIT.usage;
  } else {
    io.stderr.write(`unreg: internal error: ${(error as Error).stack ?? String(error)}\n`);
    io.exitStatus = 70;
  }
}
// exitCode, not exit(): let stdout drain before the process ends.
process.exitCode = io.exitStatus;
