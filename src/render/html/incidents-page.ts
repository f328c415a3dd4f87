import type { FoundIncident } from '../../report/report-document.js';
import { escapeText } from './html-escape.js';
import { incidentsSection } from './incidents-section.js';
import { htmlDocument, type PageContext, section } from './page-shell.js';

/**
 * `unreg incidents -f html`: the incidents found in saved reports as a page
 * of its own, with the report page's shell, policy and escaping, and the
 * same incidents table the report's page shows.
 */
export function incidentsPage(incidents: readonly FoundIncident[], read: string, context: PageContext): string {
  const command = context.command === undefined ? '' : ` <code>${escapeText(context.command)}</code>`;
  const header = [
    '<header><h1>unreg incidents</h1>',
    `<p class="meta">Generated ${context.generatedAt.slice(0, 19).replace('T', ' ')} UTC by unreg ${escapeText(context.version)}${command}</p>`,
    `<p>${escapeText(read)}</p></header>`,
  ].join('');
  const body = incidents.length === 0 ? '<p class="none">No incidents.</p>' : incidentsSection(incidents);
  return htmlDocument('unreg incidents', [header, section('incidents', 'Incidents', body)], undefined, context);
}
