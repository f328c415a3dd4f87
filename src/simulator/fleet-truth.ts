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

export interface FleetTruth {
  readonly seed: number;
  readonly port: number;
  readonly phones: readonly PhoneTruth[];
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
