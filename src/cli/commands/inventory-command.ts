import type { Argv } from 'yargs';
import type { CucmEndpoint } from '../../cucm/cucm-https.js';
import type { CucmPhones } from '../../cucm/cucm-phones.js';
import { readTextFile } from '../../input/read-text.js';
import { globToRegExp } from '../../inventory/host-glob.js';
import { formatProblem } from '../../inventory/inventory-problem.js';
import { Secret } from '../../inventory/secret.js';
import { secretFileReader } from '../../inventory/secret-file.js';
import { readSecret } from '../../inventory/secret-reader.js';
import type { SecretSource } from '../../inventory/settings.js';
import { openAtomicFile } from '../../output/atomic-file.js';
import { type ReportDestination, streamDestination } from '../../output/report-destination.js';
import { promptPassword } from '../../terminal/password-prompt.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';

export interface InventoryCucmArgs {
  host: string;
  port: number;
  username?: string;
  passwordEnv?: string;
  passwordFile?: string;
  cacert?: string;
  insecure: boolean;
  axlVersion: string;
  risportRate: number;
  devicePool?: string | string[];
  model?: string | string[];
  template?: string;
  output?: string;
}

const SINGLE_VALUE_FLAGS = [
  'port',
  'username',
  'password-env',
  'password-file',
  'cacert',
  'axl-version',
  'risport-rate',
  'template',
  'output',
];

/** CUCM's Enterprise Parameter "Allowed Device Queries Per Minute" goes up to 18. */
const MAX_RISPORT_RATE = 18;

export function inventoryCommand(io: CliIo) {
  return {
    command: 'inventory',
    describe: 'Write a YAML inventory from another source (cucm: AXL and RisPort70)',
    builder: (yargs: Argv) =>
      yargs
        .command({
          command: 'cucm <host>',
          describe: "Ask CUCM's AXL for the desk phones and RisPort70 for their addresses; write the inventory",
          builder: cucmOptions,
          handler: (args: InventoryCucmArgs) => runInventoryCucm(args, io),
        })
        .demandCommand(1, 'Name the source: unreg inventory cucm HOST'),
    handler: () => undefined,
  };
}

function cucmOptions(yargs: Argv) {
  return yargs
    .positional('host', { type: 'string', demandOption: true, describe: 'A CUCM node (the publisher, usually)' })
    .option('port', { type: 'number', default: 8443, describe: 'HTTPS port of AXL and RisPort70' })
    .option('username', { type: 'string', describe: 'Application user with the AXL and RisPort roles (docs/cucm.md)' })
    .option('password-env', { type: 'string', describe: "Variable holding the user's password" })
    .option('password-file', { type: 'string', describe: "File holding the user's password" })
    .option('cacert', { type: 'string', describe: "PEM file of CUCM's certificate or its CA, to trust" })
    .option('insecure', { type: 'boolean', default: false, describe: "Do not check CUCM's certificate" })
    .option('axl-version', { type: 'string', default: '14.0', describe: 'AXL schema version to ask for' })
    .option('risport-rate', {
      type: 'number',
      default: 15,
      describe: `RisPort70 requests a minute at most, 1-${MAX_RISPORT_RATE} (the cluster's allowance is shared)`,
    })
    .option('device-pool', { type: 'string', describe: 'Only phones of a device pool matching this glob (repeatable)' })
    .option('model', { type: 'string', describe: 'Only phones of a model matching this glob (repeatable)' })
    .option('template', { type: 'string', describe: "Keep this inventory's defaults: and groups:, replace its phones" })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the inventory here (atomically); default stdout' })
    .coerce(SINGLE_VALUE_FLAGS, lastValue)
    .check((args) => {
      checkFlags(args as unknown as InventoryCucmArgs);
      return true;
    });
}

function checkFlags(args: InventoryCucmArgs): void {
  if (!Number.isInteger(args.port) || args.port < 1 || args.port > 65535) {
    throw new UsageError(`--port must be an integer 1-65535, not ${args.port}`);
  }
  if (!Number.isInteger(args.risportRate) || args.risportRate < 1 || args.risportRate > MAX_RISPORT_RATE) {
    throw new UsageError(`--risport-rate must be a whole number 1-${MAX_RISPORT_RATE}, not ${args.risportRate}`);
  }
  if (args.username === undefined || args.username === '') {
    throw new UsageError('--username is required: the CUCM application user (docs/cucm.md)');
  }
  if (args.passwordEnv !== undefined && args.passwordFile !== undefined) {
    throw new UsageError('--password-env and --password-file: give only one');
  }
  if (args.cacert !== undefined && args.insecure) throw new UsageError('--cacert and --insecure: give only one');
  if (!/^\d+\.\d+$/.test(args.axlVersion)) {
    throw new UsageError(`--axl-version must look like 14.0, not ${JSON.stringify(args.axlVersion)}`);
  }
}

