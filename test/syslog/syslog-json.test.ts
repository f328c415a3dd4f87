import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SyslogEventStore } from '../../src/syslog/event-store.js';
import { syslogJson, syslogNdjson } from '../../src/syslog/syslog-json.js';
import { buildSyslogReport } from '../../src/syslog/syslog-report.js';
import { cucmEvent, phoneEvent, seconds, storeOf } from './event-fixtures.js';

const GENERATED = '2026-01-01T00:00:00.000Z';

describe('syslogJson', () => {
  it('streams exactly what JSON.stringify gives for the documented document', () => {
    const events = [
      phoneEvent('SEP2', '2016-04-21T10:00:00.000Z', seconds('2016-04-21T09:00:00Z'), 10, 'TCPtimeOut', 3),
      cucmEvent('SEP2', '2016-04-21T09:00:30.000Z', 13, 'KeepAliveTimeout', 2),
      cucmEvent('SEP1', null, 8, 'DeviceInitiatedReset', 1),
    ];
    const store = storeOf(events);
    after(() => store.close());
    const report = buildSyslogReport(
      {
        store,
        read: {
          lines: 10,
          events: 3,
          skipped: 6,
          malformedTotal: 1,
          malformed: [{ file: 'f', line: 4, message: 'm' }],
        },
      },
      600_000,
    );
    const sorted = [2, 1, 0].map((index) => events[index]);
    const text = [...syslogJson(report, GENERATED)].join('');
    const document = {
      schemaVersion: 1,
      tool: 'unreg',
      generatedAt: GENERATED,
      events: sorted,
      pairs: report.pairs,
      read: report.read,
    };
    assert.equal(text, `${JSON.stringify(document, null, 2)}\n`);
    // Per device, in time order.
    assert.deepEqual(
      JSON.parse(text).events.map((event: { line: number }) => event.line),
      [1, 2, 3],
    );
    assert.deepEqual(Object.keys(JSON.parse(text).pairs[0]), [
      'cucmReasonCode',
      'cucmReasonName',
      'phoneReasonCode',
      'phoneReasonName',
      'devices',
      'events',
    ]);
    assert.equal([...syslogNdjson(report)].join(''), sorted.map((event) => `${JSON.stringify(event)}\n`).join(''));
  });

  it('writes U+0085, U+2028 and U+2029 in ndjson as \\u escapes, so that each event stays one line', () => {
    const event = { ...cucmEvent('SEP1', null, 8, 'DeviceInitiatedReset'), node: 'a\u0085b\u2028c\u2029d' };
    const store = storeOf([event]);
    after(() => store.close());
    const report = buildSyslogReport(
      { store, read: { lines: 1, events: 1, skipped: 0, malformedTotal: 0, malformed: [] } },
      1000,
    );
    const text = [...syslogNdjson(report)].join('');
    assert.match(text, /"node":"a\\u0085b\\u2028c\\u2029d"/);
    assert.deepEqual(JSON.parse(text), event);
  });

  it('writes an empty report as valid JSON', () => {
    const store = new SyslogEventStore();
    after(() => store.close());
    const report = buildSyslogReport(
      { store, read: { lines: 0, events: 0, skipped: 0, malformedTotal: 0, malformed: [] } },
      1000,
    );
    assert.deepEqual(JSON.parse([...syslogJson(report, GENERATED)].join('')), {
      schemaVersion: 1,
      tool: 'unreg',
      generatedAt: GENERATED,
      events: [],
      pairs: [],
      read: { lines: 0, events: 0, skipped: 0, malformedTotal: 0, malformed: [] },
    });
  });
});
