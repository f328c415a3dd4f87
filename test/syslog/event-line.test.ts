import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyslogEvent } from '../../src/report/syslog-event.js';
import { type LineContext, type LineResult, parseEventLine } from '../../src/syslog/event-line.js';
import {
  ciscoHeader,
  endPointUnregistered,
  lastOutOfService,
  OLDER_DEVICE_UNREGISTERED,
  SEED_ENDPOINT_UNREGISTERED,
  SEED_LAST_OUT_OF_SERVICE,
} from './sample-lines.js';

const CONTEXT: LineContext = {
  file: 'CiscoSyslog',
  line: 7,
  clock: { referenceMs: Date.parse('2016-06-01T00:00:00Z'), localToEpoch: () => Number.NaN },
};

function eventOf(result: LineResult): SyslogEvent {
  assert.ok(result !== null && 'event' in result, `expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

function malformedOf(result: LineResult): string {
  assert.ok(result !== null && 'malformed' in result, `expected a malformed line, got ${JSON.stringify(result)}`);
  return result.malformed;
}

describe('parseEventLine', () => {
  it("reads the seed's EndPointUnregistered with the CUCM table (13 = KeepAliveTimeout)", () => {
    const event = eventOf(
      parseEventLine(ciscoHeader('Apr 21 2016 09:03:30.123 UTC') + SEED_ENDPOINT_UNREGISTERED, CONTEXT),
    );
    assert.deepEqual(
      { ...event, params: undefined },
      {
        source: 'cucm',
        alarm: 'EndPointUnregistered',
        deviceName: 'SEP2834A282656D',
        reasonCode: 13,
        reasonName: 'KeepAliveTimeout',
        time: '2016-04-21T09:03:30.123Z',
        ipAddress: '192.168.1.37',
        node: 'cucm105p',
        file: 'CiscoSyslog',
        line: 7,
        params: undefined,
      },
    );
    assert.equal(event.params.LastSignalReceived, 'SIPStationDPrimaryLineTimeout');
    assert.equal(Object.keys(event.params).length, 10);
  });

  it("reads the seed's LastOutOfServiceInformation with the phone table and its TimeStamp in seconds", () => {
    const event = eventOf(parseEventLine(SEED_LAST_OUT_OF_SERVICE, CONTEXT));
    assert.equal(event.source, 'phone');
    assert.equal(event.alarm, 'LastOutOfServiceInformation');
    assert.equal(event.reasonCode, 10);
    assert.equal(event.reasonName, 'TCPtimeOut');
    // No header: the alarm's own TimeStamp (epoch seconds).
    assert.equal(event.time, '2016-04-21T09:02:53.000Z');
    assert.equal(event.ipAddress, '192.168.1.37');
    assert.equal(event.node, 'cucm105s');
    assert.equal(event.params.LastProtocolEventReceived, '');
    assert.equal(
      event.params.LastProtocolEventSent,
      'Sent:REGISTER sip:cucm105p SIP/2.0 Cseq:118 REGISTER CallId:2834a282-656d000e-6cfd28bd-713281ce@192.168.1.37',
    );
  });

  it('never reads a CUCM Reason with the phone table, nor the other way round', () => {
    const cucm = eventOf(parseEventLine(endPointUnregistered({ DeviceName: 'SEP1', Reason: '13' }), CONTEXT));
    const phone = eventOf(
      parseEventLine(lastOutOfService({ DeviceName: 'SEP1', ReasonForOutOfService: '13' }), CONTEXT),
    );
    assert.equal(cucm.reasonName, 'KeepAliveTimeout');
    assert.equal(phone.reasonName, 'TCPucmAbortedConnection');
  });

  it('reads LastOutOfServiceInformation under other facility prefixes', () => {
    for (const facility of ['UC_', 'UC_CALLMANAGER', 'CCM_CALLMANAGER-CALLMANAGER']) {
      const event = eventOf(parseEventLine(lastOutOfService({ DeviceName: 'SEP1' }, { facility }), CONTEXT));
      assert.equal(event.alarm, 'LastOutOfServiceInformation', facility);
    }
  });

  it('reads the older DeviceUnregistered text form', () => {
    const event = eventOf(parseEventLine(OLDER_DEVICE_UNREGISTERED, CONTEXT));
    assert.equal(event.source, 'cucm');
    assert.equal(event.alarm, 'DeviceUnregistered');
    assert.equal(event.deviceName, 'SEP000B5F327F9A');
    assert.equal(event.reasonCode, 12);
    assert.equal(event.reasonName, 'SCCPDeviceThrottling');
    assert.equal(event.ipAddress, '10.1.1.12');
    assert.equal(event.node, 'CCM1');
    assert.equal(event.time, null);
    assert.equal(event.params['Device description'], 'xyz');
  });

  it('reads keys in any order, with optional keys absent, at severity 3 or 6', () => {
    const shuffled = endPointUnregistered(
      { NodeID: 'cucm2', Reason: '8', DeviceName: 'SEPAABBCCDDEEFF' },
      { severity: 6 },
    );
    const event = eventOf(parseEventLine(shuffled, CONTEXT));
    assert.deepEqual(
      [event.deviceName, event.reasonCode, event.reasonName],
      ['SEPAABBCCDDEEFF', 8, 'DeviceInitiatedReset'],
    );
    assert.deepEqual([event.ipAddress, event.time], [null, null]);
    assert.equal(eventOf(parseEventLine(shuffled.replace('-6-', '-3-'), CONTEXT)).reasonCode, 8);
    const bare = eventOf(parseEventLine(endPointUnregistered({ DeviceName: 'SEP1' }), CONTEXT));
    assert.deepEqual([bare.reasonCode, bare.reasonName, bare.node], [null, null, null]);
  });

  it('keeps a Japanese Description and a value with = and spaces verbatim', () => {
    const line = endPointUnregistered({ DeviceName: 'SEP1', Description: '会議室 2階 (a=b)', Reason: '6' });
    const event = eventOf(parseEventLine(line, CONTEXT));
    assert.equal(event.params.Description, '会議室 2階 (a=b)');
    assert.equal(event.reasonName, 'ConnectivityError');
  });

  it('keeps an unknown or empty reason as what it is, not as a guess', () => {
    const unknown = eventOf(parseEventLine(endPointUnregistered({ DeviceName: 'SEP1', Reason: '99' }), CONTEXT));
    assert.deepEqual([unknown.reasonCode, unknown.reasonName], [99, null]);
    const empty = eventOf(parseEventLine(lastOutOfService({ DeviceName: 'SEP1', ReasonForOutOfService: '' }), CONTEXT));
    assert.deepEqual([empty.reasonCode, empty.reasonName], [null, null]);
  });

  it('ignores lines that are not one of the three alarms', () => {
    for (const line of [
      '',
      'Apr 21 09:02:53 cucm105p local7 6 : %UC_CALLMANAGER-6-EndPointRegistered: %[DeviceName=SEP1]: registered',
      'RTMT alert: number of EndPointUnregistered events is high',
      '%UC_CALLMANAGER-3-EndPointUnregisteredSomething: %[DeviceName=SEP1]',
    ]) {
      assert.equal(parseEventLine(line, CONTEXT), null, line);
    }
  });

  it('calls a named alarm it cannot read malformed, saying why', () => {
    assert.match(malformedOf(parseEventLine(endPointUnregistered({ Reason: '13' }), CONTEXT)), /no DeviceName/);
    assert.match(malformedOf(parseEventLine(endPointUnregistered({ DeviceName: '  ' }), CONTEXT)), /no DeviceName/);
    assert.match(
      malformedOf(parseEventLine('%UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEP1][Reason=1', CONTEXT)),
      /EndPointUnregistered: \[Reason=\.\.\. is not closed/,
    );
    assert.match(
      malformedOf(parseEventLine('%UC_CALLMANAGER-3-EndPointUnregistered: An endpoint has unregistered.', CONTEXT)),
      /no %\[Key=Value\] list/,
    );
  });
});
