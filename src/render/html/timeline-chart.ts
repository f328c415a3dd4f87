import type { Incident } from '../../report/report-document.js';
import { CATEGORY_STYLES } from './category-colours.js';
import { escapeText } from './html-escape.js';
import { roundStep, shortTime, tickLabel } from './time-scale.js';

export interface TimelineInput {
  /** Epoch milliseconds of every alarm with a time. */
  readonly times: readonly number[];
  /** The CATEGORY_STYLES index of each of those alarms. */
  readonly categories: readonly number[];
  readonly incidents: readonly Incident[];
}

const WIDTH = 1000;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 26;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const MAX_BINS = 200;
const MAX_TICKS = 8;

/**
 * Every alarm on a time axis: a histogram of round time bins (one minute to
 * days, as the span needs), each bar stacked by reason category, incidents
 * as shaded bands behind. Drawn here as SVG, so the page needs no chart
 * library and shows it with scripts off and in print; each category is one
 * <path>, so a fleet's 50,000 alarms cost a few hundred bytes per bin, and
 * each bin's counts are in its <title> (a tooltip in any browser).
 */
export function timelineChart(input: TimelineInput): string {
  const span = timeSpan(input);
  const binMs = roundStep(span.end - span.start, MAX_BINS);
  const first = Math.floor(span.start / binMs) * binMs;
  const binCount = Math.max(1, Math.ceil((span.end + 1 - first) / binMs));
  const bins = Array.from({ length: binCount }, () => CATEGORY_STYLES.map(() => 0));
  input.times.forEach((time, index) => {
    const bin = bins[Math.floor((time - first) / binMs)];
    const category = input.categories[index] ?? CATEGORY_STYLES.length - 1;
    if (bin !== undefined) bin[category] = (bin[category] ?? 0) + 1;
  });
  const totals = bins.map((bin) => bin.reduce((sum, count) => sum + count, 0));
  const yMax = niceMax(Math.max(1, ...totals));
  const x = (ms: number) => LEFT + ((ms - first) / (binCount * binMs)) * PLOT_WIDTH;
  const y = (count: number) => TOP + PLOT_HEIGHT - (count / yMax) * PLOT_HEIGHT;
  const binWidth = PLOT_WIDTH / binCount;
  const parts = [
    `<svg class="chart timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="timeline-title">`,
    '<title id="timeline-title">Alarms over time, by reason category (UTC)</title>',
    yAxis(yMax, y),
    ...input.incidents.map((incident) => incidentBand(incident, x)),
    ...CATEGORY_STYLES.map((style, category) => categoryPath(bins, category, style.colour, binWidth, y)),
    xAxis(first, binCount * binMs, x),
    hoverTargets(bins, totals, first, binMs, binWidth),
    '</svg>',
  ];
  return parts.join('');
}

function timeSpan(input: TimelineInput): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const time of input.times) {
    start = Math.min(start, time);
    end = Math.max(end, time);
  }
  for (const incident of input.incidents) {
    start = Math.min(start, Date.parse(incident.start));
    end = Math.max(end, Date.parse(incident.end));
  }
  if (!Number.isFinite(start)) return { start: 0, end: 3_600_000 };
  // A single moment still gets an hour around it.
  return end - start < 60_000 ? { start: start - 1_800_000, end: end + 1_800_000 } : { start, end };
}

/** A round top for the count axis: 1, 2, 5, 10, 20, 50... */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((factor) => factor * power).find((round) => round >= value) ?? 10 * power) as number;
}

function yAxis(yMax: number, y: (count: number) => number): string {
  // 0, the top, and the middle when it is a whole number of alarms.
  const counts = yMax % 2 === 0 ? [0, yMax / 2, yMax] : [0, yMax];
  const lines = counts.map((count) => {
    const at = round(y(count));
    return `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/><text class="tick" x="${LEFT - 6}" y="${at + 4}" text-anchor="end">${count}</text>`;
  });
  return lines.join('');
}

function xAxis(first: number, span: number, x: (ms: number) => number): string {
  const step = roundStep(span, MAX_TICKS);
  const ticks: string[] = [];
  for (let at = Math.ceil(first / step) * step; at <= first + span; at += step) {
    const position = round(x(at));
    ticks.push(
      `<line class="axis" x1="${position}" x2="${position}" y1="${TOP + PLOT_HEIGHT}" y2="${TOP + PLOT_HEIGHT + 4}"/>`,
      `<text class="tick" x="${position}" y="${HEIGHT - 8}" text-anchor="middle">${tickLabel(at, step)}</text>`,
    );
  }
  return `<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + PLOT_HEIGHT}" y2="${TOP + PLOT_HEIGHT}"/>${ticks.join('')}`;
}

/** One path per category: a rectangle per bin, stacked on the categories before it. */
function categoryPath(
  bins: readonly number[][],
  category: number,
  colour: string,
  binWidth: number,
  y: (count: number) => number,
): string {
  const rects: string[] = [];
  bins.forEach((bin, index) => {
    const count = bin[category] ?? 0;
    if (count === 0) return;
    const below = bin.slice(0, category).reduce((sum, value) => sum + value, 0);
    const top = y(below + count);
    const left = LEFT + index * binWidth;
    rects.push(
      `M${round(left)} ${round(top)}h${round(Math.max(binWidth - 0.5, 0.8))}V${round(y(below))}H${round(left)}z`,
    );
  });
  return rects.length === 0
    ? ''
    : `<path class="bars" data-category="${category}" fill="${colour}" d="${rects.join('')}"/>`;
}

function incidentBand(incident: Incident, x: (ms: number) => number): string {
  const left = x(Date.parse(incident.start));
  const width = Math.max(x(Date.parse(incident.end)) - left, 3);
  const title = `Incident ${incident.id}: ${shortTime(incident.start)} to ${shortTime(incident.end)} UTC, ${incident.phones} phones`;
  return [
    `<g class="incident-band"><title>${escapeText(title)}</title>`,
    `<rect x="${round(left)}" y="${TOP}" width="${round(width)}" height="${PLOT_HEIGHT}"/>`,
    `<text x="${round(left + width / 2)}" y="${TOP - 5}" text-anchor="middle">#${incident.id}</text></g>`,
  ].join('');
}

/** An invisible full-height column per non-empty bin, carrying its counts as a tooltip. */
function hoverTargets(
  bins: readonly number[][],
  totals: readonly number[],
  first: number,
  binMs: number,
  binWidth: number,
): string {
  const targets: string[] = [];
  bins.forEach((bin, index) => {
    const total = totals[index] ?? 0;
    if (total === 0) return;
    const start = first + index * binMs;
    const counts = CATEGORY_STYLES.flatMap((style, category) =>
      (bin[category] ?? 0) > 0 ? [`${style.label} ${bin[category]}`] : [],
    );
    const when = `${shortTime(new Date(start).toISOString())} to ${shortTime(new Date(start + binMs).toISOString())} UTC`;
    const title = `${when}: ${total} alarm${total === 1 ? '' : 's'} (${counts.join(', ')})`;
    targets.push(
      `<rect class="bin" x="${round(LEFT + index * binWidth)}" y="${TOP}" width="${round(binWidth)}" height="${PLOT_HEIGHT}"><title>${escapeText(title)}</title></rect>`,
    );
  });
  return `<g class="bins">${targets.join('')}</g>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
