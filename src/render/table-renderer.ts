import tablePackage, { type ColumnUserConfig, type SpanningCellConfig } from 'table';
import { REASON_CATEGORIES } from '../catalogue/categories.js';
import { outOfServiceReasonByCode } from '../catalogue/out-of-service-reasons.js';
import type { PhoneEntry, ReportRenderer, ReportSummary } from '../report/report-document.js';
import { alarmParameterPairs, packPairs } from './alarm-parameters.js';
import type { Colour } from './colour.js';
import { terminalSafe } from './terminal-text.js';

// `table` is CommonJS: destructure the default export (named ESM imports of
// CommonJS packages are not guaranteed to resolve under plain node).
const { table } = tablePackage;

export interface TableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
}

type Row = string[];

interface DetailRow {
  readonly cells: Row;
  readonly parameters: readonly string[];
}

const REASON_HEADER = ['code', 'name', 'category', 'phones', 'alarms', 'sent', 'unsent'];
const DETAIL_HEADER = ['host', 'device', 'section', 'time', 'code', 'name'];
const FAILED_HEADER = ['host', 'error', 'message'];
const RIGHT: ColumnUserConfig = { alignment: 'right' };

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

  end(summary: ReportSummary): string {
    const { bold, red } = this.options.colour;
    const parts = [bold('ReasonForOutOfService'), this.reasonsTable(summary)];
    if (this.options.detail && this.detail.length > 0) parts.push(bold('Alarms'), this.detailTable());
    const { total, ok, failed, withAlarms } = summary.phones;
    const failedText = `${failed} failed`;
    parts.push(
      `Phones: ${total} total, ${ok} ok, ${failed > 0 ? red(failedText) : failedText}, ${withAlarms} with alarms`,
    );
    if (this.failed.length > 0) {
      parts.push(`\n${red(bold('Failed'))}`, this.grid(FAILED_HEADER, this.failed, { columns: { 2: WRAPPED_60 } }));
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
    return this.grid(REASON_HEADER, rows, { columns: { 0: RIGHT, 3: RIGHT, 4: RIGHT, 5: RIGHT, 6: RIGHT } });
  }

  /**
   * One row per alarm; under it, spanning the whole width, its parameters
   * packed into lines, so that even a fleet-wide detail is a few lines per
   * alarm, with a rule between alarms.
   */
  private detailTable(): string {
    const rows = this.detail.map((row) => row.cells.map(terminalSafe));
    const width = spannedWidth([DETAIL_HEADER, ...rows]);
    const data: Row[] = [];
    const spanningCells: SpanningCellConfig[] = [];
    const alarmStarts = new Set<number>();
    for (const [index, { parameters }] of this.detail.entries()) {
      alarmStarts.add(data.length + 1);
      data.push(rows[index] ?? []);
      if (parameters.length > 0) {
        spanningCells.push({ row: data.length + 1, col: 0, colSpan: DETAIL_HEADER.length, wrapWord: true });
        data.push([packPairs(parameters, width), ...DETAIL_HEADER.slice(1).map(() => '')]);
      }
    }
    return this.grid(DETAIL_HEADER, data, {
      columns: { 4: RIGHT },
      spanningCells,
      drawHorizontalLine: (line, count) => line <= 1 || line === count || alarmStarts.has(line),
      clean: false,
    });
  }

  private grid(header: Row, rows: Row[], layout: GridLayout = {}): string {
    const { clean = true, ...config } = layout;
    const data = [header.map(this.options.colour.bold), ...(clean ? rows.map((row) => row.map(terminalSafe)) : rows)];
    return table(data, { drawHorizontalLine: (line, count) => line <= 1 || line === count, ...config });
  }
}

interface GridLayout {
  readonly columns?: Record<number, ColumnUserConfig>;
  readonly spanningCells?: SpanningCellConfig[];
  readonly drawHorizontalLine?: (line: number, count: number) => boolean;
  /** False when the rows were made terminal-safe already (they may hold line breaks of ours). */
  readonly clean?: boolean;
}

const WRAPPED_60: ColumnUserConfig = { width: 60, wrapWord: true };

/** The text width of a cell spanning every column (padding and rules included). */
function spannedWidth(rows: readonly Row[]): number {
  const columns = rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, column) =>
    rows.reduce((widest, row) => Math.max(widest, [...(row[column] ?? '')].length), 0),
  );
  // Each column has one space of padding each side, and a rule between two.
  return widths.reduce((sum, width) => sum + width, 0) + 3 * (columns - 1);
}

function hostLabel(entry: PhoneEntry): string {
  const port = entry.port === null || entry.port === 22 ? '' : `:${entry.port}`;
  return entry.name === null ? `${entry.host}${port}` : `${entry.host}${port} (${entry.name})`;
}

function categoryLabel(code: number | null): string {
  const reason = code === null ? undefined : outOfServiceReasonByCode(code);
  return reason === undefined ? '' : REASON_CATEGORIES[reason.category];
}
