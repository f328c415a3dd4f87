import type {
  DevicePort,
  FoundIncident,
  Incident,
  IncidentReason,
  IncidentSuspect,
} from '../report/report-document.js';
import type { AlarmRecord } from './alarm-record.js';
import { denseBursts, phonesNeeded, type ScopedAlarm } from './dense-bursts.js';
import { type IncidentSettings, SCOPE_KINDS } from './incident.js';
import { entryOf } from './map-entry.js';

// "Nearly all" of an incident's phones share its suspect: a phone whose
// alarm left the field empty, or one dropping by chance in the same
// minute, does not hide a switch.
const NEARLY_ALL = 0.8;
// A wide scope (a node, a site) hit on less than this share of its phones,
// while narrower scopes each hit on at least this share explain the
// incident, is a coincidence of those bursts, not a suspect of its own.
const WIDE_SCOPE_HIT = 0.5;
const DAY_MS = 86_400_000;
const SWITCH = SCOPE_KINDS.indexOf('switch');
const SITE = SCOPE_KINDS.indexOf('site');

/** A burst in one scope value: record indices, in time order. */
interface Candidate {
  readonly kind: number;
  readonly value: string;
  readonly indices: readonly number[];
}

interface Suspect {
  /** Index into SCOPE_KINDS; -1 for none. */
  readonly kind: number;
  readonly value: string | null;
  readonly phones: number;
}

/**
 * The report's incidents, in the order they started. `records` are every
 * alarm once; `sitePhones` counts the report's phones per site (phones
 * without alarms included), for "40 of its 42 phones".
 */
export function groupIncidents(
  records: readonly AlarmRecord[],
  settings: IncidentSettings,
  sitePhones: ReadonlyMap<string, number> = new Map(),
): FoundIncident[] {
  const grouping = new Grouping(records, settings, sitePhones);
  const found = grouping
    .components(grouping.candidates())
    .flatMap((component) => grouping.resolve(component))
    .sort((a, b) => a.time - b.time || a.devices[0]?.localeCompare(b.devices[0] ?? '') || 0);
  return found.map((incident, at) => grouping.describe(incident, at + 1));
}

interface Resolved {
  readonly indices: readonly number[];
  readonly suspect: Suspect;
  readonly time: number;
  readonly devices: readonly string[];
}

class Grouping {
  /** Per scope kind: value to the devices seen with it. */
  private readonly population: Map<string, Set<string>>[];

  constructor(
    private readonly records: readonly AlarmRecord[],
    private readonly settings: IncidentSettings,
    private readonly sitePhones: ReadonlyMap<string, number>,
  ) {
    this.population = SCOPE_KINDS.map(() => new Map());
    for (const record of records) {
      record.scopes.forEach((value, kind) => {
        if (value === null) return;
        const byValue = this.population[kind] as Map<string, Set<string>>;
        const devices = entryOf(byValue, value, () => new Set());
        devices.add(record.device);
      });
    }
  }

  /** Every scope value's bursts, each measured against that value's own background. */
  candidates(): Candidate[] {
    const span = backgroundSpan(this.records);
    const { windowMs, minPhones } = this.settings;
    const candidates: Candidate[] = [];
    SCOPE_KINDS.forEach((_, kind) => {
      const byValue = new Map<string, ScopedAlarm[]>();
      this.records.forEach((record, index) => {
        const value = record.scopes[kind];
        if (value === null || value === undefined) return;
        const alarms = entryOf(byValue, value, () => []);
        alarms.push({ index, time: record.time, device: record.device });
      });
      for (const [value, alarms] of byValue) {
        if ((this.population[kind]?.get(value)?.size ?? 0) < minPhones) continue;
        alarms.sort((a, b) => a.time - b.time);
        // The background leaves out the busiest window: a report that holds
        // little but one burst must not make the burst its own background.
        const background = alarms.length - busiestWindow(alarms, windowMs);
        const need = phonesNeeded((background * windowMs) / span, minPhones);
        for (const indices of denseBursts(alarms, windowMs, need)) candidates.push({ kind, value, indices });
      }
    });
    return candidates;
  }

