import { REASON_CATEGORIES } from '../catalogue/categories.js';
import { outOfServiceReasonByCode } from '../catalogue/out-of-service-reasons.js';
import { type FailureGroup, FailureTally } from '../incidents/failure-groups.js';
import type { FoundIncident, PhoneEntry, ReportRenderer, ReportSummary } from '../report/report-document.js';
import { alarmParameterPairs, packPairs } from './alarm-parameters.js';
import type { Colour } from './colour.js';
import { type ColumnSpec, type FitOptions, fitTable, fitText } from './fit-table.js';
import { incidentsSection } from './incidents-table.js';
import { terminalSafe } from './terminal-text.js';

export interface TableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
  /** The terminal's columns to fit, or null for the natural width (a pipe, a file). */
  readonly width: number | null;
}

type Row = string[];

interface DetailRow {
  readonly cells: Row;
  readonly parameters: readonly string[];
}

// On a narrow terminal, names and messages wrap inside their cells; the
// category goes first, then sent/unsent (the CSV and JSON keep them all).
const REASON_COLUMNS: ColumnSpec[] = [
  { header: 'code', align: 'right' },
  { header: 'name', shrink: true, minWidth: 24 },
  { header: 'category', shrink: true, minWidth: 10, priority: 1 },
  { header: 'phones', align: 'right' },
  { header: 'alarms', align: 'right' },
  { header: 'sent', align: 'right', priority: 2 },
  { header: 'unsent', align: 'right', priority: 2 },
];
const DETAIL_COLUMNS: ColumnSpec[] = [
  { header: 'host', shrink: true, minWidth: 12 },
  { header: 'device', shrink: true, minWidth: 15 },
  { header: 'section', priority: 1 },
  { header: 'time' },
  { header: 'code', align: 'right' },
  { header: 'name', shrink: true, minWidth: 12 },
];
const FAILED_COLUMNS: ColumnSpec[] = [
  { header: 'host', shrink: true, minWidth: 12 },
  { header: 'error' },
  { header: 'message', shrink: true, minWidth: 20, maxWidth: 60 },
];

/**
 * The fleet view for people: ReasonForOutOfService counts, most phones
 * first, then totals and every failed phone with its error. Everything
 * comes at the end; only failed phones, warnings and detail rows are kept
 * until then. Every phone-supplied string goes through terminalSafe.
 */
export class TableRenderer implements ReportRenderer {
  private readonly failed: Row[] = [];
  private readonly warnings: string[] = [];
  private readonly detail: DetailRow[] = [];
  private readonly failures = new FailureTally();

  constructor(private readonly options: TableOptions) {}

  start(): string {
    return '';
  }

  phone(entry: PhoneEntry): string {
    const host = hostLabel(entry);
    if (entry.error !== null) this.failed.push([host, entry.error.kind, entry.error.message]);
    this.failures.add(entry);
    for (const warning of entry.warnings) this.warnings.push(`${host}: ${warning}`);
    if (this.options.detail) {
      for (const alarm of entry.alarms) {
        const cells = [
          host,
          alarm.deviceName ?? '',
          alarm.section,
          alarm.timestamp ?? '',
          alarm.reasonCode === null ? '' : String(alarm.reasonCode),
          alarm.reasonName ?? '',
        ];
        this.detail.push({ cells, parameters: alarmParameterPairs(alarm) });
      }
    }
    return '';
  }

  end(summary: ReportSummary, incidents: readonly FoundIncident[]): string {
    const { bold, red } = this.options.colour;
    const { width } = this.options;
    // Skipped phones first: one wrong password left them all unread.
    const parts = this.skippedLines(summary);
    // Incidents next: "did these phones drop together, and what do they share?"
    if (incidents.length > 0) parts.push(incidentsSection(incidents, this.options));
    parts.push(bold('ReasonForOutOfService'), this.reasonsTable(summary));
    if (this.options.detail && this.detail.length > 0) parts.push(bold('Alarms'), this.detailTable());
    const { total, ok, failed, skipped, withAlarms } = summary.phones;
    const failedText = `${failed} failed${skipped > 0 ? ` (${skipped} skipped)` : ''}`;
    parts.push(
      fitText(
        `Phones: ${total} total, ${ok} ok, ${failed > 0 ? red(failedText) : failedText}, ${withAlarms} with alarms`,
        width,
      ),
    );
    if (this.failed.length > 0) {
      const groups = this.failures.groupsFound().map((group) => fitText(terminalSafe(failureGroupLine(group)), width));
      parts.push(`\n${red(bold('Failed'))}`, ...groups, fitTable(FAILED_COLUMNS, this.failed, this.fit()));
    }
    if (this.warnings.length > 0) {
      parts.push(`\n${bold('Warnings')}`, ...this.warnings.map((warning) => fitText(terminalSafe(warning), width)));
    }
    return `${parts.join('\n')}\n`;
  }

  /** First of all, as it hides every other result: phones not tried for credentials others refused. */
  private skippedLines(summary: ReportSummary): string[] {
    const { bold, red } = this.options.colour;
    if (summary.skipped.length === 0) return [];
    const lines = summary.skipped.map(({ message, phones }) =>
      fitText(`${phones} ${plural(phones)} ${message}`, this.options.width),
    );
    return [red(bold('Skipped')), ...lines, ''];
  }

  private reasonsTable(summary: ReportSummary): string {
    if (summary.reasons.length === 0) return 'No LastOutOfServiceInformation alarms.\n';
    const rows = summary.reasons.map((reason) => [
      reason.code === null ? '' : String(reason.code),
      reason.name,
      categoryLabel(reason.code),
      String(reason.phones),
      String(reason.alarms),
      String(reason.sent),
      String(reason.unsent),
    ]);
    return fitTable(REASON_COLUMNS, rows, this.fit());
  }

  /**
   * One row per alarm; under it, spanning the whole width, its parameters
   * packed into lines, so that even a fleet-wide detail is a few lines per
   * alarm, with a rule between alarms.
   */
  private detailTable(): string {
    const notes = this.detail.map(({ parameters }) =>
      parameters.length === 0 ? undefined : (width: number) => packPairs(parameters, width),
    );
    return fitTable(
      DETAIL_COLUMNS,
      this.detail.map((row) => row.cells),
      { ...this.fit(), notes },
    );
  }

  private fit(): FitOptions {
    return { width: this.options.width, heading: this.options.colour.bold };
  }
}

/** "site osaka: 40 of 42 phones unreachable", "hosts 10.2.2.0/24: 12 of 12 phones timeout". */
function failureGroupLine(group: FailureGroup): string {
  const where = group.scope === 'site' ? `site ${group.value}` : `hosts ${group.value}`;
  return `${where}: ${group.failed} of ${group.phones} phones ${group.kind}`;
}

function hostLabel(entry: PhoneEntry): string {
  const port = entry.port === null || entry.port === 22 ? '' : `:${entry.port}`;
  return entry.name === null ? `${entry.host}${port}` : `${entry.host}${port} (${entry.name})`;
}

function categoryLabel(code: number | null): string {
  const reason = code === null ? undefined : outOfServiceReasonByCode(code);
  return reason === undefined ? '' : REASON_CATEGORIES[reason.category];
}

function plural(phones: number): string {
  return phones === 1 ? 'phone' : 'phones';
}
