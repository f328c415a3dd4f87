const UNIT_MS: Readonly<Record<string, number>> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
};

/** A duration such as `24h`, `7d`, `2w`, `1d12h` in ms, or null when the text is not one. */
export function parseHistoryDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(?:\d+[wdhms])+$/.test(trimmed)) return null;
  let ms = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([wdhms])/g))
    ms += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  return ms;
}

/** Stored milliseconds as ISO 8601 UTC, as the report writes times; null stays null. */
export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
