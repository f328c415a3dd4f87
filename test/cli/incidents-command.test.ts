import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
