/** What the header parser needs to place a time that lacks a year or zone. */
export interface HeaderClock {
  /**
   * A moment at or after every line of the input (the file's modification
   * time; for standard input, when reading began): an RFC 3164 date without
   * a year takes the latest year that does not put it past this (+1 day).
   */
  readonly referenceMs: number;
  /** A year given by the user (`--year`) for dates that carry none. */
  readonly year?: number;
  /** Local wall-clock time to epoch ms; the default reads it in the process's time zone (TZ). */
  readonly localToEpoch?: (fields: WallClock) => number;
}

export interface WallClock {
  readonly year: number;
  /** 0-11 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CLOCK = '(\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?';
const DAY_MS = 86_400_000;

// CUCM's own stamp inside its message: `Jul 02 2015 06:22:31 UTC :` or `Apr 21 2016 09:02:53.181 JST :`.
const CUCM_STAMP = new RegExp(
  `\\b${MONTH} +(\\d{1,2}) (\\d{4}) ${CLOCK}(?: +([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2}))?`,
  'i',
);
// RFC 5424 / RFC 3339, as remote syslog servers write it: `2016-04-21T09:02:53.181+09:00`.
const ISO_STAMP = new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})[T ]${CLOCK}(Z|[+-]\\d{2}:?\\d{2})?`, 'i');
// RFC 3164: `Apr 21 09:02:53` (day space-padded), no year, no zone.
const BSD_STAMP = new RegExp(`\\b${MONTH} +(\\d{1,2}) ${CLOCK}\\b`, 'i');

// Zone names CUCM prints that mean one offset only (minutes east of UTC).
// Ambiguous ones (CST, IST, BST, ...) are read as local time instead.
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
};

/**
 * The time in a syslog line's header (the text before the alarm), as epoch
 * ms, or null when it has none. Stamps with a year and a zone come first
 * (CUCM's own, then ISO with an offset); then those read in local time
 * (CUCM's with a zone we cannot tell, ISO without offset, RFC 3164).
 */
export function parseHeaderTime(header: string, clock: HeaderClock): number | null {
  const cucm = CUCM_STAMP.exec(header);
  const iso = ISO_STAMP.exec(header);
  const cucmZone = zoneOffset(cucm?.[8]);
  const isoZone = zoneOffset(iso?.[8]);
  if (cucm && cucmZone !== null) return cucmTime(cucm, clock, cucmZone);
  if (iso && isoZone !== null) return isoTime(iso, clock, isoZone);
  if (cucm) return cucmTime(cucm, clock, null);
  if (iso) return isoTime(iso, clock, null);
  const bsd = BSD_STAMP.exec(header);
  return bsd ? bsdTime(bsd, clock) : null;
}

function cucmTime(match: RegExpExecArray, clock: HeaderClock, offset: number | null): number | null {
  const [, month, day, year, hour, minute, second, fraction] = match;
  return toEpoch(wall(Number(year), monthIndex(month), day, hour, minute, second, fraction), clock, offset);
}

function isoTime(match: RegExpExecArray, clock: HeaderClock, offset: number | null): number | null {
  const [, year, month, day, hour, minute, second, fraction] = match;
  return toEpoch(wall(Number(year), Number(month) - 1, day, hour, minute, second, fraction), clock, offset);
}

function bsdTime(match: RegExpExecArray, clock: HeaderClock): number | null {
  const [, month, day, hour, minute, second, fraction] = match;
  const at = (year: number) => toEpoch(wall(year, monthIndex(month), day, hour, minute, second, fraction), clock, null);
  if (clock.year !== undefined) return at(clock.year);
  const referenceYear = new Date(clock.referenceMs).getUTCFullYear();
  // Try the reference year and the one after (a reference just before New
  // Year in UTC can be after it locally); keep the latest not in the future.
  for (const year of [referenceYear + 1, referenceYear, referenceYear - 1]) {
    const time = at(year);
    if (time !== null && time <= clock.referenceMs + DAY_MS) return time;
  }
  return null;
}

function wall(
  year: number,
  month: number,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
): WallClock {
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // A leap second (:60) reads as :59 rather than rolling into the next minute.
  const whole = Math.min(Number(second), 59);
  return { year, month, day: Number(day), hour: Number(hour), minute: Number(minute), second: whole, ms };
}

function toEpoch(fields: WallClock, clock: HeaderClock, offsetMinutes: number | null): number | null {
  if (!plausible(fields)) return null;
  if (offsetMinutes !== null) {
    const { year, month, day, hour, minute, second, ms } = fields;
    return Date.UTC(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  }
  const time = (clock.localToEpoch ?? processLocalTime)(fields);
  return Number.isFinite(time) ? time : null;
}

function processLocalTime({ year, month, day, hour, minute, second, ms }: WallClock): number {
  return new Date(year, month, day, hour, minute, second, ms).getTime();
}

// Rejects what Date would silently roll over (Feb 30, 25:00).
function plausible({ year, month, day, hour, minute, second }: WallClock): boolean {
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return year >= 1970 && month >= 0 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function monthIndex(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').toLowerCase());
}

/** Minutes east of UTC, or null for no zone or a name that is ambiguous or unknown. */
function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toUpperCase()] ?? null;
}
