import tablePackage from 'table';
import { REASON_CATEGORIES } from '../catalogue/categories.js';
import { outOfServiceReasonByCode } from '../catalogue/out-of-service-reasons.js';
import type { PhoneEntry, ReportSummary } from '../report/report-document.js';
import type { Colour } from './colour.js';
import type { ReportRenderer } from './renderer.js';
import { terminalSafe } from './terminal-text.js';

// `table` is CommonJS: destructure the default export (named ESM imports of
// CommonJS packages are not guaranteed to resolve under plain node).
const { table } = tablePackage;

export interface TableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
}

type Row = string[];

/**
 * The fleet view for people: ReasonForOutOfService counts, most phones
 * first, then totals and every failed phone with its error. Everything
 * comes at the end; only failed phones (and detail rows) are kept until then.
 */
export class TableRenderer implements ReportRenderer {
  private readonly failed: Row[] = [];
  private readonly warnings: string[] = [];
  private readonly detail: Row[] = [];

  constructor(private readonly options: TableOptions) {}

  start(): string {
    return '';
  }

  phone(entry: PhoneEntry): string {
    const host = hostLabel(entry);
    if (entry.error !== null) this.failed.push([host, entry.error.kind, entry.error.message]);
    for (const warning of entry.warnings) this.warnings.push(`${host}: ${warning}`);
    if (this.options.detail) {
      for (const alarm of entry.alarms) {
        this.detail.push([
          host,
          alarm.deviceName ?? '',
          alarm.section,
          alarm.timestamp ?? '',
          alarm.reasonCode === null ? '' : String(alarm.reasonCode),
          alarm.reasonName ?? '',
        ]);
      }
    }
    return '';
  }

  end(summary: ReportSummary): string {
    const { bold, red } = this.options.colour;
    const parts = [bold('ReasonForOutOfService'), this.reasonsTable(summary)];
    if (this.options.detail && this.detail.length > 0) {
      parts.push(bold('Alarms'), this.grid(['host', 'device', 'section', 'time', 'code', 'name'], this.detail));
    }
    const { total, ok, failed, withAlarms } = summary.phones;
    const failedText = `${failed} failed`;
    parts.push(
      `Phones: ${total} total, ${ok} ok, ${failed > 0 ? red(failedText) : failedText}, ${withAlarms} with alarms`,
    );
    if (this.failed.length > 0) {
      parts.push(`\n${red(bold('Failed'))}`, this.grid(['host', 'error', 'message'], this.failed, { 2: 60 }));
    }
    if (this.warnings.length > 0) parts.push(`\n${bold('Warnings')}`, ...this.warnings.map(terminalSafe));
    return `${parts.join('\n')}\n`;
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
    return this.grid(['code', 'name', 'category', 'phones', 'alarms', 'sent', 'unsent'], rows);
  }

  private grid(header: Row, rows: Row[], wrapWidths: Record<number, number> = {}): string {
    const columns = Object.fromEntries(
      Object.entries(wrapWidths).map(([index, width]) => [index, { width, wrapWord: true }]),
    );
    const data = [header.map(this.options.colour.bold), ...rows.map((row) => row.map(terminalSafe))];
    return table(data, { columns, drawHorizontalLine: (line, count) => line <= 1 || line === count });
  }
}

function hostLabel(entry: PhoneEntry): string {
  const port = entry.port === null || entry.port === 22 ? '' : `:${entry.port}`;
  return entry.name === null ? `${entry.host}${port}` : `${entry.host}${port} (${entry.name})`;
}

function categoryLabel(code: number | null): string {
  const reason = code === null ? undefined : outOfServiceReasonByCode(code);
  return reason === undefined ? '' : REASON_CATEGORIES[reason.category];
}
