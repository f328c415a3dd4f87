// Below this a number is taken as seconds: 1e11 milliseconds is March 1973,
// before any phone alarm, while 1e11 seconds is the year 5138.
const SECONDS_LIMIT = 1e11;
// 9999-12-31T23:59:59.999Z: later values are no timestamp a phone sends, and
// would give six-digit years that spreadsheets and scripts misread.
const MAX_DATE_MS = 253_402_300_799_999;
// Digits, optionally with a fraction (seconds written as 1461229373.181).
const EPOCH = /^\d{1,16}(?:\.\d{1,9})?$/;

/**
 * An alarm TimeStamp as ISO 8601 UTC. The XML alarm carries epoch
 * milliseconds, CUCM's syslog form epoch seconds; a value that is clearly
 * seconds is read as seconds. Empty, zero, non-numeric or out-of-range
 * values give null.
 */
export function epochToIso(value: string): string | null {
  const text = value.trim();
  if (!EPOCH.test(text)) return null;
  const number = Number(text);
  if (number === 0) return null;
  const ms = Math.round(number < SECONDS_LIMIT ? number * 1000 : number);
  return ms <= MAX_DATE_MS ? new Date(ms).toISOString() : null;
}