  /** Candidates that share an alarm, joined (union-find over candidates). */
  components(candidates: readonly Candidate[]): Candidate[][] {
    const parent = candidates.map((_, at) => at);
    const root = (at: number): number => {
      let top = at;
      while (parent[top] !== top) top = parent[top] as number;
      while (parent[at] !== top) [at, parent[at]] = [parent[at] as number, top];
      return top;
    };
    const owner = new Map<number, number>();
    candidates.forEach((candidate, at) => {
      for (const index of candidate.indices) {
        const other = owner.get(index);
        if (other === undefined) owner.set(index, at);
        else parent[root(at)] = root(other);
      }
    });
    const groups = new Map<number, Candidate[]>();
    candidates.forEach((candidate, at) => {
      const top = root(at);
      const group = entryOf(groups, top, () => []);
      group.push(candidate);
    });
    return [...groups.values()];
  }

  /**
   * One component as incidents: one, with the narrowest scope nearly all its
   * phones share; or, when that scope is wide and barely touched while
   * narrower scopes, each hit on most of its phones, explain nearly all of
   * them, those bursts on their own: two switches going down in the same
   * minute on one CUCM node are two switch incidents, not a node incident,
   * while a DHCP scope failing a quarter of a subnet's phones on every switch
   * stays one subnet incident.
   */
  resolve(component: readonly Candidate[]): Resolved[] {
    const indices = [...new Set(component.flatMap((candidate) => candidate.indices))].sort(
      (a, b) => this.at(a).time - this.at(b).time || this.at(a).device.localeCompare(this.at(b).device),
    );
    const devices = [...new Set(indices.map((index) => this.at(index).device))];
    const suspect = this.suspectOf(indices, devices.length);
    const widest = Math.max(...component.map((candidate) => candidate.kind));
    const below = suspect.kind === -1 ? widest : suspect.kind;
    const narrower = component.filter(
      (candidate) => candidate.kind < below && this.candidateHit(candidate) >= WIDE_SCOPE_HIT,
    );
    if (narrower.length > 0 && narrower.length < component.length && this.hitShare(suspect) < WIDE_SCOPE_HIT) {
      const covered = new Set(narrower.flatMap((candidate) => candidate.indices.map((index) => this.at(index).device)));
      if (covered.size >= NEARLY_ALL * devices.length) {
        return this.components(narrower).flatMap((part) => this.resolve(part));
      }
    }
    return [this.withinSuspect(indices, suspect)];
  }

  /**
   * The incident is the suspect's phones (and those whose alarm left that
   * field empty): a phone elsewhere that dropped in the same minute came in
   * through a wider scope's window and is background, not part of it.
   */
  private withinSuspect(all: readonly number[], suspect: Suspect): Resolved {
    const indices =
      suspect.value === null
        ? all
        : all.filter((index) => {
            const value = this.at(index).scopes[suspect.kind];
            return value === null || value === undefined || value === suspect.value;
          });
    const devices = [...new Set(indices.map((index) => this.at(index).device))];
    return { indices, suspect, time: this.at(indices[0] as number).time, devices };
  }

  describe(resolved: Resolved, id: number): FoundIncident {
    const { indices, suspect, devices } = resolved;
    const first = this.at(indices[0] as number);
    const last = this.at(indices[indices.length - 1] as number);
    const incident: Incident = {
      id,
      start: new Date(first.time).toISOString(),
      end: new Date(last.time).toISOString(),
      phones: devices.length,
      alarms: indices.length,
      reasons: this.reasonsOf(indices),
      suspect: suspectJson(suspect),
      devices,
    };
    return { incident, suspectPopulation: this.populationOf(suspect), ports: this.portsOf(indices) };
  }

  private at(index: number): AlarmRecord {
    return this.records[index] as AlarmRecord;
  }

