// Below this a number is taken as seconds: 1e11 milliseconds is March 1973,
// before any phone alarm, while 1e11 seconds is the year 5138.
const SECONDS_LIMIT = 1e11;
const MAX_DATE_MS = 8.64e15;

/**
 * An alarm TimeStamp as ISO 8601 UTC. The XML alarm carries epoch
 * milliseconds, CUCM's syslog form epoch seconds; a value that is clearly
 * seconds is read as seconds. Empty, zero or non-numeric values give null.
 */
export function epochToIso(value: string): string | null {
  const text = value.trim();
  if (!/^\d{1,16}$/.test(text)) return null;
  const number = Number(text);
  if (number === 0) return null;
  const ms = number < SECONDS_LIMIT ? number * 1000 : number;
  return ms <= MAX_DATE_MS ? new Date(ms).toISOString() : null;
}
