import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

const EXAMPLE = join(REPO_ROOT, 'examples/show-unreg-cp8861.txt');

describe('unreg parse (built CLI under plain node)', () => {
  const folder = withTempDir('unreg-parse-');

  it('decodes the shipped example to JSON and exits 0', async () => {
    const run = await runCli(['parse', EXAMPLE, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const document = JSON.parse(run.stdout);
    assert.equal(document.schemaVersion, 1);
    assert.equal(document.phones[0].host, EXAMPLE);
    assert.equal(document.phones[0].alarms[0].reasonCode, 10);
    assert.equal(document.phones[0].alarms[0].section, 'unsent');
    assert.deepEqual(document.summary.phones, { total: 1, ok: 1, failed: 0, skipped: 0, withAlarms: 1 });
  });

  it('reads stdin when given - and exits 1 when an entry failed', async () => {
    const run = await runCli(['parse', '-', EXAMPLE, '-f', 'ndjson'], { input: 'hello, not phone output' });
    assert.equal(run.status, 1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.map((entry) => [entry.host, entry.status, entry.error?.kind ?? null]),
      [
        ['-', 'failed', 'parse'],
        [EXAMPLE, 'ok', null],
      ],
    );
  });

  it('names an unreadable file in one line and exits 2, writing nothing', async () => {
    const output = folder.join('never.json');
    const run = await runCli(['parse', EXAMPLE, folder.join('missing.txt'), '--output', output]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^unreg: cannot read .*missing\.txt: no such file\n$/);
    assert.deepEqual(await readdir(folder.path), []);
  });

  it('exits 2 with one line on an unknown flag', async () => {
    const run = await runCli(['parse', EXAMPLE, '--bogus-flag']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bogus-flag/);
  });

  it('replaces an earlier --output file atomically and leaves no temporary file', async () => {
    const output = folder.join('report.csv');
    await writeFile(output, 'old report\n');
    const run = await runCli(['parse', EXAMPLE, '--output', output]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const csv = await readFile(output, 'utf8');
    assert.match(csv, /^host,port,name,site,status,/);
    assert.match(csv, /,10,TCPtimeOut,2016-04-21T09:02:53\.181Z,192\.168\.1\.37,/);
    assert.deepEqual(await readdir(folder.path), ['report.csv']);
  });

  it('exits 2 with one line when the report cannot be written, leaving no temporary file', async () => {
    const inTheWay = folder.join('in-the-way');
    await mkdir(inTheWay);
    const run = await runCli(['parse', EXAMPLE, '--output', inTheWay, '-f', 'csv']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^unreg: cannot write --output .*in-the-way: .*in-the-way exists and is not a file\n$/);
    assert.deepEqual(
      (await readdir(folder.path)).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('takes the last value of a one-value flag given twice, as ssh and curl do', async () => {
    const output = folder.join('last.json');
    const run = await runCli([
      'parse',
      EXAMPLE,
      '-f',
      'csv',
      '-f',
      'json',
      '-o',
      folder.join('first.csv'),
      '-o',
      output,
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(await readFile(output, 'utf8')).schemaVersion, 1);
    assert.ok(!(await readdir(folder.path)).includes('first.csv'));
  });

  it('takes -o - as standard output, and refuses - given twice', async () => {
    const toStdout = await runCli(['parse', EXAMPLE, '-f', 'csv', '-o', '-']);
    assert.equal(toStdout.status, 0, toStdout.stderr);
    assert.match(toStdout.stdout, /^host,port,name,site,status,/);
    const twice = await runCli(['parse', '-', '-'], { input: 'x' });
    assert.equal(twice.status, 2);
    assert.equal(twice.stderr, 'unreg: - (stdin) given twice\n');
  });

  it('prints --help', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /unreg parse/);
  });
});
