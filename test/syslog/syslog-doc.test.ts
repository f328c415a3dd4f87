import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MALFORMED_KEPT } from '../../src/syslog/read-syslog.js';
import { SYSLOG_CSV_COLUMNS } from '../../src/syslog/syslog-csv.js';
import { syslogJson } from '../../src/syslog/syslog-json.js';
import { buildSyslogReport } from '../../src/syslog/syslog-report.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { cucmEvent, phoneEvent, seconds, storeOf } from './event-fixtures.js';

// docs/syslog.md describes public contracts: it must name every field and column the code writes.
const doc = () => readFile(join(REPO_ROOT, 'docs', 'syslog.md'), 'utf8');

/** Names documented as the first cell of a table row: | `name` | ... */
function documented(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? ''));
}

describe('docs/syslog.md', () => {
  it('gives the CSV header exactly, and documents every column', async () => {
    const markdown = await doc();
    assert.ok(markdown.includes(`\n${SYSLOG_CSV_COLUMNS.join(',')}\n`));
    const names = documented(markdown);
    for (const column of SYSLOG_CSV_COLUMNS) assert.ok(names.has(column), column);
  });

  it('documents every JSON field unreg syslog writes, and the fields --cucm-syslog adds', async () => {
    const store = storeOf([
      cucmEvent('SEP1', '2016-04-21T09:00:00.000Z', 13, 'KeepAliveTimeout'),
      phoneEvent('SEP1', null, seconds('2016-04-21T09:00:05Z'), 10, 'TCPtimeOut'),
    ]);
    after(() => store.close());
    const malformed = [{ file: 'f', line: 1, message: 'm' }];
    const report = buildSyslogReport(
      { store, read: { lines: 3, events: 2, skipped: 0, malformedTotal: 1, malformed } },
      600_000,
    );
    const document = JSON.parse([...syslogJson(report, 'now')].join(''));
    const names = documented(await doc());
    const expected = [
      ...Object.keys(document),
      ...Object.keys(document.events[0]).map((key) => `events[].${key}`),
      ...Object.keys(document.pairs[0]).map((key) => `pairs[].${key}`),
      ...Object.keys(document.read).map((key) => `read.${key}`),
      ...Object.keys(document.read.malformed[0]).map((key) => `read.malformed[].${key}`),
      'cucmEvents',
      'cucmEvent',
    ];
    for (const name of expected) assert.ok(names.has(name), name);
  });

  it('gives the number of malformed lines kept', async () => {
    assert.match(await doc(), new RegExp(`the first ${MALFORMED_KEPT.toLocaleString('en-US')} \\(\`malformedTotal\``));
  });
});
