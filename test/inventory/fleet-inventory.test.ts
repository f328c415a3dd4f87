import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InventoryError } from '../../src/inventory/inventory-problem.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { useScratchFolder } from './inventory-files.js';

const ENV = { UNREG_SSH_PASSWORD: 'ssh-pw', UNREG_DEBUG_PASSWORD: 'debug-pw' };

/** An inventory of `count` phones as `unreg simulate` writes one: defaults, then phones with no settings of their own. */
function fleetYaml(count: number, last = ''): string {
  const lines = ['defaults:', '  username: "sshadmin"', '  prompt: "DEBUG>"', 'phones:'];
  for (let index = 0; index < count; index++) {
    lines.push(`  - host: 10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`, `    name: "SEP${index}"`);
    lines.push('    site: "tokyo"', '    tags: ["cp-7821"]');
  }
  return `${lines.join('\n')}\n${last}`;
}

describe('loadInventory: a fleet', () => {
  const scratch = useScratchFolder();

  it('reads 10,000 phones in file order, phones alike sharing one password, prompts and tags object each', async () => {
    const file = await scratch.write('fleet.yaml', fleetYaml(10_000));
    const { phones, warnings } = await loadInventory(file, { env: ENV });
    assert.deepEqual(warnings, []);
    assert.equal(phones.length, 10_000);
    assert.deepEqual(
      phones.map((phone) => phone.name),
      Array.from({ length: 10_000 }, (_, index) => `SEP${index}`),
    );
    assert.equal(phones[9_999]?.host, '10.0.39.15');
    const [first, last] = [phones[0], phones[9_999]];
    assert.ok(first && last);
    assert.equal(first.password, last.password);
    assert.equal(first.debugPassword, last.debugPassword);
    assert.equal(first.prompts, last.prompts);
    assert.equal(first.prompts.command.source, '(?:DEBUG>)\\s*$');
    assert.deepEqual([last.password.reveal(), last.debugPassword.reveal(), last.port], ['ssh-pw', 'debug-pw', 22]);
  });

  it('reports one bad port after 10,000 phones as one line naming file:line', async () => {
    const file = await scratch.write('bad-port.yaml', fleetYaml(10_000, '  - host: 10.9.9.9\n    port: 0x16\n'));
    const error = await loadInventory(file, { env: ENV }).catch((caught: unknown) => caught);
    assert.ok(error instanceof InventoryError);
    assert.deepEqual(error.message.split('\n'), [`${file}:40006: port: must be an integer 1-65535, got 0x16`]);
  });

  it('looks up groups listed after the phones, and reads a flow list of phones and entries left empty', async () => {
    const text = [
      'defaults: { username: u }',
      'phones:',
      '  - { host: a, groups: [cp6900] }',
      '  -',
      '  - host: b',
      'groups:',
      '  cp6900: { debug_username: admin, debug_password: "" }',
      '',
    ].join('\n');
    const file = await scratch.write('groups-after.yaml', text);
    const error = await loadInventory(file, { env: ENV }).catch((caught: unknown) => caught);
    assert.ok(error instanceof InventoryError);
    assert.deepEqual(error.message.split('\n'), [
      `${file}:4: each phone must be a mapping with host:, e.g. "- host: 10.1.2.3", got nothing`,
    ]);
    const fixed = await scratch.write('groups-after-fixed.yaml', text.replace('  -\n', ''));
    const { phones } = await loadInventory(fixed, { env: ENV });
    assert.deepEqual(
      phones.map((phone) => [phone.host, phone.debugUsername, phone.debugPassword.reveal()]),
      [
        ['a', 'admin', ''],
        ['b', 'debug', 'debug-pw'],
      ],
    );
    const flow = await scratch.write(
      'flow.yaml',
      'defaults: { username: u }\nphones: [{ host: a }, { host: b, port: 23 }]\n',
    );
    assert.deepEqual(
      (await loadInventory(flow, { env: ENV })).phones.map((phone) => [phone.host, phone.port]),
      [
        ['a', 22],
        ['b', 23],
      ],
    );
  });
});
