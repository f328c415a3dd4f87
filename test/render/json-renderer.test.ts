import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_INCIDENT_SETTINGS } from '../../src/incidents/incident.js';
import { IncidentCollector } from '../../src/incidents/incident-collector.js';
import { incidentsJson, JsonRenderer, NdjsonRenderer } from '../../src/render/json-renderer.js';
import type { PhoneEntry, ReportDocument } from '../../src/report/report-document.js';
import { SummaryTally } from '../../src/report/summary.js';
import { failed, okEntry, renderAll, sampleAlarm } from './sample-entries.js';

const CONTEXT = { version: '9.9.9', generatedAt: '2024-06-10T04:00:00.000Z' };

/** The document the streamed output must equal, built whole. */
function wholeDocument(entries: PhoneEntry[]): ReportDocument {
  const tally = new SummaryTally();
  const incidents = new IncidentCollector();
  for (const entry of entries) {
    tally.add(entry);
    incidents.add(entry);
  }
  return {
    schemaVersion: 1,
    tool: 'unreg',
    version: CONTEXT.version,
    generatedAt: CONTEXT.generatedAt,
    phones: entries,
    summary: tally.summary(),
    incidents: incidentsJson(incidents.incidents(DEFAULT_INCIDENT_SETTINGS)),
  };
}

function assertStreamsTheDocument(entries: PhoneEntry[]): void {
  const streamed = renderAll(new JsonRenderer(CONTEXT), entries);
  const document = wholeDocument(entries);
  assert.equal(streamed, `${JSON.stringify(document, null, 2)}\n`);
  assert.deepEqual(JSON.parse(streamed), JSON.parse(JSON.stringify(document)));
}

const FLEET: PhoneEntry[] = [
  okEntry('10.0.0.1', [sampleAlarm({}, 'sent'), sampleAlarm({ ReasonForOutOfService: '' })], {
    name: 'lobby',
    site: '東京',
    tags: ['floor-1', 'lobby'],
  }),
  failed('10.0.0.2', { kind: 'refused', message: 'connection refused "port 22"\n' }),
  { ...okEntry('10.0.0.3', []), warnings: ['an alarm was cut off'] },
];

describe('JsonRenderer', () => {
  it('streams exactly JSON.stringify(document, null, 2), newline-terminated', () => {
    assertStreamsTheDocument(FLEET);
  });

  it('does so with zero phones and with one', () => {
    assertStreamsTheDocument([]);
    assertStreamsTheDocument([FLEET[0] as PhoneEntry]);
    assert.match(renderAll(new JsonRenderer(CONTEXT), []), /"phones": \[\],\n/);
  });

  it('puts the fields of the public contract in their order', () => {
    const document = JSON.parse(renderAll(new JsonRenderer(CONTEXT), FLEET));
    assert.deepEqual(Object.keys(document), [
      'schemaVersion',
      'tool',
      'version',
      'generatedAt',
      'phones',
      'summary',
      'incidents',
    ]);
    assert.deepEqual(Object.keys(document.phones[0]), [
      'host',
      'port',
      'name',
      'site',
      'tags',
      'status',
      'error',
      'durationMs',
      'alarms',
      'warnings',
    ]);
    assert.deepEqual(Object.keys(document.phones[0].alarms[0]), [
      'section',
      'alarm',
      'deviceName',
      'model',
      'ipv4',
      'reasonCode',
      'reasonName',
      'reasonText',
      'category',
      'timestamp',
      'lastEventSent',
      'lastEventReceived',
      'params',
    ]);
    assert.deepEqual(document.summary, {
      phones: { total: 3, ok: 2, failed: 1, skipped: 0, withAlarms: 1 },
      reasons: [
        { code: 10, name: 'TCPtimeOut', phones: 1, alarms: 1, sent: 1, unsent: 0 },
        { code: null, name: 'unknown (no reason given)', phones: 1, alarms: 1, sent: 0, unsent: 1 },
      ],
      skipped: [],
    });
  });

  it('serialises whatever fields an entry holds, added ones too', () => {
    const entry = { ...okEntry('h', []), firmware: 'sip88xx.14-2-1', extra: { nested: [1, 2] } } as PhoneEntry;
    assertStreamsTheDocument([entry]);
  });

  it('streams the document for any phone strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string()), { maxLength: 4 }),
        (phones) =>
          assertStreamsTheDocument(
            phones.map(([host, name, value]) =>
              okEntry(host, [sampleAlarm({ [value]: name, DeviceName: value })], { name }),
            ),
          ),
      ),
    );
  });
});

describe('NdjsonRenderer', () => {
  it('writes one phones[] element per line, and nothing else', () => {
    const text = renderAll(new NdjsonRenderer(), FLEET);
    const lines = text.split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      JSON.parse(JSON.stringify(FLEET)),
    );
    assert.equal(renderAll(new NdjsonRenderer(), []), '');
  });

  it('writes each phone as soon as it is given', () => {
    const renderer = new NdjsonRenderer();
    assert.equal(renderer.start(), '');
    assert.equal(renderer.phone(FLEET[1] as PhoneEntry), `${JSON.stringify(FLEET[1])}\n`);
  });

  it('escapes the characters some readers take for line breaks', () => {
    const entry = okEntry('a\u2028b\u2029c\u0085d', []);
    const line = new NdjsonRenderer().phone(entry);
    assert.equal(line.split(/[\n\r\u2028\u2029\u0085]/).length, 2);
    assert.ok(line.includes('"host":"a\\u2028b\\u2029c\\u0085d"'));
    assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(entry)));
  });
});
