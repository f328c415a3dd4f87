import type { PhoneEntry } from '../report/report-document.js';

/** A saved report that cannot be read: names the file, and the line for NDJSON. */
export class SavedReportError extends Error {
  override readonly name = 'SavedReportError';
}

/**
 * The phone entries of a saved report: a JSON document (`-f json`, its
 * `phones`) or NDJSON (`-f ndjson`, one entry per line). Only what grouping
 * reads is checked: each entry's host, site, name and alarms.
 */
export function savedReportEntries(text: string, file: string): PhoneEntry[] {
  const body = text.replace(/^\uFEFF/, '');
  const document = wholeJson(body);
  if (document !== undefined) {
    if (isObject(document) && Array.isArray(document.phones)) {
      return document.phones.map((entry, at) => checkedEntry(entry, `${file}: phones[${at}]`));
    }
    if (!isObject(document) || !('host' in document)) {
      throw new SavedReportError(`${file}: not an unreg report (no "phones" array)`);
    }
  }
  const entries: PhoneEntry[] = [];
  for (const [at, line] of body.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SavedReportError(`${file}:${at + 1}: not JSON (${(error as Error).message})`);
    }
    entries.push(checkedEntry(value, `${file}:${at + 1}`));
  }
  return entries;
}

function wholeJson(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Not one document: NDJSON, read line by line.
    return undefined;
  }
}

function checkedEntry(value: unknown, where: string): PhoneEntry {
  if (!isObject(value) || typeof value.host !== 'string' || !Array.isArray(value.alarms)) {
    throw new SavedReportError(`${where}: not a phone entry of an unreg report (needs "host" and "alarms")`);
  }
  for (const field of ['site', 'name'] as const) {
    if (value[field] !== undefined && value[field] !== null && typeof value[field] !== 'string') {
      throw new SavedReportError(`${where}: "${field}" must be a string or null`);
    }
  }
  const alarms = value.alarms.map((alarm: unknown, at) => {
    if (
      !isObject(alarm) ||
      !isObject(alarm.params) ||
      !(alarm.timestamp === null || typeof alarm.timestamp === 'string')
    ) {
      throw new SavedReportError(`${where}: alarms[${at}] needs "timestamp" and "params"`);
    }
    // What grouping reads, each of its own type or null: never undefined.
    return {
      ...alarm,
      deviceName: typeof alarm.deviceName === 'string' ? alarm.deviceName : null,
      reasonCode: typeof alarm.reasonCode === 'number' ? alarm.reasonCode : null,
      reasonName: typeof alarm.reasonName === 'string' ? alarm.reasonName : null,
    };
  });
  return { ...value, site: value.site ?? null, name: value.name ?? null, alarms } as unknown as PhoneEntry;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
