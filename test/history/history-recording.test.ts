import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../src/history/history-schema.js';
import { historyFolder, outcomeCount, readHistory, runRows, writeTranscripts } from '../helpers/history-files.js';
import { runCli, startCli } from '../helpers/run-cli.js';

describe('unreg parse --history (recording, real SQLite files)', () => {
  let scratch: Awaited<ReturnType<typeof historyFolder>>;
  let files: string[];

  before(async () => {
    scratch = await historyFolder();
    files = await writeTranscripts(scratch.folder, 1200);
  });
  after(() => scratch.close());

  it('records the run, its phones and their alarms; a second run sees the same alarms again', async () => {
    const { file } = await historyFolder();
    const first = await runCli(['parse', ...files.slice(0, 3), '--history', file, '-f', 'json']);
    assert.equal(first.status, 0, first.stderr);
    const reported = JSON.parse(first.stdout).phones.flatMap((phone: { alarms: unknown[] }) => phone.alarms).length;
    await runCli(['parse', ...files.slice(0, 3), '--history', file, '-f', 'json']);
    const db = readHistory(file);
    const runs = runRows(db);
    assert.deepEqual(
      runs.map(({ id, command, complete, phones, ok, failed }) => ({ id, command, complete, phones, ok, failed })),
      [
        { id: 1, command: 'parse', complete: 1, phones: 3, ok: 3, failed: 0 },
        { id: 2, command: 'parse', complete: 1, phones: 3, ok: 3, failed: 0 },
      ],
    );
    const alarms = db.prepare('SELECT first_run, last_run FROM alarms').all();
    assert.equal(alarms.length, reported);
    assert.ok(alarms.every((alarm) => JSON.stringify(alarm) === JSON.stringify({ first_run: 1, last_run: 2 })));
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('UNREG_HISTORY records without the flag; --no-history does not', async () => {
    const { file, close } = await historyFolder();
    await runCli(['parse', files[0] ?? '', '-f', 'json'], { env: { UNREG_HISTORY: file } });
    await runCli(['parse', files[0] ?? '', '-f', 'json', '--no-history'], { env: { UNREG_HISTORY: file } });
    const db = readHistory(file);
    assert.equal(runRows(db).length, 1);
    db.close();
    await close();
  });

  it('--history without FILE uses $XDG_DATA_HOME/unreg/history.sqlite', async () => {
    const { folder, close } = await historyFolder();
    const run = await runCli(['parse', files[0] ?? '', '-f', 'json', '--history'], { env: { XDG_DATA_HOME: folder } });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(`${folder}/unreg/history.sqlite`));
    await close();
  });

  it('two processes recording into one file at once both land, whole', async () => {
    const { file, close } = await historyFolder();
    const half = files.length / 2;
    const runs = await Promise.all([
      runCli(['parse', ...files.slice(0, half), '--history', file, '-f', 'ndjson']),
      runCli(['parse', ...files.slice(half), '--history', file, '-f', 'ndjson']),
    ]);
    for (const run of runs) assert.equal(run.status, 0, run.stderr);
    const db = readHistory(file);
    const rows = runRows(db);
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row.complete, 1);
      assert.equal(row.phones, half);
      assert.equal(outcomeCount(db, row.id), half);
    }
    assert.equal(db.prepare('SELECT count(*) FROM phones').pluck().get(), files.length);
    db.close();
    await close();
  });

  it('a recording killed with SIGKILL at random moments leaves a valid file and no complete-looking half run', async () => {
    const { file, close } = await historyFolder();
    const args = ['parse', ...files, '--history', file, '-f', 'ndjson'];
    const started = Date.now();
    const whole = await runCli(args);
    assert.equal(whole.status, 0, whole.stderr);
    const wholeMs = Date.now() - started;
    for (let attempt = 0; attempt < 8; attempt++) {
      const child = startCli(args);
      setTimeout(() => child.child.kill('SIGKILL'), Math.floor(Math.random() * wholeMs));
      await child.done;
    }
    const db = new BetterSqlite3(file, { fileMustExist: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const rows = runRows(db);
    assert.equal(rows[0]?.complete, 1);
    for (const row of rows) {
      if (row.complete === 1) {
        assert.equal(row.phones, files.length, `run ${row.id} is complete with every phone`);
        assert.equal(outcomeCount(db, row.id), files.length);
        assert.notEqual(row.ended_at, null);
      } else {
        assert.equal(row.ended_at, null, `run ${row.id}, killed, has no end`);
        assert.equal(outcomeCount(db, row.id), row.phones, `run ${row.id}: its counts match its phones`);
      }
    }
    db.close();
    await close();
  });

  it('refuses a file that is not an unreg history, in one line naming it, exit 2, leaving it as it was', async () => {
    const { folder, close } = await historyFolder();
    const text = `${folder}/notes.txt`;
    await writeFile(text, 'not a database\n');
    const foreign = `${folder}/other.sqlite`;
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE things (name TEXT); INSERT INTO things VALUES (1)');
    other.close();
    const damaged = `${folder}/damaged.sqlite`;
    await writeFile(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0x41)]));
    const newer = `${folder}/newer.sqlite`;
    await runCli(['parse', files[0] ?? '', '--history', newer, '-f', 'json']);
    const newerDb = new BetterSqlite3(newer);
    newerDb.pragma('user_version = 99');
    newerDb.pragma('wal_checkpoint(TRUNCATE)');
    newerDb.close();
    for (const [path, why] of [
      [text, /not an unreg history file \(not an SQLite database\)/],
      [foreign, /not an unreg history file \(another program's SQLite database\)/],
      [damaged, /damaged or not an unreg history file/],
      [newer, /made by a newer unreg/],
    ] as const) {
      const before = readFileSync(path);
      for (const args of [['parse', files[0] ?? '', '--history', path, '-f', 'json']]) {
        const run = await runCli(args);
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stdout, '');
        const lines = run.stderr.trimEnd().split('\n');
        assert.equal(lines.length, 1, run.stderr);
        assert.ok(lines[0]?.startsWith(`unreg: ${path}: `), run.stderr);
        assert.match(lines[0] ?? '', why);
        assert.deepEqual(readFileSync(path), before, `${path} unchanged`);
        assert.ok(!existsSync(`${path}-wal`) && !existsSync(`${path}-shm`), `nothing left next to ${path}`);
      }
    }
    await close();
  });
});
