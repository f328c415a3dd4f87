import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ENDPOINT_UNREGISTERED_REASONS } from '../../src/catalogue/endpoint-unregistered-reasons.js';
import { OUT_OF_SERVICE_REASONS } from '../../src/catalogue/out-of-service-reasons.js';
import { CSV_COLUMNS } from '../../src/render/csv-renderer.js';
import { JsonRenderer } from '../../src/render/json-renderer.js';
import type { ErrorKind } from '../../src/report/report-document.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { syntheticAlarm, syntheticEntry, syntheticPhone } from '../helpers/synthetic-fleet.js';
import { failed, okEntry, renderAll, sampleAlarm } from './sample-entries.js';

// The docs describe public contracts: they must name every field the code writes.
// Every error kind, checked by the compiler: a kind added to ErrorKind must be added here.
const ERROR_KINDS = Object.keys({
  dns: true,
  refused: true,
  unreachable: true,
  timeout: true,
  'ssh-negotiation': true,
  'ssh-auth': true,
  'shell-login': true,
  hostkey: true,
  disconnected: true,
  unsupported: true,
  parse: true,
  aborted: true,
  skipped: true,
  jump: true,
} satisfies Record<ErrorKind, true>);

const read = (name: string) => readFile(join(REPO_ROOT, 'docs', name), 'utf8');

/** Field names documented as the first cell of a table row: | `name` | ... */
function documentedFields(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? ''));
}

describe('docs/report-formats.md', () => {
  it('gives the CSV header exactly, and documents every column', async () => {
    const doc = await read('report-formats.md');
    assert.ok(doc.includes(`\n${CSV_COLUMNS.join(',')}\n`));
    const fields = documentedFields(doc);
    for (const column of CSV_COLUMNS) assert.ok(fields.has(column), column);
  });

  it('documents every JSON field the report writes', async () => {
    const fields = documentedFields(await read('report-formats.md'));
    const entries = [okEntry('h', [sampleAlarm()]), failed('f', { kind: 'timeout', message: 'm' })];
    const document = JSON.parse(renderAll(new JsonRenderer({ version: '1', generatedAt: 'now' }), entries));
    const names = [
      ...Object.keys(document),
      ...Object.keys(document.phones[0]),
      ...Object.keys(document.phones[1].error).map((key) => `error.${key}`),
      ...Object.keys(document.phones[0].alarms[0]),
      ...Object.keys(document.summary.phones).map((key) => `phones.${key}`),
      'reasons',
      ...Object.keys(document.summary.reasons[0]).map((key) => `reasons[].${key}`),
    ];
    const burst = [0, 1, 2].map((index) => {
      const phone = syntheticPhone(index);
      return syntheticEntry(phone, [syntheticAlarm(phone, { time: Date.UTC(2026, 10, 20, 3, 12, index), code: 10 })]);
    });
    const { incidents } = JSON.parse(renderAll(new JsonRenderer({ version: '1', generatedAt: 'now' }), burst));
    names.push(...Object.keys(incidents[0]), ...Object.keys(incidents[0].suspect).map((key) => `suspect.${key}`));
    for (const name of names) assert.ok(fields.has(name), name);
  });

  it('documents every error kind', async () => {
    const fields = documentedFields(await read('report-formats.md'));
    for (const kind of ERROR_KINDS) assert.ok(fields.has(kind), kind);
  });
});

describe('docs/catalogue.md', () => {
  it('lists every code of both code spaces with its name', async () => {
    const doc = await read('catalogue.md');
    for (const reason of [...OUT_OF_SERVICE_REASONS, ...ENDPOINT_UNREGISTERED_REASONS]) {
      assert.ok(doc.includes(`| ${reason.code} | ${reason.name} |`), `${reason.code} ${reason.name}`);
    }
  });
});
