import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { openAtomicFile } from '../../src/output/atomic-file.js';
import type { ReportDestination } from '../../src/output/report-destination.js';
import { ReportWriter } from '../../src/output/report-writer.js';
import { CsvRenderer } from '../../src/render/csv-renderer.js';
import { NdjsonRenderer } from '../../src/render/json-renderer.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { okEntry, sampleAlarm } from '../render/sample-entries.js';

/** A destination that takes writes out of order in time (later ones finish first). */
function slowFirstDestination(): ReportDestination & { text: string } {
  let delay = 5;
  const destination = {
    text: '',
    async write(text: string) {
      delay = Math.max(0, delay - 1);
      for (let turn = 0; turn < delay; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      destination.text += text;
    },
    async commit() {},
    async abort() {},
  };
  return destination;
}

describe('ReportWriter', () => {
  const folder = withTempDir('unreg-writer-');

  it('writes start, phones in the order given and end, never interleaved, and gives the summary', async () => {
    const destination = slowFirstDestination();
    const writer = new ReportWriter(new NdjsonRenderer(), destination);
    const entries = ['a', 'b', 'c', 'd'].map((host) => okEntry(host, [sampleAlarm()]));
    await Promise.all(entries.map((entry) => writer.add(entry)));
    const summary = await writer.finish();
    assert.deepEqual(
      destination.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).host),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(summary.phones, { total: 4, ok: 4, failed: 0, skipped: 0, withAlarms: 4 });
  });

  it('commits a file only at finish; abandon leaves the earlier file and no temporary file', async () => {
    const path = folder.join('report.csv');
    await writeFile(path, 'earlier\n');
    const writer = new ReportWriter(new CsvRenderer(), await openAtomicFile(path));
    await writer.add(okEntry('a', []));
    assert.equal(await readFile(path, 'utf8'), 'earlier\n');
    await writer.abandon();
    assert.equal(await readFile(path, 'utf8'), 'earlier\n');
    assert.deepEqual(await readdir(folder.path), ['report.csv']);

    const second = new ReportWriter(new CsvRenderer(), await openAtomicFile(path));
    await second.add(okEntry('b', []));
    await second.finish();
    assert.match(await readFile(path, 'utf8'), /^host,port,.*\r\nb,22,/s);
    assert.deepEqual(await readdir(folder.path), ['report.csv']);
  });

  it('passes a failed write on to every later write and to finish, without an unhandled rejection', async () => {
    let commits = 0;
    const failing: ReportDestination = {
      write: async () => {
        throw new Error('ENOSPC: no space left on device');
      },
      commit: async () => {
        commits += 1;
      },
      abort: async () => {},
    };
    const writer = new ReportWriter(new CsvRenderer(), failing);
    // Let the header's failed write settle before anything chains on it.
    await new Promise((resolve) => setImmediate(resolve));
    await assert.rejects(writer.add(okEntry('a', [])), /ENOSPC/);
    await assert.rejects(writer.finish(), /ENOSPC/);
    assert.equal(commits, 0);
    await writer.abandon();
  });
});
