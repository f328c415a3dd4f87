import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PhoneEntry, ReportAlarm } from '../../src/report/report-document.js';
import { indexCucmEvents, joinCucmEvents } from '../../src/syslog/cucm-join.js';
import { cucmEvent, phoneEvent, seconds, storeOf } from './event-fixtures.js';

const WINDOW = 600_000;

function alarm(deviceName: string | null, timestamp: string | null): ReportAlarm {
  return {
    section: 'sent',
    alarm: 'LastOutOfServiceInformation',
    deviceName,
    model: 'CP-8861',
    ipv4: null,
    reasonCode: 10,
    reasonName: 'TCPtimeOut',
    reasonText: null,
    category: 'network',
    timestamp,
    lastEventSent: null,
    lastEventReceived: null,
    params: {},
  };
}

function entry(alarms: ReportAlarm[], name: string | null = null): PhoneEntry {
  return {
    host: '10.0.0.1',
    port: 22,
    name,
    site: null,
    tags: [],
    status: 'ok',
    error: null,
    durationMs: 1,
    alarms,
    warnings: [],
  };
}

describe('joinCucmEvents', () => {
  const early = cucmEvent('SEP2834A282656D', '2016-04-21T09:03:30.000Z', 13, 'KeepAliveTimeout', 1);
  const late = cucmEvent('SEP2834A282656D', '2016-04-21T15:00:00.000Z', 8, 'DeviceInitiatedReset', 2);
  const elsewhere = cucmEvent('SEP000000000001', '2016-04-21T09:03:30.000Z', 13, 'KeepAliveTimeout', 3);
  const relayed = phoneEvent('SEP2834A282656D', null, seconds('2016-04-21T09:02:53Z'), 10, 'TCPtimeOut', 4);
  // The index holds what it needs: the store can be closed once it is built.
  const store = storeOf([late, relayed, elsewhere, early]);
  const index = indexCucmEvents(store);
  store.close();

  it("adds the device's CUCM events in time order, and to each alarm the one it pairs with or null", () => {
    const phone = entry([
      alarm('SEP2834A282656D', '2016-04-21T09:02:53.181Z'),
      alarm('SEP2834A282656D', '2016-04-20T00:00:00.000Z'),
    ]);
    const joined = joinCucmEvents(phone, index, WINDOW);
    assert.deepEqual(joined.cucmEvents, [early, late]);
    assert.deepEqual(
      joined.alarms.map((a) => a.cucmEvent),
      [early, null],
    );
    // Pure: the entry given is left as it was.
    assert.equal(phone.cucmEvents, undefined);
    assert.equal(phone.alarms[0]?.cucmEvent, undefined);
  });

  it("leaves the phone's relayed alarm out: the sweep has the phone's own", () => {
    const joined = joinCucmEvents(entry([alarm('SEP2834A282656D', null)]), index, WINDOW);
    assert.ok(joined.cucmEvents?.every((event) => event.source === 'cucm'));
    assert.equal(joined.alarms[0]?.cucmEvent, null);
  });

  it('finds a phone with no alarms left by its inventory name, and gives others empty lists', () => {
    assert.deepEqual(joinCucmEvents(entry([], 'sep000000000001'), index, WINDOW).cucmEvents, [elsewhere]);
    assert.deepEqual(joinCucmEvents(entry([], 'lobby phone'), index, WINDOW).cucmEvents, []);
    const noName = joinCucmEvents(entry([alarm(null, '2016-04-21T09:03:30.000Z')]), index, WINDOW);
    assert.deepEqual([noName.cucmEvents, noName.alarms[0]?.cucmEvent], [[], null]);
  });

  it('pairs alarm and CUCM event exactly a window apart, and not a second more', () => {
    const at = (iso: string) =>
      joinCucmEvents(entry([alarm('SEP000000000001', iso)]), index, WINDOW).alarms[0]?.cucmEvent;
    assert.deepEqual(at('2016-04-21T09:13:30.000Z'), elsewhere);
    assert.equal(at('2016-04-21T09:13:31.000Z'), null);
  });
});
