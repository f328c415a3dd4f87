import type { ParsedTranscript } from '../parser/parsed-alarm.js';
import { decodeAlarm } from './decode-alarm.js';
import type { EntryError, EntryTarget, PhoneEntry } from './report-document.js';

/** The report entry for a target whose `show unreg` output was parsed. */
export function entryFromTranscript(target: EntryTarget, parsed: ParsedTranscript, durationMs: number): PhoneEntry {
  return {
    ...targetFields(target),
    status: parsed.failure === null ? 'ok' : 'failed',
    error: parsed.failure,
    durationMs,
    alarms: parsed.alarms.map(decodeAlarm),
    warnings: parsed.warnings,
  };
}

/** The report entry for a target that could not be read. */
export function failedEntry(
  target: EntryTarget,
  error: EntryError,
  durationMs: number,
  partial: Pick<PhoneEntry, 'alarms' | 'warnings'> = { alarms: [], warnings: [] },
): PhoneEntry {
  return { ...targetFields(target), status: 'failed', error, durationMs, ...partial };
}

function targetFields(target: EntryTarget): EntryTarget {
  return { host: target.host, port: target.port, name: target.name, site: target.site, tags: [...target.tags] };
}
