// npm run bench:html: the HTML page of a 10,000-phone sweep. The report is
// made in-process through the same writer a sweep uses (ReportWriter, the
// atomic file), from the simulator's alarm generator (no SSH: the page's
// cost, not the fleet's), then opened from its file in headless Chromium.
// Prints the page's size, the time to write it, and the time from navigation
// to its first frames after the load event (parsed, its script run, laid out and painted), median of
// --runs (default 5), plus sorting and filtering the phone table in the page.

import { mkdirSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openAtomicFile } from '../src/output/atomic-file.js';
import { ReportWriter } from '../src/output/report-writer.js';
import { HtmlRenderer } from '../src/render/html/html-renderer.js';
import { JsonRenderer } from '../src/render/json-renderer.js';
import { decodeAlarm } from '../src/report/decode-alarm.js';
import { failedEntry } from '../src/report/phone-entry.js';
import type { ErrorKind, PhoneEntry, ReportRenderer } from '../src/report/report-document.js';
import { generateAlarms, generatePhone, seededRandom } from '../src/simulator/alarm-generator.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { machineDescription, median } from './measure.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WORK = `${REPO}.bench-tmp/html`;
const PHONES = 10_000;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;
const FAILURE_KINDS: ErrorKind[] = ['timeout', 'refused', 'unreachable', 'ssh-auth', 'shell-login'];
// A switch reload: its 48 phones drop within a minute (an incident on the page).
const BURST = { first: 4800, phones: 48, at: 1_717_900_000_000 };

/** The fleet: 0-6 alarms a phone (3 on average), 20 sites, 3% failures, one burst. */
function* fleet(): Generator<PhoneEntry> {
  const random = seededRandom(42);
  for (let index = 0; index < PHONES; index += 1) {
    const phone = generatePhone(index, random);
    const target = {
      host: `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`,
      port: 22,
      name: phone.deviceName,
      site: `site-${String(Math.floor(index / 500)).padStart(2, '0')}`,
      tags: [],
    };
    if (random() < 0.03) {
      const kind = FAILURE_KINDS[Math.floor(random() * FAILURE_KINDS.length)] ?? 'timeout';
      yield failedEntry(target, { kind, message: `${kind}: simulated for the benchmark` }, 5000);
      continue;
    }
    const switchName = `access-sw-${Math.floor(index / 48)}`;
    const alarms = generateAlarms(phone, Math.floor(random() * 7), random).map((alarm) => ({
      ...alarm,
      params: { ...alarm.params, NeighborDeviceID: switchName },
    }));
    if (index >= BURST.first && index < BURST.first + BURST.phones) {
      const [model] = generateAlarms(phone, 1, random);
      if (model !== undefined) {
        const params = {
          ...model.params,
          NeighborDeviceID: switchName,
          TimeStamp: String(BURST.at + (index - BURST.first) * 900),
          ReasonForOutOfService: '10',
        };
        alarms.push({ ...model, params });
      }
    }
    yield {
      ...target,
      status: 'ok',
      error: null,
      durationMs: 2000,
      alarms: alarms.map(decodeAlarm),
      warnings: [],
    };
  }
}

async function writeReport(renderer: ReportRenderer, path: string): Promise<number> {
  const started = performance.now();
  const writer = new ReportWriter(renderer, await openAtomicFile(path));
  for (const entry of fleet()) await writer.add(entry);
  await writer.finish();
  return performance.now() - started;
}

const context = {
  version: 'bench',
  generatedAt: new Date().toISOString(),
  command: 'unreg sweep fleet.yaml -o fleet.html',
};
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const page = `${WORK}/fleet.html`;
const json = `${WORK}/fleet.json`;
const heapBefore = process.memoryUsage().heapUsed;
const writeMs = await writeReport(new HtmlRenderer(context), page);
const heapAfter = process.memoryUsage().heapUsed;
await writeReport(new JsonRenderer(context), json);
const pageBytes = (await stat(page)).size;
const jsonBytes = (await stat(json)).size;

const browser = await launchBrowser();
const loads: number[] = [];
const sorts: number[] = [];
const filters: number[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const { page: tab, problems, requests } = await browser.open(page);
    if (problems.length > 0 || requests.length > 0)
      throw new Error(`the page misbehaved: ${[...problems, ...requests]}`);
    // From navigation start to the second frame after the load event: parsed, scripted, laid out and painted.
    loads.push(
      (await tab.evaluate(
        'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))',
      )) as number,
    );
    sorts.push(
      (await tab.evaluate(
        "(() => { const t = performance.now(); document.querySelector('#phone-table th:nth-child(6)').click(); return performance.now() - t; })()",
      )) as number,
    );
    filters.push(
      (await tab.evaluate(
        "(() => { const t = performance.now(); const s = document.getElementById('status-filter'); s.value = 'failed'; s.dispatchEvent(new Event('change')); return performance.now() - t; })()",
      )) as number,
    );
    await tab.close();
  }
} finally {
  await browser.close();
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
console.log(machineDescription().join('\n'));
console.log(`\nHTML page of a ${PHONES.toLocaleString('en')}-phone sweep (${runs} opens in headless Chromium)`);
console.log(`page size:        ${mb(pageBytes)} MB (the same report as JSON: ${mb(jsonBytes)} MB)`);
console.log(`written in:       ${writeMs.toFixed(0)} ms (heap growth: ${mb(heapAfter - heapBefore)} MB)`);
console.log(
  `open and draw:    median ${median(loads).toFixed(0)} ms (runs: ${loads.map((ms) => ms.toFixed(0)).join(', ')})`,
);
console.log(`sort 10,000 rows: median ${median(sorts).toFixed(0)} ms`);
console.log(`filter (status):  median ${median(filters).toFixed(0)} ms`);
rmSync(WORK, { recursive: true, force: true });
