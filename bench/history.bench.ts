// bench:history: recording one run of 10,000 phones into the history, the
// file's size after a year of nightly runs, and each `unreg history`
// question asked of that year. `npm run bench:history` (builds first);
// HISTORY_BENCH_NIGHTS=30 for a shorter year. Figures go to docs/performance.md.
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openHistory } from '../src/history/history-store.js';
import { pruneHistory } from '../src/history/prune-history.js';
import { flappingView } from '../src/history/queries/flapping-query.js';
import { newAlarmsView } from '../src/history/queries/new-alarms-query.js';
import { phoneTimelineView } from '../src/history/queries/phone-timeline-query.js';
import { runsView } from '../src/history/queries/runs-query.js';
import { unreachableView } from '../src/history/queries/unreachable-query.js';
import { importReport, readSavedReport } from '../src/history/report-import.js';
import { RunRecorder } from '../src/history/run-recorder.js';
import type { ParsedAlarm } from '../src/parser/parsed-alarm.js';
import { JsonRenderer } from '../src/render/json-renderer.js';
import { entryFromTranscript } from '../src/report/phone-entry.js';
import type { PhoneEntry } from '../src/report/report-document.js';
import { SummaryTally } from '../src/report/summary.js';
import { alarmAt, generateAlarms, generatePhone, seededRandom } from '../src/simulator/alarm-generator.js';
import { machineDescription, measure } from './measure.js';

const PHONES = 10_000;
const NIGHTS = Number(process.env.HISTORY_BENCH_NIGHTS ?? 365);
const DAY = 86_400_000;
// Each night, as a fleet of 10,000 behaves: some phones unregister again,
// a few are power-cycled (their alarms gone), some never answer.
const GAIN_PER_NIGHT = 200;
const POWER_CYCLES_PER_NIGHT = 30;
const ALWAYS_DOWN = 30;
const DOWN_PER_NIGHT = 20;
const FLAPPING = 25;
const HELD = 5;

const random = seededRandom(2026);
const pick = (count: number) => Math.floor(random() * count);

interface FleetPhone {
  readonly index: number;
  readonly name: string;
  readonly model: string;
  readonly host: string;
  alarms: ParsedAlarm[];
}

function makeFleet(): FleetPhone[] {
  return Array.from({ length: PHONES }, (_, index) => {
    const phoneRandom = seededRandom(index + 1);
    const phone = generatePhone(index, phoneRandom);
    return {
      index,
      name: phone.deviceName,
      model: phone.model,
      host: `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`,
      alarms: generateAlarms(phone, Math.floor(phoneRandom() * (HELD + 1)), phoneRandom),
    };
  });
}

/** One night's changes, then its entries, in inventory order. */
function night(fleet: FleetPhone[], nightMs: number): PhoneEntry[] {
  const gain = (phone: FleetPhone) => {
    const alarm = alarmAt(phone, nightMs - 1 - pick(20 * 3_600_000), [10, 12, 14, 16, 22][pick(5)] ?? 10, 'unsent');
    phone.alarms = [...phone.alarms.map((held) => ({ ...held, section: 'sent' as const })), alarm].slice(-HELD);
  };
  for (let count = 0; count < GAIN_PER_NIGHT; count++) gain(fleet[pick(PHONES)] as FleetPhone);
  for (let index = 0; index < FLAPPING; index++) if (random() < 0.6) gain(fleet[PHONES - 1 - index] as FleetPhone);
  for (let count = 0; count < POWER_CYCLES_PER_NIGHT; count++) (fleet[pick(PHONES)] as FleetPhone).alarms = [];
  const down = new Set(Array.from({ length: DOWN_PER_NIGHT }, () => pick(PHONES)));
  for (let index = 0; index < ALWAYS_DOWN; index++) down.add(index * 37);
  return fleet.map((phone) => {
    const target = { host: phone.host, port: 22, name: null, site: `site-${phone.index % 40}`, tags: [] };
    if (down.has(phone.index)) {
      return {
        ...entryFromTranscript(target, { alarms: [], warnings: [], failure: null }, 5000),
        status: 'failed',
        error: { kind: 'timeout', message: 'no answer within 5 s' },
      };
    }
    return entryFromTranscript(target, { alarms: phone.alarms, warnings: [], failure: null }, 700 + pick(600));
  });
}

