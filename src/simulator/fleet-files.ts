import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhonePlan } from './fleet-plan.js';
import type { PhoneTruth, TruthIncident } from './fleet-truth.js';
import { CP6900_DEBUG_LOGIN } from './simulator-credentials.js';

export interface FleetFiles {
  readonly inventory: string;
  readonly truth: string;
}

export interface InventoryDefaults {
  readonly port: number;
  readonly username: string;
  readonly debugUsername: string;
}

// As docs/inventory.md tells users to set up their 6900 series phones.
const CP6900_GROUP_NAME = 'cp6900';
const CP6900_GROUP = [
  'groups:',
  `  ${CP6900_GROUP_NAME}:`,
  `    debug_username: ${JSON.stringify(CP6900_DEBUG_LOGIN.debugUsername)}`,
  `    debug_password: ${JSON.stringify(CP6900_DEBUG_LOGIN.debugPassword)}`,
];

/**
 * The inventory of a simulated fleet, in the format `unreg sweep` reads.
 * Passwords stay out of it: the sweep reads them from the same variables
 * the simulator does. Written by hand, not by the yaml package: 10,000
 * phones of plain values need no quoting rules beyond JSON strings.
 */
export function inventoryYaml(phones: readonly PhonePlan[], defaults: InventoryDefaults): string {
  const lines = [
    '# A simulated phone fleet, written by `unreg simulate`.',
    'defaults:',
    `  port: ${defaults.port}`,
    `  username: ${JSON.stringify(defaults.username)}`,
    '  password_env: UNREG_SSH_PASSWORD',
    `  debug_username: ${JSON.stringify(defaults.debugUsername)}`,
    '  debug_password_env: UNREG_DEBUG_PASSWORD',
    ...(phones.some((phone) => phone.cp6900) ? CP6900_GROUP : []),
    'phones:',
  ];
  for (const phone of phones) {
    lines.push(
      `  - host: ${phone.host}`,
      `    name: ${JSON.stringify(phone.name)}`,
      `    site: ${JSON.stringify(phone.site)}`,
      `    tags: [${phone.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
      ...(phone.cp6900 ? [`    groups: [${JSON.stringify(CP6900_GROUP_NAME)}]`] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `inventory.yaml` and `truth.json` into `folder` (created if missing). */
export async function writeFleetFiles(
  folder: string,
  phones: readonly PhonePlan[],
  defaults: InventoryDefaults,
  header: { seed: number; incidents: readonly TruthIncident[] },
  truthOf: (phone: PhonePlan) => PhoneTruth,
): Promise<FleetFiles> {
  await mkdir(folder, { recursive: true });
  const files = { inventory: join(folder, 'inventory.yaml'), truth: join(folder, 'truth.json') };
  await writeFile(files.inventory, inventoryYaml(phones, defaults));
  await writeTruth(files.truth, phones, { ...header, port: defaults.port }, truthOf);
  return files;
}

// One phone per line, streamed: a 10,000-phone truth is tens of megabytes.
async function writeTruth(
  path: string,
  phones: readonly PhonePlan[],
  header: { seed: number; port: number; incidents: readonly TruthIncident[] },
  truthOf: (phone: PhonePlan) => PhoneTruth,
): Promise<void> {
  const out = createWriteStream(path);
  const finished = once(out, 'finish');
  // Awaited below; this only keeps an early error from going unhandled meanwhile.
  finished.catch(() => {});
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"seed":${header.seed},"port":${header.port},"phones":[\n`);
  for (const [at, phone] of phones.entries()) {
    await write(`${JSON.stringify(truthOf(phone))}${at < phones.length - 1 ? ',' : ''}\n`);
  }
  out.end(`],"incidents":${JSON.stringify(header.incidents)}}\n`);
  await finished;
}
