// bench:incidents: grouping a report's alarms into incidents, as the report
// writer does at the end of a sweep: 10,000 phones, 50,000 alarms (a busy
// month's background at random times, plus a switch reload, a DHCP scope
// running dry and a CUCM node restart). Times feeding the entries to the
// collector (one compact record per alarm) and grouping; measures the heap
// the records keep (entries are dropped as in a sweep). `npm run
// bench:incidents` (builds first, runs node with --expose-gc). Figures go
// to docs/performance.md.

import { DEFAULT_INCIDENT_SETTINGS } from '../src/incidents/incident.js';
import { IncidentCollector } from '../src/incidents/incident-collector.js';
import type { PhoneEntry } from '../src/report/report-document.js';
import {
  type AlarmAt,
  addBurst,
  dayAt,
  fleetEntries,
  phonesWhere,
  randomBackground,
  syntheticAlarm,
  syntheticEntry,
  syntheticPhone,
} from '../test/helpers/synthetic-fleet.js';
import { machineDescription, measure } from './measure.js';

const PHONES = 10_000;
const ALARMS = 50_000;
const SEED = 20_261_120;
const RUNS = 5;

function fleetAlarms(): Map<number, AlarmAt[]> {
  const node = phonesWhere(PHONES, (phone) => phone.node === 'cucm-sub2');
  const switchPhones = phonesWhere(PHONES, (phone) => phone.switch === 'sw-200');
  const subnet = phonesWhere(PHONES, (phone) => phone.subnet === '10.20.30.0/24').filter((_, at) => at % 3 === 0);
  const byPhone = randomBackground(PHONES, ALARMS - node.length - switchPhones.length - subnet.length, SEED);
  addBurst(byPhone, switchPhones, dayAt(8), 8_000, 115, 1);
  addBurst(byPhone, subnet, dayAt(14), 90_000, 16, 2);
  addBurst(byPhone, node, dayAt(22), 40_000, 13, 3);
  return byPhone;
}

function group(entries: readonly PhoneEntry[]): number {
  const collector = new IncidentCollector();
  for (const entry of entries) collector.add(entry);
  return collector.incidents(DEFAULT_INCIDENT_SETTINGS).length;
}

function collectorHeapMb(byPhone: ReadonlyMap<number, readonly AlarmAt[]>): { mb: number; alarms: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (npm run bench:incidents does)');
  gc();
  const before = process.memoryUsage().heapUsed;
  const collector = new IncidentCollector();
  // One phone's entry at a time, dropped after, as a sweep hands them over.
  for (let index = 0; index < PHONES; index++) {
    const phone = syntheticPhone(index);
    collector.add(
      syntheticEntry(
        phone,
        (byPhone.get(index) ?? []).map((at) => syntheticAlarm(phone, at)),
      ),
    );
  }
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  return { mb, alarms: collector.alarms };
}

function main(): void {
  for (const line of machineDescription()) console.log(line);
  const byPhone = fleetAlarms();
  const entries = fleetEntries(PHONES, byPhone);
  const alarms = entries.reduce((sum, entry) => sum + entry.alarms.length, 0);
  console.log(`${PHONES} phones, ${alarms} alarms`);
  let found = 0;
  const total = measure(
    () => {
      found = group(entries);
      return found;
    },
    { runs: RUNS },
  );
  if (found !== 3) throw new Error(`expected the 3 incidents planted, found ${found}`);
  const collector = new IncidentCollector();
  for (const entry of entries) collector.add(entry);
  const grouping = measure(() => collector.incidents(DEFAULT_INCIDENT_SETTINGS).length, { runs: RUNS });
  console.log(`collect + group: median ${total.medianMs.toFixed(0)} ms (runs: ${format(total.runsMs)})`);
  console.log(`group alone:     median ${grouping.medianMs.toFixed(0)} ms (runs: ${format(grouping.runsMs)})`);
  const heap = collectorHeapMb(byPhone);
  console.log(`records kept: ${heap.alarms} alarms, ${heap.mb.toFixed(1)} MB of heap`);
  console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

function format(runs: readonly number[]): string {
  return runs.map((ms) => ms.toFixed(0)).join(', ');
}

main();
