import { readFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { openAtomicFile } from '../../output/atomic-file.js';
import { knownHostName, removeHost } from '../../ssh/host-keys/known-hosts.js';
import { type CliIo, lastValue, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { defaultKnownHostsPath } from '../session-options.js';

interface ForgetHostArgs {
  host: string;
  port: number;
  knownHosts?: string;
}

export function forgetHostCommand(io: CliIo) {
  return {
    command: 'forget-host <host>',
    describe: "Forget a phone's host key (after it was re-imaged or moved between clusters)",
    builder: (yargs: Argv) =>
      yargs
        .positional('host', { type: 'string', demandOption: true, describe: 'Address or name, or [address]:port' })
        .option('port', { type: 'number', default: 22, describe: 'SSH port of the phone' })
        .option('known-hosts', { type: 'string', describe: 'Known-hosts file (default: ~/.config/unreg/known_hosts)' })
        .coerce(['port', 'known-hosts'], lastValue),
    handler: (args: ForgetHostArgs) => forgetHost(args, io),
  };
}

async function forgetHost(args: ForgetHostArgs, io: CliIo): Promise<void> {
  const path = args.knownHosts ?? defaultKnownHostsPath(io.env);
  const name = args.host.startsWith('[') ? args.host : knownHostName(args.host, args.port);
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read ${path}: ${error.message}`);
  });
  const { text: kept, removed } = removeHost(text, name);
  if (removed > 0) {
    // Rewritten whole or not at all: an interrupted rewrite must not lose the other phones' keys.
    const file = await openAtomicFile(path);
    await file.write(kept);
    await file.commit();
  }
  io.stdout.write(`${removed} key${removed === 1 ? '' : 's'} of ${name} removed from ${path}\n`);
  io.exitStatus = EXIT.ok;
}
