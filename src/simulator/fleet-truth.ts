import { epochToIso } from '../parser/epoch-time.js';
import type { AlarmSection, ParsedAlarm } from '../parser/parsed-alarm.js';
import { parseReasonCode } from '../report/decode-alarm.js';
import type { PhonePlan } from './fleet-plan.js';
import type { StoryAlarm, StoryName } from './fleet-stories.js';
import type { HostKeyInfo } from './host-keys.js';
import { EXPECTED_OUTCOME, type ExpectedOutcome, type PhoneMode } from './phone-modes.js';

export interface TruthAlarm {
  readonly section: AlarmSection;
  readonly reasonCode: number | null;
  readonly deviceName: string | null;
  /** ISO 8601 UTC, as the report gives it. */
  readonly timestamp: string | null;
  readonly params: Readonly<Record<string, string>>;
}

/** What a correct client must report for one phone: the plan, and what follows from it. */
export interface PhoneTruth extends Omit<PhonePlan, 'alarms'> {
  readonly port: number;
  /** `ok`, or the report's `error.kind`. */
  readonly expected: ExpectedOutcome;
  readonly hostKey: { readonly type: string; readonly fingerprint: string };
  /** Alarms the phone holds. */
  readonly alarmsHeld: number;
  /**
   * The alarms a correct client reports: all of them for a phone that
   * answers; for one that drops mid-output, those complete before the cut;
   * none for the others.
   */
  readonly alarms: readonly TruthAlarm[];
}

/** An incident the fleet's history holds, as a correct sweep groups it. */
export interface TruthIncident {
  readonly story: StoryName;
  readonly suspect: StoryAlarm['suspect'];
  /** The first reported alarm of the story, ISO 8601 UTC. */
  readonly start: string;
  /** The phones that report the story's alarm, in the order they dropped. */
  readonly devices: readonly string[];
}

export interface FleetTruth {
  readonly seed: number;
  readonly port: number;
  readonly phones: readonly PhoneTruth[];
  /** In the order they started. */
  readonly incidents: readonly TruthIncident[];
}

// The report's default --incident-min-phones: a story fewer phones report is no incident.
const MIN_INCIDENT_PHONES = 3;

/**
 * The fleet's stories as incidents: each story's alarms that a correct
 * client reports (a phone that fails reports none; one that drops
 * mid-output loses its last block), when enough phones report it.
 */
export function truthIncidents(plans: readonly PhonePlan[]): TruthIncident[] {
  const byStory = new Map<StoryName, { suspect: StoryAlarm['suspect']; drops: { time: number; device: string }[] }>();
  for (const plan of plans) {
    const reported = new Set(reportedAlarms(plan).map((alarm) => alarm.params.TimeStamp));
    for (const story of plan.stories) {
      if (!reported.has(String(story.time))) continue;
      const entry = byStory.get(story.story) ?? { suspect: story.suspect, drops: [] };
      entry.drops.push({ time: story.time, device: plan.name });
      byStory.set(story.story, entry);
    }
  }
  return [...byStory.entries()]
    .filter(([, { drops }]) => drops.length >= MIN_INCIDENT_PHONES)
    .map(([story, { suspect, drops }]) => {
      const ordered = drops.sort((a, b) => a.time - b.time || a.device.localeCompare(b.device));
      const start = new Date(ordered[0]?.time ?? 0).toISOString();
      return { story, suspect, start, devices: ordered.map((drop) => drop.device) };
    })
    .sort((a, b) => a.start.localeCompare(b.start));
}

const ANSWERING: ReadonlySet<PhoneMode> = new Set(['ok', 'slow']);

export function phoneTruth(plan: PhonePlan, port: number, hostKey: HostKeyInfo): PhoneTruth {
  const { alarms, ...identity } = plan;
  return {
    ...identity,
    port,
    expected: EXPECTED_OUTCOME[plan.mode],
    hostKey: { type: hostKey.type, fingerprint: hostKey.fingerprint },
    alarmsHeld: alarms.length,
    alarms: reportedAlarms(plan).map(truthAlarm),
  };
}

function reportedAlarms(plan: PhonePlan): readonly ParsedAlarm[] {
  if (ANSWERING.has(plan.mode)) return plan.alarms;
  // The cut falls inside the last block printed.
  if (plan.mode === 'drop') return plan.alarms.slice(0, -1);
  return [];
}

function truthAlarm(alarm: ParsedAlarm): TruthAlarm {
  const { params } = alarm;
  return {
    section: alarm.section,
    reasonCode: parseReasonCode(params.ReasonForOutOfService),
    deviceName: params.DeviceName ?? null,
    timestamp: epochToIso(params.TimeStamp ?? ''),
    params,
  };
}
