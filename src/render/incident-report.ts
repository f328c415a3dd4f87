import type { FoundIncident, RenderContext } from '../report/report-document.js';
import { SCHEMA_VERSION } from '../report/report-document.js';
import type { Colour } from './colour.js';
import { type CsvCell, csvRecords, neutraliseFormula } from './csv-renderer.js';
import { fitText } from './fit-table.js';
import { incidentsPage } from './html/incidents-page.js';
import { incidentsSection, reasonWords } from './incidents-table.js';

// `unreg incidents`: the incidents found again in saved reports.

export const INCIDENT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

// Public contract: column names and order (docs/report-formats.md).
export const INCIDENT_CSV_COLUMNS = [
  'id',
  'start',
  'end',
  'phones',
  'alarms',
  'suspect_kind',
  'suspect_value',
  'suspect_phones',
  'reasons',
  'devices',
] as const;

export interface IncidentReportContext extends RenderContext {
  readonly detail: boolean;
  readonly colour: Colour;
  readonly width: number | null;
  /** What was read: where from ("2 files", "the history FILE"), distinct phones and distinct alarms. */
  readonly read: { readonly from: string; readonly phones: number; readonly alarms: number };
}

export function renderIncidentReport(
  format: IncidentFormat,
  incidents: readonly FoundIncident[],
  context: IncidentReportContext,
): string {
  switch (format) {
    case 'json': {
      const document = {
        schemaVersion: SCHEMA_VERSION,
        tool: 'unreg',
        version: context.version,
        generatedAt: context.generatedAt,
        incidents: incidents.map((found) => found.incident),
      };
      return `${JSON.stringify(document, null, 2)}\n`;
    }
    case 'csv':
      return csvRecords([[...INCIDENT_CSV_COLUMNS], ...incidents.map(({ incident }) => csvRow(incident))]);
    case 'table': {
      const section = incidentsSection(incidents, context) || 'No incidents.\n';
      return `${section}${fitText(readWords(context.read), context.width)}\n`;
    }
    case 'html':
      return incidentsPage(incidents, readWords(context.read), { ...context, command: undefined });
  }
}

function readWords({ from, phones, alarms }: IncidentReportContext['read']): string {
  return `Read ${alarms} distinct alarms of ${phones} phones from ${from}.`;
}

/** Phone-supplied text (a switch name, device names) is neutralised as in the report's CSV. */
function csvRow(incident: FoundIncident['incident']): CsvCell[] {
  const { suspect } = incident;
  return [
    incident.id,
    incident.start,
    incident.end,
    incident.phones,
    incident.alarms,
    suspect.kind,
    suspect.value === null ? null : neutraliseFormula(suspect.value),
    suspect.phones,
    neutraliseFormula(reasonWords(incident, Number.POSITIVE_INFINITY)),
    neutraliseFormula(incident.devices.join(' ')),
  ];
}
