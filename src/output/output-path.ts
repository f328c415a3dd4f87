/**
 * Expands `{date}` (YYYY-MM-DD) and `{time}` (HHMMSS) in an output path,
 * both in UTC, so a nightly cron job writes one file per run.
 */
export function expandOutputPath(template: string, now: Date): string {
  const iso = now.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19).replaceAll(':', '');
  return template.replaceAll('{date}', date).replaceAll('{time}', time);
}
