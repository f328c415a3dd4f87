import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alarmParameterPairs, packPairs } from '../../src/render/alarm-parameters.js';
import { SEED_PARAMS } from '../../src/simulator/alarm-generator.js';
import { sampleAlarm } from './sample-entries.js';

describe('alarmParameterPairs', () => {
  it('decodes the DHCP and DNS status enums and shows other values raw, in the order sent', () => {
    const pairs = alarmParameterPairs(sampleAlarm({ DNSStatusUnifiedCM2: '3', DNSStatusUnifiedCM3: '4' }));
    assert.deepEqual(pairs, [
      'DeviceIPv4Address=192.168.1.37/24',
      'IPv4DefaultGateway=192.168.1.254',
      'ModelNumber=CP-8861',
      'NeighborIPv4Address=192.168.1.254',
      'NeighborDeviceID=jtac-l2tun-01',
      'NeighborPortID=FastEthernet0/1/4',
      'DHCPv4Status=good',
      'DHCPv6Status=disabled',
      'TFTPCfgStatus=3',
      'DNSStatusUnifiedCM1=good',
      'DNSStatusUnifiedCM2=did not resolve',
      'DNSStatusUnifiedCM3=not applicable (CUCM given as an address)',
      'DNSv6StatusUnifiedCM1=0',
      'DNSv6StatusUnifiedCM2=0',
      'DNSv6StatusUnifiedCM3=0',
      'UnifiedCMIPAddress=cucm105p',
      'LocalPort=49786',
      `LastProtocolEventSent=${SEED_PARAMS.LastProtocolEventSent}`,
      `LastProtocolEventReceived=${SEED_PARAMS.LastProtocolEventReceived}`,
    ]);
  });

  it('keeps a time or reason that could not be decoded, raw', () => {
    const pairs = alarmParameterPairs(sampleAlarm({ TimeStamp: 'yesterday', ReasonForOutOfService: 'x9' }));
    assert.ok(pairs.includes('TimeStamp=yesterday'));
    assert.ok(pairs.includes('ReasonForOutOfService=x9'));
  });

  it('makes names and values terminal-safe', () => {
    const pairs = alarmParameterPairs(sampleAlarm({ 'Evil\u001b[2J': 'v\u001b]0;t\u0007alue\u202e\nx' }));
    assert.ok(pairs.includes('Evil=value x'), pairs.join('|'));
  });
});

describe('packPairs', () => {
  it('fills lines up to the width, two spaces apart, never splitting a pair', () => {
    assert.equal(packPairs(['a=1', 'b=2', 'c=3'], 8), 'a=1  b=2\nc=3');
    assert.equal(packPairs(['a=1', 'long=0123456789', 'c=3'], 8), 'a=1\nlong=0123456789\nc=3');
    assert.equal(packPairs([], 8), '');
  });
});
