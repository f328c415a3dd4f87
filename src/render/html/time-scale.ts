// Time axes of the page's charts: round steps in UTC, labels that fit them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  365 * DAY,
];

/** The smallest round step that cuts `span` milliseconds into at most `count` pieces. */
export function roundStep(span: number, count: number): number {
  return STEPS.find((step) => span / step <= count) ?? Math.ceil(span / count / (365 * DAY)) * 365 * DAY;
}

/** A tick's label: the date for steps of a day or more, else date and time. */
export function tickLabel(ms: number, step: number): string {
  const iso = new Date(ms).toISOString();
  return step >= DAY ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/** "2024-06-09 03:12:05" (UTC), for tooltips and tables. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
