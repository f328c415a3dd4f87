// The inventory `unreg inventory cucm` writes, as docs/inventory.md reads it: pure.
import type { AxlPhone } from './axl-answers.js';
import { isCp6900, modelTag } from './desk-phones.js';
import { oneLine } from './soap-answer.js';
import { CP6900_GROUP_NAME, CP6900_GROUP_VALUE } from './template-settings.js';

export interface AddressedPhone extends AxlPhone {
  /** Its newest IPv4 address. */
  readonly ipv4: string;
  /** RisPort says it is not registered now. */
  readonly unregistered: boolean;
}

export interface InventoryContent {
  /** The CUCM asked, for the header comment. */
  readonly cucm: string;
  /** A template's settings (defaults:, groups:...), or null for the built-in ones. */
  readonly settings: string | null;
  readonly phones: readonly AddressedPhone[];
  /** Phones CUCM knows but RisPort gave no address for. */
  readonly unaddressed: readonly AxlPhone[];
}

const DEFAULT_SETTINGS = [
  'defaults:',
  '  # username: the SSH user set on the phones in CUCM (Product Specific Configuration, SSH userid)',
  '  password_env: UNREG_SSH_PASSWORD',
  'groups:',
  `  ${CP6900_GROUP_NAME}: ${CP6900_GROUP_VALUE}`,
  '',
].join('\n');

export function inventoryYaml(content: InventoryContent): string {
  const lines = [
    `# The desk phones of CUCM ${oneLine(content.cucm)} (AXL listPhone, addresses from RisPort70),`,
    '# written by `unreg inventory cucm`. Site: the device pool. Comments: the descriptions.',
  ];
  const settings = content.settings ?? DEFAULT_SETTINGS;
  const out = [`${lines.join('\n')}\n`, settings];
  out.push(content.phones.length === 0 ? 'phones: []\n' : 'phones:\n');
  for (const phone of content.phones) out.push(phoneYaml(phone));
  if (content.unaddressed.length > 0) out.push(unaddressedBlock(content.unaddressed));
  return out.join('');
}

function phoneYaml(phone: AddressedPhone): string {
  const tags = [modelTag(phone.model), ...(phone.unregistered ? ['unregistered'] : [])];
  return [
    `  - name: ${JSON.stringify(phone.name)}${comment(phone.description)}`,
    `    host: ${phone.ipv4}`,
    `    site: ${JSON.stringify(phone.devicePool)}`,
    `    tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
    ...(isCp6900(phone.model) ? [`    groups: [${CP6900_GROUP_NAME}]`] : []),
    '',
  ].join('\n');
}

function unaddressedBlock(phones: readonly AxlPhone[]): string {
  const lines = [
    '',
    `# CUCM lists ${phones.length} more phone${phones.length === 1 ? '' : 's'} that RisPort70 gave no address for`,
    '# (never registered, or unregistered too long ago for CUCM to remember it):',
    ...phones.map((phone) =>
      ['#  ', phone.name, phone.model, phone.devicePool, phone.description].map(oneLine).filter(Boolean).join('  '),
    ),
    '',
  ];
  return lines.join('\n');
}

// A description is the user's text: on one line, so it cannot end the comment.
function comment(description: string): string {
  const text = oneLine(description);
  return text === '' ? '' : `  # ${text}`;
}