async function runInventoryCucm(args: InventoryCucmArgs, io: CliIo): Promise<void> {
  // Loaded only when the command runs: the SOAP client brings fast-xml-parser, the template yaml.
  const [{ readCucmPhones }, { inventoryYaml }, { settingsOfTemplate }, { CucmError }, { isCp6900 }] =
    await Promise.all([
      import('../../cucm/cucm-phones.js'),
      import('../../cucm/inventory-yaml.js'),
      import('../../cucm/template-settings.js'),
      import('../../cucm/cucm-error.js'),
      import('../../cucm/desk-phones.js'),
    ]);
  const note = (line: string) => io.stderr.write(`unreg: ${line}\n`);
  const template = args.template === undefined ? null : await readInput(args.template, '--template');
  // Checked before CUCM is asked anything.
  if (template !== null) {
    try {
      settingsOfTemplate(template, args.template ?? '', false);
    } catch (error) {
      throw error instanceof CucmError ? new UsageError(error.message) : error;
    }
  }
  const endpoint = await endpointOf(args, io, note);
  const destination = await openDestination(args.output, io);
  try {
    const found = await readCucmPhones({
      endpoint,
      axlVersion: args.axlVersion,
      risportRate: args.risportRate,
      minuteMs: minuteMs(io.env),
      devicePools: repeated(args.devicePool).map(globToRegExp),
      models: repeated(args.model).map(globToRegExp),
      note,
    });
    const needCp6900 = found.phones.some((phone) => isCp6900(phone.model));
    const settings = template === null ? null : settingsOfTemplate(template, args.template ?? '', needCp6900);
    await destination.write(
      inventoryYaml({ cucm: args.host, settings, phones: found.phones, unaddressed: found.unaddressed }),
    );
    await destination.commit();
    for (const line of summary(found, args)) note(line);
    io.exitStatus = EXIT.ok;
  } catch (error) {
    await destination.abort();
    if (!(error instanceof CucmError)) throw error;
    // What the user must fix (credentials, trust, the template): exit 2.
    if (error.usage) throw new UsageError(error.message);
    note(error.message);
    io.exitStatus = EXIT.someFailed;
  }
}

function summary(found: CucmPhones, args: InventoryCucmArgs): string[] {
  const unregistered = found.phones.filter((phone) => phone.unregistered).length;
  const lines = [
    `CUCM ${args.host}: AXL listed ${count(found.listed, 'phone')} (${count(found.axlRequests, 'request')}), RisPort70 answered ${count(found.risportRequests, 'request')}` +
      (found.rateRefusals > 0 ? ` (${found.rateRefusals} refused for the rate)` : ''),
    `${count(found.phones.length, 'phone')} written${unregistered > 0 ? ` (${unregistered} unregistered now)` : ''} to ${args.output ?? 'stdout'}`,
  ];
  if (found.softClients > 0)
    lines.push(`${found.softClients} soft clients left out (Jabber, IP Communicator: no SSH debug shell)`);
  if (found.filteredOut > 0) lines.push(`${count(found.filteredOut, 'phone')} left out by --device-pool/--model`);
  if (found.unaddressed.length > 0) {
    lines.push(
      `${count(found.unaddressed.length, 'phone')} with no address in RisPort70: listed in a comment at the end`,
    );
  }
  return lines;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

async function endpointOf(args: InventoryCucmArgs, io: CliIo, note: (line: string) => void): Promise<CucmEndpoint> {
  const username = args.username ?? '';
  if (args.insecure)
    note("warning: --insecure: CUCM's certificate is not checked, so the password goes to whoever answers");
  return {
    host: args.host,
    port: args.port,
    username,
    password: await passwordOf(args, io),
    ca: args.cacert === undefined ? null : await readInput(args.cacert, '--cacert'),
    insecure: args.insecure,
  };
}

async function passwordOf(args: InventoryCucmArgs, io: CliIo): Promise<Secret> {
  const source: SecretSource | null =
    args.passwordEnv !== undefined
      ? { kind: 'env', variable: args.passwordEnv }
      : args.passwordFile !== undefined
        ? { kind: 'file', path: args.passwordFile }
        : null;
  if (source === null) {
    const typed = await promptPassword(`CUCM password for ${args.username}@${args.host}: `, io.stdin, io.stderr);
    if (typed === null) throw new UsageError('no CUCM password: give --password-env VAR or --password-file FILE');
    return new Secret(typed);
  }
  const warnings: string[] = [];
  const key = source.kind === 'env' ? '--password-env' : '--password-file';
  const read = await readSecret(
    { value: source, origin: { where: null, key } },
    { env: io.env, readSecretFile: secretFileReader(process.cwd(), warnings) },
  );
  for (const warning of warnings) io.stderr.write(`unreg: warning: ${warning}\n`);
  if (read instanceof Secret) return read;
  throw new UsageError(formatProblem(read));
}

async function readInput(path: string, flag: string): Promise<string> {
  const read = await readTextFile(path);
  if ('error' in read) throw new UsageError(`${flag}: ${read.error}`);
  return read.text;
}

async function openDestination(output: string | undefined, io: CliIo): Promise<ReportDestination> {
  if (output === undefined || output === STDIN_ARGUMENT) return streamDestination(io.stdout);
  try {
    return await openAtomicFile(output);
  } catch (error) {
    throw new UsageError(`cannot write --output ${output}: ${(error as Error).message}`);
  }
}

function repeated(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The length of a minute for RisPort70's pacing and back-off: 60 s. Tests
 * shorten it (UNREG_CUCM_MINUTE_MS) so that a paced run takes seconds.
 */
function minuteMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.UNREG_CUCM_MINUTE_MS);
  return Number.isInteger(value) && value > 0 ? value : 60_000;
}
