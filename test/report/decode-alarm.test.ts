import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedAlarm } from '../../src/parser/parsed-alarm.js';
import { addressWithoutPrefix, decodeAlarm, parseReasonCode } from '../../src/report/decode-alarm.js';
import { SEED_PARAMS } from '../../src/simulator/alarm-generator.js';
import { parseFixture, seedParams } from '../parser/seed-alarm.js';

function alarmWith(changes: Record<string, string>): ParsedAlarm {
  return { section: 'sent', name: 'LastOutOfServiceInformation', params: seedParams(changes) };
}

describe('decodeAlarm', () => {
  it('decodes the seed example', () => {
    const [alarm] = parseFixture('seed-cp8861.txt').alarms;
    assert.ok(alarm);
    const decoded = decodeAlarm(alarm);
    assert.deepEqual(
      { ...decoded, reasonText: undefined },
      {
        section: 'unsent',
        alarm: 'LastOutOfServiceInformation',
        deviceName: 'SEP2834A282656D',
        model: 'CP-8861',
        ipv4: '192.168.1.37',
        reasonCode: 10,
        reasonName: 'TCPtimeOut',
        reasonText: undefined,
        category: 'network',
        timestamp: '2016-04-21T09:02:53.181Z',
        lastEventSent: SEED_PARAMS.LastProtocolEventSent,
        lastEventReceived: SEED_PARAMS.LastProtocolEventReceived,
        params: SEED_PARAMS,
      },
    );
    assert.match(decoded.reasonText ?? '', /TCP/);
  });

  it('reads the syslog form: address "192.168.1.37 / 0" and TimeStamp in seconds', () => {
    const decoded = decodeAlarm(alarmWith({ DeviceIPv4Address: '192.168.1.37 / 0', TimeStamp: '1461229373' }));
    assert.equal(decoded.ipv4, '192.168.1.37');
    assert.equal(decoded.timestamp, '2016-04-21T09:02:53.000Z');
  });

  it('gives an empty ReasonForOutOfService as null, not 0', () => {
    const decoded = decodeAlarm(parseFixture('empty-reason.txt').alarms[0] as ParsedAlarm);
    assert.deepEqual(
      [decoded.reasonCode, decoded.reasonName, decoded.reasonText, decoded.category],
      [null, null, null, null],
    );
  });

  it('keeps an unknown code with no name, text or category', () => {
    const decoded = decodeAlarm(alarmWith({ ReasonForOutOfService: '99' }));
    assert.deepEqual(
      [decoded.reasonCode, decoded.reasonName, decoded.reasonText, decoded.category],
      [99, null, null, null],
    );
  });

  it('names other known codes with their category, whitespace around the code allowed', () => {
    const lost = decodeAlarm(alarmWith({ ReasonForOutOfService: '16' }));
    assert.deepEqual([lost.reasonCode, lost.reasonName, lost.category], [16, 'TCPdeviceLostIPAddress', 'network']);
    const reset = decodeAlarm(alarmWith({ ReasonForOutOfService: ' 22 ' }));
    assert.deepEqual([reset.reasonCode, reset.reasonName], [22, 'TCPclosedUcmInitiatedReset']);
  });

  it('gives null for empty or missing device, model, address, events and time', () => {
    const decoded = decodeAlarm({ section: 'sent', name: 'LastOutOfServiceInformation', params: { DeviceName: ' ' } });
    assert.deepEqual(
      [
        decoded.deviceName,
        decoded.model,
        decoded.ipv4,
        decoded.reasonCode,
        decoded.timestamp,
        decoded.lastEventSent,
        decoded.lastEventReceived,
      ],
      [null, null, null, null, null, null, null],
    );
  });
});

describe('parseReasonCode and addressWithoutPrefix', () => {
  it('reads digits only', () => {
    assert.deepEqual(['10', ' 7 ', '', 'x', '-1', '1.5', '0'].map(parseReasonCode), [10, 7, null, null, null, null, 0]);
  });

  it('strips a prefix length in either form', () => {
    assert.deepEqual(['10.0.0.1/24', '10.0.0.1 / 0', '10.0.0.1', '', '/24', undefined].map(addressWithoutPrefix), [
      '10.0.0.1',
      '10.0.0.1',
      '10.0.0.1',
      null,
      null,
      null,
    ]);
  });
});
