import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyslogEvent } from '../../src/report/syslog-event.js';
import { countPairs, NO_CUCM_EVENT, NO_PHONE_EVENT, pairDeviceEvents } from '../../src/syslog/fleet-pairs.js';
import { cucmEvent, phoneEvent, seconds, storeOf } from './event-fixtures.js';

/** The device pairs, with the events read back from the store, and the fleet counts. */
function paired(events: SyslogEvent[], windowMs: number) {
  const store = storeOf(events);
  try {
    const pairs = pairDeviceEvents(store, windowMs);
    const back = (index: number | null) => (index === null ? null : store.get(index));
    return {
      pairs: Array.from(pairs, (pair) => ({ ...pair, cucm: back(pair.cucm), phone: back(pair.phone) })),
      counts: countPairs(store, pairs),
    };
  } finally {
    store.close();
  }
}

const WINDOW = 600_000;

describe('pairDeviceEvents and countPairs', () => {
  it("pairs a CUCM event with the phone's by the phone's TimeStamp, not by when CUCM logged it", () => {
    const cucm = cucmEvent('SEP1', '2016-04-21T09:03:30.000Z', 13, 'KeepAliveTimeout');
    // Logged an hour later, when the phone came back; out of service since 09:02:53.
    const phone = phoneEvent('SEP1', '2016-04-21T10:05:00.000Z', seconds('2016-04-21T09:02:53Z'), 10, 'TCPtimeOut');
    assert.deepEqual(paired([cucm, phone], WINDOW).pairs, [{ deviceName: 'SEP1', cucm, phone, apartSeconds: 37 }]);
  });

  it('falls back to the logged time of a phone event without TimeStamp', () => {
    const cucm = cucmEvent('SEP1', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout');
    const phone = phoneEvent('SEP1', '2016-04-21T09:10:00.000Z', undefined, 10, 'TCPtimeOut');
    assert.equal(paired([cucm, phone], WINDOW).pairs[0]?.apartSeconds, 600);
    const late = phoneEvent('SEP1', '2016-04-21T09:10:01.000Z', undefined, 10, 'TCPtimeOut');
    assert.equal(paired([cucm, late], WINDOW).pairs.length, 2);
  });

  it('pairs only within a device, whatever the letter case of its name', () => {
    const cucm = cucmEvent('sep1', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout');
    const phone = phoneEvent('SEP1', null, seconds('2016-04-21T09:00:10Z'), 10, 'TCPtimeOut');
    const other = phoneEvent('SEP2', null, seconds('2016-04-21T09:00:10Z'), 10, 'TCPtimeOut');
    assert.deepEqual(
      paired([cucm, phone, other], WINDOW).pairs.map((pair) => [
        pair.deviceName,
        pair.cucm?.line,
        pair.phone?.deviceName,
      ]),
      [
        ['sep1', 1, 'SEP1'],
        ['SEP2', undefined, 'SEP2'],
      ],
    );
  });

  it('counts pairs by CUCM reason x phone reason, with devices and events, most devices first', () => {
    const events = [
      cucmEvent('SEP1', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout'),
      phoneEvent('SEP1', null, seconds('2016-04-21T09:00:05Z'), 10, 'TCPtimeOut'),
      cucmEvent('SEP1', '2016-04-21T12:00:00.000Z', 13, 'KeepAliveTimeout'),
      phoneEvent('SEP1', null, seconds('2016-04-21T12:00:05Z'), 10, 'TCPtimeOut'),
      cucmEvent('SEP2', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout'),
      phoneEvent('SEP2', null, seconds('2016-04-21T09:01:00Z'), 10, 'TCPtimeOut'),
      cucmEvent('SEP3', '2016-04-21T09:00:00.000Z', 8, 'DeviceInitiatedReset'),
      phoneEvent('SEP4', null, seconds('2016-04-21T09:00:00Z'), null, null),
      cucmEvent('SEP5', null, 99, null),
    ];
    assert.deepEqual(paired(events, WINDOW).counts, [
      {
        cucmReasonCode: 13,
        cucmReasonName: 'KeepAliveTimeout',
        phoneReasonCode: 10,
        phoneReasonName: 'TCPtimeOut',
        devices: 2,
        events: 3,
      },
      {
        cucmReasonCode: 8,
        cucmReasonName: 'DeviceInitiatedReset',
        phoneReasonCode: null,
        phoneReasonName: NO_PHONE_EVENT,
        devices: 1,
        events: 1,
      },
      {
        cucmReasonCode: 99,
        cucmReasonName: 'unknown code 99',
        phoneReasonCode: null,
        phoneReasonName: NO_PHONE_EVENT,
        devices: 1,
        events: 1,
      },
      {
        cucmReasonCode: null,
        cucmReasonName: NO_CUCM_EVENT,
        phoneReasonCode: null,
        phoneReasonName: 'unknown (no reason given)',
        devices: 1,
        events: 1,
      },
    ]);
  });
});
