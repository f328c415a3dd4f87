import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReportAlarm } from '../../src/report/report-document.js';
import { formatShowUnreg } from '../../src/simulator/show-unreg-text.js';
import { runCli } from '../helpers/run-cli.js';
import { dayAt, syntheticAlarm, syntheticPhone } from '../helpers/synthetic-fleet.js';

const RELOAD = dayAt(4) + 3_000;

/** Saved `show unreg` transcripts: phones 0-7 of sw-1 dropped in a reload, phones 100-104 of sw-5 now and then. */
async function writeTranscripts(folder: string): Promise<string[]> {
  const files: string[] = [];
  const save = async (index: number, alarms: ReportAlarm[]) => {
    const file = join(folder, `phone-${index}.txt`);
    const parsed = alarms.map((alarm) => ({ section: alarm.section, name: alarm.alarm, params: alarm.params }));
    await writeFile(file, `DEBUG> show unreg\n${formatShowUnreg(parsed)}DEBUG> `);
    files.push(file);
  };
  for (let index = 0; index < 8; index++) {
    const phone = syntheticPhone(index);
    const older = syntheticAlarm(phone, { time: dayAt(1) + index * 3_600_000, code: 20 });
    await save(index, [older, syntheticAlarm(phone, { time: RELOAD + index * 1500, code: 115 })]);
  }
  for (let index = 100; index < 105; index++) {
    const phone = syntheticPhone(index);
    await save(index, [syntheticAlarm(phone, { time: dayAt(2) + index * 600_000, code: 10 })]);
  }
  return files;
}

describe('incidents in reports (built CLI)', () => {
  let folder = '';
  let transcripts: string[] = [];
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'unreg-incidents-'));
    transcripts = await writeTranscripts(folder);
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('unreg parse of saved transcripts gives the switch reload, and nothing for the scattered drops', async () => {
    const run = await runCli(['parse', ...transcripts, '-f', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const { incidents, schemaVersion } = JSON.parse(run.stdout);
    assert.equal(schemaVersion, 1);
    assert.deepEqual(incidents, [
      {
        id: 1,
        start: new Date(RELOAD).toISOString(),
        end: new Date(RELOAD + 7 * 1500).toISOString(),
        phones: 8,
        alarms: 8,
        reasons: [{ code: 115, name: 'UnregReasonNoEthLink', alarms: 8 }],
        suspect: { kind: 'switch', value: 'sw-1', phones: 8 },
        devices: Array.from({ length: 8 }, (_, index) => syntheticPhone(index).device),
      },
    ]);
  });

  it('unreg incidents reads saved reports as table, JSON or CSV, each alarm once however many files hold it', async () => {
    const saved = join(folder, 'report.json');
    const again = join(folder, 'report-again.json');
    const parsed = await runCli(['parse', ...transcripts, '-f', 'json', '-o', saved]);
    assert.equal(parsed.status, 0, parsed.stderr);
    await writeFile(again, await readFile(saved));
    const expected = JSON.parse(await readFile(saved, 'utf8')).incidents;

    const json = await runCli(['incidents', saved, again, '-f', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const document = JSON.parse(json.stdout);
    assert.equal(document.schemaVersion, 1);
    assert.deepEqual(document.incidents, expected);

    const csv = await runCli(['incidents', saved, again, '-f', 'csv']);
    const [header, row, ...rest] = csv.stdout.split('\r\n');
    assert.equal(header, 'id,start,end,phones,alarms,suspect_kind,suspect_value,suspect_phones,reasons,devices');
    assert.match(row ?? '', /^1,[^,]+,[^,]+,8,8,switch,sw-1,8,8 UnregReasonNoEthLink,SEP\w+( SEP\w+){7}$/);
    assert.deepEqual(rest, ['']);

    const table = await runCli(['incidents', saved, again, '-f', 'table', '--detail']);
    assert.match(table.stdout, /switch sw-1, 8 of its 8 phones/);
    assert.match(table.stdout, /8 UnregReasonNoEthLink/);
    assert.match(table.stdout, new RegExp(`${syntheticPhone(3).device} sw-1 GigabitEthernet1/0/4`));
    assert.match(table.stdout, /Read 21 distinct alarms of 13 phones from 2 files\./);
  });

  it('unreg incidents --history groups the alarms of a real history file once, however many runs saw them', async () => {
    const history = join(folder, 'history.sqlite');
    const expected = JSON.parse((await runCli(['parse', ...transcripts, '-f', 'json'])).stdout).incidents;
    for (let night = 0; night < 2; night++) {
      const recorded = await runCli(['parse', ...transcripts, '-f', 'json', '--history', history]);
      assert.equal(recorded.status, 0, recorded.stderr);
    }
    const json = await runCli(['incidents', '--history', history, '-f', 'json']);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).incidents, expected);
    const table = await runCli(['incidents', '--history', history, '-f', 'table']);
    assert.match(table.stdout, /switch sw-1, 8 of its 8 phones/);
    assert.match(table.stdout, new RegExp(`Read 21 distinct alarms of 13 phones from the history ${history}\\.`));
    // Every alarm was first seen by run 1: none is first seen after it.
    const since = await runCli(['incidents', '--history', history, '--since', '1', '-f', 'csv']);
    assert.equal(since.status, 0, since.stderr);
    assert.equal(since.stdout.split('\r\n')[1], '');
    const all = await runCli(['incidents', '--history', history, '--since', '2000-01-01', '-f', 'json']);
    assert.deepEqual(JSON.parse(all.stdout).incidents, expected);

    const unknown = await runCli(['incidents', '--history', history, '--since', '9']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--since 9: no run 9 in the history/);
    const both = await runCli(['incidents', transcripts[0] ?? '', '--history', history]);
    assert.equal(both.status, 2);
    const missing = await runCli(['incidents', '--history', join(folder, 'none.sqlite')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /none\.sqlite: no history yet/);
  });

  it('unreg incidents: a file that is not a report is a usage error naming the file and line', async () => {
    const notReport = join(folder, 'notes.ndjson');
    await writeFile(notReport, '{"host":"a","alarms":[]}\nnot json\n');
    const run = await runCli(['incidents', notReport]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`${notReport}:2: not JSON`));
    assert.equal(run.stdout, '');
    const other = join(folder, 'other.json');
    await writeFile(other, '{"schemaVersion": 1}');
    const document = await runCli(['incidents', other]);
    assert.equal(document.status, 2);
    assert.match(document.stderr, /not an unreg report/);
  });

  it('--incident-min-phones and --incident-window tune it; a bad value is a usage error', async () => {
    const fewer = await runCli(['parse', ...transcripts, '-f', 'json', '--incident-min-phones', '9']);
    assert.deepEqual(JSON.parse(fewer.stdout).incidents, []);
    const shorter = await runCli(['parse', ...transcripts, '-f', 'json', '--incident-window', '2s']);
    assert.deepEqual(JSON.parse(shorter.stdout).incidents, []);
    const bad = await runCli(['parse', ...transcripts, '--incident-window', 'soon']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--incident-window must be a duration/);
  });
});
