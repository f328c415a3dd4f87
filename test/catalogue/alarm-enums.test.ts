import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeAlarmEnum } from '../../src/catalogue/alarm-enums.js';

it('describes DHCP and DNS status enums and shows other values raw', () => {
  assert.equal(describeAlarmEnum('DHCPv4Status', '1'), 'good');
  assert.equal(describeAlarmEnum('DHCPv6Status', '3'), 'disabled');
  assert.equal(describeAlarmEnum('DNSStatusUnifiedCM2', '3'), 'did not resolve');
  assert.equal(describeAlarmEnum('DNSStatusUnifiedCM1', '4'), 'not applicable (CUCM given as an address)');
  assert.equal(describeAlarmEnum('DNSStatusUnifiedCM3', '0'), '0');
  assert.equal(describeAlarmEnum('TFTPCfgStatus', '3'), '3');
});
