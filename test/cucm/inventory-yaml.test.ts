import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { inventoryYaml } from '../../src/cucm/inventory-yaml.js';

const phone = {
  name: 'SEP0A0B0C0D0E0F',
  description: 'Lobby "A" #3\nsecond line',
  model: 'Cisco 8845',
  devicePool: 'HQ: Tokyo',
  ipv4: '10.1.2.3',
  unregistered: true,
};

describe('inventoryYaml', () => {
  it('writes name, host, site, tags and the 6900 group; descriptions and unaddressed phones only as comments', () => {
    const text = inventoryYaml({
      cucm: 'cucm-pub',
      settings: null,
      phones: [phone, { ...phone, name: '0123', model: 'Cisco 6921', description: '', unregistered: false }],
      unaddressed: [{ name: 'SEPFEED', description: 'spare\r\nphone', model: 'Cisco 7841', devicePool: 'DP' }],
    });
    assert.deepEqual(parse(text), {
      defaults: { password_env: 'UNREG_SSH_PASSWORD' },
      groups: { cp6900: { debug_username: 'admin', debug_password: '' } },
      phones: [
        { name: 'SEP0A0B0C0D0E0F', host: '10.1.2.3', site: 'HQ: Tokyo', tags: ['cp-8845', 'unregistered'] },
        { name: '0123', host: '10.1.2.3', site: 'HQ: Tokyo', tags: ['cp-6921'], groups: ['cp6900'] },
      ],
    });
    assert.match(text, /- name: "SEP0A0B0C0D0E0F" {2}# Lobby "A" #3 second line\n/);
    assert.match(text, /^# {2}SEPFEED {2}Cisco 7841 {2}DP {2}spare phone$/m);
  });

  it('writes an empty phone list when no phone has an address', () => {
    assert.deepEqual(parse(inventoryYaml({ cucm: 'c', settings: 'defaults: {}\n', phones: [], unaddressed: [] })), {
      defaults: {},
      phones: [],
    });
  });
});
