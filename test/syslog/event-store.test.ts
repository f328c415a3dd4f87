import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SyslogEventStore } from '../../src/syslog/event-store.js';
import { cucmEvent, phoneEvent, seconds, storeOf } from './event-fixtures.js';

describe('SyslogEventStore', () => {
  it('gives back every event as added, before and after its buffer goes to disk', () => {
    const store = new SyslogEventStore();
    try {
      // About 3 MB of events: several flushes, reads from disk and from the buffer.
      const events = Array.from({ length: 6000 }, (_, index) =>
        index % 2 === 0
          ? cucmEvent(`SEP${index % 7}`, new Date(index * 1000).toISOString(), 13, 'KeepAliveTimeout', index)
          : { ...phoneEvent('sep1', null, '1461229373', null, null, index), params: { Note: '会議室'.repeat(100) } },
      );
      for (const [index, event] of events.entries()) {
        store.add(event);
        if (index % 997 === 0) assert.deepEqual(store.get(index), event);
      }
      assert.equal(store.size, events.length);
      assert.deepEqual([...store.events()], events);
      assert.deepEqual(store.get(3), events[3]);
    } finally {
      store.close();
    }
  });

  it('keeps what pairing and sorting need without reading the events back', () => {
    const store = storeOf([
      cucmEvent('sep1', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout'),
      phoneEvent('SEP1', '2016-04-21T10:00:00.000Z', seconds('2016-04-21T08:59:00Z'), 10, 'TCPtimeOut'),
      phoneEvent('SEP2', null, undefined, null, null),
    ]);
    try {
      assert.deepEqual([store.deviceId(0), store.deviceId(1), store.deviceId(2)], [0, 0, 1]);
      assert.deepEqual([store.deviceName(0), store.deviceSortKey(0)], ['sep1', 'SEP1']);
      assert.deepEqual([store.source(0), store.source(1)], ['cucm', 'phone']);
      assert.equal(store.timeMs(1), Date.parse('2016-04-21T10:00:00Z'));
      assert.equal(store.outOfServiceMs(1), Date.parse('2016-04-21T08:59:00Z'));
      assert.deepEqual([store.timeMs(2), store.outOfServiceMs(2), store.reasonCode(2)], [null, null, null]);
      assert.equal(store.reasonCode(0), 13);
      assert.throws(() => store.get(3), RangeError);
    } finally {
      store.close();
    }
  });

  it('leaves nothing in the temporary folder, even while open', () => {
    const parent = mkdtempSync(join(tmpdir(), 'unreg-store-test-'));
    try {
      const store = new SyslogEventStore(parent);
      store.add(cucmEvent('SEP1', null, 1, 'Unknown'));
      assert.deepEqual(readdirSync(parent), []);
      assert.equal(store.get(0).deviceName, 'SEP1');
      assert.deepEqual(readdirSync(parent), [], 'nor once written out');
      store.close();
      assert.throws(() => store.get(0), /closed/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
