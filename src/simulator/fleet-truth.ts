import { epochToIso } from '../parser/epoch-time.js';
import type { AlarmSection, ParsedAlarm } from '../parser/parsed-alarm.js';
import { parseReasonCode } from '../report/decode-alarm.js';
import type { PhonePlan } from './fleet-plan.js';
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

/** What a correct client must report for one phone. */
export interface PhoneTruth {
  readonly index: number;
  readonly host: string;
  readonly port: number;
  readonly name: string;
  readonly model: string;
  readonly site: string;
  readonly tags: readonly string[];
  readonly mode: PhoneMode;
  readonly legacy: boolean;
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

export interface FleetTruth {
  readonly seed: number;
  readonly port: number;
  readonly phones: readonly PhoneTruth[];
}

const ANSWERING: ReadonlySet<PhoneMode> = new Set(['ok', 'slow']);

export function phoneTruth(plan: PhonePlan, port: number, hostKey: HostKeyInfo): PhoneTruth {
  return {
    index: plan.index,
    host: plan.host,
    port,
    name: plan.name,
    model: plan.model,
    site: plan.site,
    tags: plan.tags,
    mode: plan.mode,
    legacy: plan.legacy,
    expected: EXPECTED_OUTCOME[plan.mode],
    hostKey: { type: hostKey.type, fingerprint: hostKey.fingerprint },
    alarmsHeld: plan.alarms.length,
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