  /** The narrowest kind whose most common value nearly all the phones share. */
  private suspectOf(indices: readonly number[], phones: number): Suspect {
    for (const [kind] of SCOPE_KINDS.entries()) {
      const devicesByValue = new Map<string, Set<string>>();
      for (const index of indices) {
        const record = this.at(index);
        const value = record.scopes[kind];
        if (value === null || value === undefined) continue;
        const devices = entryOf(devicesByValue, value, () => new Set());
        devices.add(record.device);
      }
      let best: Suspect | null = null;
      for (const [value, devices] of devicesByValue) {
        if (
          best === null ||
          devices.size > best.phones ||
          (devices.size === best.phones && value < (best.value ?? ''))
        ) {
          best = { kind, value, phones: devices.size };
        }
      }
      if (best !== null && best.phones >= NEARLY_ALL * phones) return best;
    }
    return { kind: -1, value: null, phones: 0 };
  }

  private populationOf(suspect: Suspect): number | null {
    if (suspect.value === null) return null;
    const seen = this.population[suspect.kind]?.get(suspect.value)?.size ?? 0;
    return suspect.kind === SITE ? Math.max(seen, this.sitePhones.get(suspect.value) ?? 0) : seen;
  }

  private hitShare(suspect: Suspect): number {
    const population = this.populationOf(suspect);
    return population === null || population === 0 ? 0 : suspect.phones / population;
  }

  private candidateHit(candidate: Candidate): number {
    const devices = new Set(candidate.indices.map((index) => this.at(index).device));
    const population = this.population[candidate.kind]?.get(candidate.value)?.size ?? 0;
    return population === 0 ? 0 : devices.size / population;
  }

  private reasonsOf(indices: readonly number[]): IncidentReason[] {
    const byCode = new Map<number | null, { code: number | null; name: string; alarms: number }>();
    for (const index of indices) {
      const { reasonCode, reasonName } = this.at(index);
      const reason = byCode.get(reasonCode);
      if (reason === undefined) byCode.set(reasonCode, { code: reasonCode, name: reasonName, alarms: 1 });
      else reason.alarms += 1;
    }
    return [...byCode.values()].sort(
      (a, b) => b.alarms - a.alarms || (a.code ?? Number.POSITIVE_INFINITY) - (b.code ?? Number.POSITIVE_INFINITY),
    );
  }

  private portsOf(indices: readonly number[]): DevicePort[] {
    const ports = new Map<string, DevicePort>();
    for (const index of indices) {
      const record = this.at(index);
      if (!ports.has(record.device)) {
        ports.set(record.device, { device: record.device, switch: record.scopes[SWITCH] ?? null, port: record.port });
      }
    }
    return [...ports.values()];
  }
}

function suspectJson(suspect: Suspect): IncidentSuspect {
  const kind = SCOPE_KINDS[suspect.kind];
  return kind === undefined
    ? { kind: 'none', value: null, phones: 0 }
    : { kind, value: suspect.value, phones: suspect.phones };
}

/** The most alarms any window holds; `alarms` in time order. */
function busiestWindow(alarms: readonly ScopedAlarm[], windowMs: number): number {
  let most = 0;
  let left = 0;
  for (const [right, alarm] of alarms.entries()) {
    while (alarm.time - (alarms[left] as ScopedAlarm).time > windowMs) left += 1;
    most = Math.max(most, right - left + 1);
  }
  return most;
}

/**
 * The time the report's background is spread over: the middle 98% of its
 * alarms (a phone with a clock from 2001 does not stretch it), and at least
 * a day (a report holding only one burst must not make that burst its own
 * background).
 */
function backgroundSpan(records: readonly AlarmRecord[]): number {
  const times = Float64Array.from(records, (record) => record.time).sort();
  const low = times[Math.floor(times.length * 0.01)] ?? 0;
  const high = times[Math.ceil(times.length * 0.99) - 1] ?? 0;
  return Math.max(high - low, DAY_MS);
}
