import { colourFor } from './colour.js';
import { CsvRenderer } from './csv-renderer.js';
import { JsonRenderer, NdjsonRenderer } from './json-renderer.js';
import type { RenderContext, ReportRenderer } from './renderer.js';
import { TableRenderer } from './table-renderer.js';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  txt: 'table',
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
}

export function rendererFor(format: ReportFormat, options: RendererOptions): ReportRenderer {
  switch (format) {
    case 'table':
      return new TableRenderer({ detail: options.detail, colour: colourFor(options.colour) });
    case 'csv':
      return new CsvRenderer();
    case 'json':
      return new JsonRenderer(options);
    case 'ndjson':
      return new NdjsonRenderer();
  }
}
