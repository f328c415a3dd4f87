import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { historyFolder, readHistory, writeTranscripts } from '../helpers/history-files.js';
import { runCli } from '../helpers/run-cli.js';

const DAY = 86_400_000;

describe('unreg history import and prune', () => {
  let scratch: Awaited<ReturnType<typeof historyFolder>>;
  let reports: { recent: string; other: string; ndjson: string; old: string };
  const history = async (args: string[]) => {
    const run = await runCli(['history', ...args, '--history', scratch.file, '-f', 'json']);
    assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };

  before(async () => {
    scratch = await historyFolder();
    const files = await writeTranscripts(scratch.folder, 6, 21);
    const report = async (name: string, inputs: string[]) => {
      const path = `${scratch.folder}/${name}`;
      const run = await runCli(['parse', ...inputs, '-f', 'json', '-o', path]);
      assert.equal(run.status, 0, run.stderr);
      return path;
    };
    reports = {
      recent: await report('recent.json', files.slice(0, 3)),
      other: await report('other.json', files.slice(2, 5)),
      ndjson: `${scratch.folder}/recent.ndjson`,
      old: `${scratch.folder}/old.json`,
    };
    // The same report saved as NDJSON: one phone a line.
    const recent = JSON.parse(readFileSync(reports.recent, 'utf8'));
    writeFileSync(reports.ndjson, recent.phones.map((phone: unknown) => `${JSON.stringify(phone)}\n`).join(''));
    // A report of 400 days ago, of a phone no later report has.
    const old = JSON.parse(readFileSync(await report('old-source.json', files.slice(5)), 'utf8'));
    writeFileSync(reports.old, JSON.stringify({ ...old, generatedAt: new Date(Date.now() - 400 * DAY).toISOString() }));
  });
  after(() => scratch?.close());

  it('adds saved reports as runs at their generatedAt; the same report again (or as NDJSON) adds nothing', async () => {
    const first = await history(['import', reports.recent, reports.other, reports.old]);
    assert.deepEqual(
      first.imports.map(({ run, phones, imported }: Record<string, unknown>) => ({ run, phones, imported })),
      [
        { run: 1, phones: 3, imported: true },
        { run: 2, phones: 3, imported: true },
        { run: 3, phones: 1, imported: true },
      ],
    );
    const again = await history(['import', reports.recent, reports.ndjson]);
    assert.deepEqual(
      again.imports.map(({ run, imported }: Record<string, unknown>) => ({ run, imported })),
      [
        { run: 1, imported: false },
        { run: 1, imported: false },
      ],
    );
    const { runs } = await history(['runs']);
    assert.deepEqual(
      runs.map(({ id, command, startedAt, complete }: Record<string, unknown>) => ({
        id,
        command,
        startedAt,
        complete,
      })),
      [reports.old, reports.recent, reports.other].map((file, index) => ({
        id: [3, 1, 2][index],
        command: 'import',
        startedAt: JSON.parse(readFileSync(file, 'utf8')).generatedAt,
        complete: true,
      })),
    );
    // The phone shared by both recent reports: its alarms first seen by the earlier one, last by the later one.
    const db = readHistory(scratch.file);
    const shared = db
      .prepare(
        'SELECT DISTINCT first_run, last_run FROM alarms WHERE phone_id IN (SELECT id FROM phones WHERE host LIKE ?)',
      )
      .all('%phone-2.txt');
    db.close();
    assert.deepEqual(shared, [{ first_run: 1, last_run: 2 }]);
  });

  it('refuses a file that is not an unreg report before adding anything, naming the file and line', async () => {
    const bad = `${scratch.folder}/bad.ndjson`;
    writeFileSync(bad, '{"host": "10.0.0.1", "status": "ok", "alarms": []}\nnot json\n');
    const run = await runCli(['history', 'import', reports.recent, bad, '--history', scratch.file]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `unreg: ${bad}:2: not an unreg JSON or NDJSON report\n`);
    assert.equal((await history(['runs'])).runs.length, 3);
  });

  it('prune removes the runs older than --keep, the alarms only they saw, and their phones', async () => {
    const db = readHistory(scratch.file);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const before = { alarms: count('alarms'), phones: count('phones'), outcomes: count('outcomes') };
    const oldAlarms = db.prepare('SELECT count(*) FROM alarms WHERE first_run = 3').pluck().get() as number;
    db.close();
    const { pruned } = await history(['prune', '--keep', '365d']);
    assert.deepEqual(
      { runs: pruned.runs, outcomes: pruned.outcomes, alarms: pruned.alarms, phones: pruned.phones },
      { runs: 1, outcomes: 1, alarms: oldAlarms, phones: 1 },
    );
    const after = readHistory(scratch.file);
    assert.deepEqual(
      {
        alarms: after.prepare('SELECT count(*) FROM alarms').pluck().get(),
        phones: after.prepare('SELECT count(*) FROM phones').pluck().get(),
        outcomes: after.prepare('SELECT count(*) FROM outcomes').pluck().get(),
      },
      { alarms: before.alarms - oldAlarms, phones: before.phones - 1, outcomes: before.outcomes - 1 },
    );
    after.close();
    assert.deepEqual(
      (await history(['runs'])).runs.map((run: { id: number }) => run.id),
      [1, 2],
    );
    const badKeep = await runCli(['history', 'prune', '--keep', 'forever', '--history', scratch.file]);
    assert.equal(badKeep.status, 2);
    assert.equal(badKeep.stderr, 'unreg: --keep forever: not a duration (e.g. 24h, 7d, 2w)\n');
  });

  it('a missing history file is an error for a question, not a new file', async () => {
    const missing = `${scratch.folder}/none.sqlite`;
    const run = await runCli(['history', 'new', '--history', missing]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `unreg: ${missing}: no history yet (record a run with --history first)\n`);
  });
});
