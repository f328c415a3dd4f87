import type { Colour } from '../render/colour.js';
import type { ReportFormat } from '../render/report-format.js';
import { syslogCsv } from './syslog-csv.js';
import { syslogJson, syslogNdjson } from './syslog-json.js';
import type { SyslogReport } from './syslog-report.js';
import { syslogTable } from './syslog-table.js';

export interface SyslogRenderOptions {
  readonly generatedAt: string;
  readonly detail: boolean;
  readonly colour: Colour;
  /** The terminal's columns a table fits, or null for its natural width. */
  readonly width: number | null;
}

/** The report in one of the formats every command offers, as pieces of text to write in turn. */
export function renderSyslogReport(
  format: Exclude<ReportFormat, 'html'>,
  report: SyslogReport,
  options: SyslogRenderOptions,
): Iterable<string> {
  switch (format) {
    case 'table':
      return syslogTable(report, options);
    case 'csv':
      return syslogCsv(report);
    case 'json':
      return syslogJson(report, options.generatedAt);
    case 'ndjson':
      return syslogNdjson(report);
  }
}