function record(db: Database, path: string, entries: readonly PhoneEntry[], startedAt: number): void {
  const recorder = new RunRecorder(db, path, { command: 'sweep', inputs: ['/etc/unreg/phones.yaml'], startedAt });
  for (const entry of entries) recorder.phone(entry);
  recorder.end(true, startedAt + 20 * 60_000);
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

const folder = mkdtempSync(join(tmpdir(), 'unreg-history-bench-'));
try {
  for (const line of machineDescription()) console.log(line);
  const fleet = makeFleet();
  const firstNightMs = Date.now() - NIGHTS * DAY;

  // 1. One run of 10,000 phones into a new file: time and the memory it adds.
  {
    const path = join(folder, 'one-run.sqlite');
    const entries = night(
      fleet.map((phone) => ({ ...phone })),
      firstNightMs,
    );
    const alarms = entries.reduce((sum, entry) => sum + entry.alarms.length, 0);
    global.gc?.();
    const db = await openHistory(path, { create: true });
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    const recorder = new RunRecorder(db, path, { command: 'sweep', inputs: [], startedAt: firstNightMs });
    for (const [index, entry] of entries.entries()) {
      recorder.phone(entry);
      if (index % 500 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    }
    recorder.end(true);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    db.close();
    console.log(
      `record one run: ${PHONES} phones, ${alarms} alarms: ${ms.toFixed(0)} ms ` +
        `(CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ` +
        `${mb(rssPeak - rssBefore)} more RSS at peak; file ${mb(statSync(path).size)}`,
    );
  }

  // HISTORY_BENCH_NIGHTS=0: only the one-run figure.
  if (NIGHTS > 0) {
    // 2. A year of nightly runs.
    const path = join(folder, 'year.sqlite');
    let db = await openHistory(path, { create: true });
    const yearStart = process.hrtime.bigint();
    let nightMs = firstNightMs;
    for (let nightIndex = 0; nightIndex < NIGHTS; nightIndex++) {
      nightMs = firstNightMs + nightIndex * DAY;
      record(db, path, night(fleet, nightMs), nightMs);
    }
    const yearS = Number(process.hrtime.bigint() - yearStart) / 1e9;
    db.close();
    const outcomes = NIGHTS * PHONES;
    console.log(
      `${NIGHTS} nightly runs (${outcomes.toLocaleString('en')} phone outcomes) recorded in ${yearS.toFixed(0)} s ` +
        `(with making the entries); file: ${mb(statSync(path).size)}`,
    );

    // 3. Each question asked of that year (now: an hour after the last night).
    db = await openHistory(path, { create: false });
    const nowMs = nightMs + 3_600_000;
    const alarmCount = db.prepare('SELECT count(*) FROM alarms').pluck().get() as number;
    console.log(`alarms stored: ${alarmCount.toLocaleString('en')}`);
    const flapper = fleet[PHONES - 1]?.name ?? '';
    const questions: [string, () => number][] = [
      ['history runs', () => JSON.stringify(runsView(db).json).length],
      ['history new', () => JSON.stringify(newAlarmsView(db, undefined, nowMs).json).length],
      ['history new --since 7d', () => JSON.stringify(newAlarmsView(db, '7d', nowMs).json).length],
      [
        'history flapping',
        () => JSON.stringify(flappingView(db, { window: '7d', windowMs: 7 * DAY, min: 3, nowMs }).json).length,
      ],
      ['history unreachable', () => JSON.stringify(unreachableView(db, 3).json).length],
      [`history phone ${flapper}`, () => JSON.stringify(phoneTimelineView(db, flapper).json).length],
    ];
    for (const [name, ask] of questions) {
      const { medianMs } = measure(ask, { warmUps: 1, runs: 5 });
      console.log(`${name}: ${medianMs.toFixed(1)} ms (median of 5)`);
    }
    db.close();

    // 4. Importing a saved 10,000-phone report, and pruning half the year.
    {
      const report = join(folder, 'report.json');
      const renderer = new JsonRenderer({ version: 'bench', generatedAt: new Date(nowMs + DAY).toISOString() });
      const tally = new SummaryTally();
      let text = renderer.start();
      for (const entry of night(fleet, nowMs + DAY)) {
        tally.add(entry);
        text += renderer.phone(entry);
      }
      writeFileSync(report, text + renderer.end(tally.summary(), []));
      db = await openHistory(path, { create: false });
      const start = process.hrtime.bigint();
      importReport(db, path, await readSavedReport(report));
      console.log(
        `history import (10,000-phone JSON report): ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`,
      );
      db.close();
      const copy = join(folder, 'pruned.sqlite');
      copyFileSync(path, copy);
      db = await openHistory(copy, { create: false });
      const pruneStart = process.hrtime.bigint();
      const pruned = pruneHistory(db, nowMs - Math.floor(NIGHTS / 2) * DAY);
      const pruneMs = Number(process.hrtime.bigint() - pruneStart) / 1e6;
      db.exec('VACUUM');
      db.close();
      console.log(
        `history prune (${pruned.runs} runs, ${pruned.outcomes.toLocaleString('en')} outcomes): ${pruneMs.toFixed(0)} ms; ` +
          `file after VACUUM: ${mb(statSync(copy).size)}`,
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
