import type { RenderContext, ReportRenderer } from '../report/report-document.js';
import { colourFor } from './colour.js';

/** The formats every report command writes; the fleet report commands add `html`. */
export const PLAIN_FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export const REPORT_FORMATS = [...PLAIN_FORMATS, 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  txt: 'table',
  html: 'html',
  htm: 'html',
};

/**
 * The format when none was given: from the output file's extension, else a
 * table for a person at a terminal and JSON for a program.
 */
export function defaultFormat(outputPath: string | undefined, stdoutIsTerminal: boolean): ReportFormat {
  const extension = outputPath?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const fromExtension = extension === undefined ? undefined : BY_EXTENSION[extension];
  return fromExtension ?? (outputPath === undefined && stdoutIsTerminal ? 'table' : 'json');
}

export interface RendererOptions extends RenderContext {
  readonly detail: boolean;
  readonly colour: boolean;
  /** The terminal's columns a table fits, or null for its natural width (a pipe, a file). */
  readonly width: number | null;
  /** The command line that made the report (the HTML page's header shows it). */
  readonly command?: string;
}

/**
 * The renderer of a format, loaded when asked for: the table and CSV writers
 * pull in packages a JSON sweep from cron never needs to start.
 */
export async function rendererFor(format: ReportFormat, options: RendererOptions): Promise<ReportRenderer> {
  switch (format) {
    case 'table': {
      const { TableRenderer } = await import('./table-renderer.js');
      return new TableRenderer({ detail: options.detail, colour: colourFor(options.colour), width: options.width });
    }
    case 'csv':
      return new (await import('./csv-renderer.js')).CsvRenderer();
    case 'json':
      return new (await import('./json-renderer.js')).JsonRenderer(options);
    case 'ndjson':
      return new (await import('./json-renderer.js')).NdjsonRenderer();
    case 'html':
      return new (await import('./html/html-renderer.js')).HtmlRenderer(options);
  }
}
