const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000 };

/**
 * A duration such as `10m`, `90s`, `1h30m` or `600` (seconds) in ms, or
 * null when the text is not one.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^(?:\d+[hms])+$/.test(trimmed)) return null;
  let ms = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([hms])/g)) ms += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  return ms;
}

/** The short form back: 600000 → `10m`, 5400000 → `1h30m`, 90000 → `1m30s`. */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1000);
  let text = '';
  for (const [unit, size] of [
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return rest > 0 || text === '' ? `${text}${rest}s` : text;
}
