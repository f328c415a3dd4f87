import type { FoundIncident, ReportSummary } from '../../report/report-document.js';
import { CATEGORY_STYLES } from './category-colours.js';
import { failedPhones } from './failed-phones.js';
import { incidentsSection } from './incidents-section.js';
import type { PageData } from './page-data.js';
import { pageHeader } from './page-header.js';
import { htmlDocument, type PageContext, section } from './page-shell.js';
import { phonesTable } from './phones-table.js';
import { reasonsChart } from './reasons-chart.js';
import { siteHeatTable } from './site-heat-table.js';
import { timelineChart } from './timeline-chart.js';

/** The whole page: one self-contained HTML document. */
export function htmlPage(
  data: PageData,
  summary: ReportSummary,
  incidents: readonly FoundIncident[],
  context: PageContext,
): string {
  const span = alarmSpan(data.alarmTimes);
  const sections = [
    pageHeader({ ...context, summary, alarmSpan: span, incidents: incidents.length }),
    incidents.length === 0
      ? ''
      : section('incidents', 'Incidents: phones that dropped together', incidentsSection(incidents)),
    section('timeline', 'When phones lost their registration', timeline(data, incidents)),
    section('reasons', 'Reasons (ReasonForOutOfService)', reasonsChart(summary.reasons)),
    data.sites.size === 0
      ? ''
      : section('sites', 'Sites and reason categories (phones with such an alarm)', siteHeatTable(data.sites)),
    section('failed', `Phones that could not be read (${data.failed.length})`, failedPhones(data.failed)),
    section('phones', 'Every phone', phonesIntro() + phonesTable(data.rows)),
  ];
  const embedded = {
    s: data.strings.strings,
    k: data.keyLists,
    p: data.details,
    c: CATEGORY_STYLES.map((style) => style.label),
  };
  const title = `unreg report, ${context.generatedAt.slice(0, 10)}: ${summary.phones.total} phones`;
  return htmlDocument(title, sections, embedded, context);
}

function timeline(data: PageData, incidents: readonly FoundIncident[]): string {
  const counts = CATEGORY_STYLES.map(() => 0);
  for (const category of data.alarmCategories) counts[category] = (counts[category] ?? 0) + 1;
  const legend = CATEGORY_STYLES.flatMap((style, index) =>
    (counts[index] ?? 0) > 0
      ? [`<li><span class="swatch c${index}"></span>${style.label} (${counts[index]})</li>`]
      : [],
  );
  if (incidents.length > 0) legend.push('<li><span class="band"></span>incident</li>');
  const untimed =
    data.untimedAlarms === 0
      ? ''
      : `<p class="note">${data.untimedAlarms} alarm${data.untimedAlarms === 1 ? ' has' : 's have'} no time and ${data.untimedAlarms === 1 ? 'is' : 'are'} not drawn.</p>`;
  if (data.alarmTimes.length === 0 && incidents.length === 0)
    return `<p class="none">No alarm with a time.</p>${untimed}`;
  const chart = timelineChart({
    times: data.alarmTimes,
    categories: data.alarmCategories,
    incidents: incidents.map((found) => found.incident),
  });
  return `${chart}<ul class="legend">${legend.join('')}</ul>${untimed}`;
}

function phonesIntro(): string {
  return [
    '<p class="note">Click a column to sort, a phone to see its alarms with every parameter decoded.</p>',
    '<noscript><p class="note">Scripts are off: sorting, filtering and the alarms under each phone need them; ',
    'every figure and table above is complete without.</p></noscript>',
  ].join('');
}

function alarmSpan(times: readonly number[]): { first: number; last: number } | null {
  if (times.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const time of times) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  return { first, last };
}
