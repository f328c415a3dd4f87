import { REASON_CATEGORIES } from '../catalogue/categories.js';
import type { EndpointUnregisteredReason } from '../catalogue/endpoint-unregistered-reasons.js';
import type { OutOfServiceReason } from '../catalogue/out-of-service-reasons.js';
import { endpointUnregisteredExplanation, outOfServiceExplanation } from './catalogue-explanation.js';
import { csvRecords } from './csv-renderer.js';
import { type ColumnSpec, fitTable, fitText } from './fit-table.js';

export type CatalogueFormat = 'table' | 'json' | 'csv';

// The meaning wraps (at 60 columns into a pipe); on a narrow terminal the category goes first.
const CODE: ColumnSpec = { header: 'code', align: 'right' };
const NAME: ColumnSpec = { header: 'name', shrink: true, minWidth: 16 };
const MEANING: ColumnSpec = { header: 'meaning', shrink: true, minWidth: 24, maxWidth: 60 };
const OUT_OF_SERVICE_COLUMNS = [CODE, NAME, { header: 'category', shrink: true, minWidth: 10, priority: 1 }, MEANING];

/**
 * The phone-side catalogue (ReasonForOutOfService) in one format; a table
 * fits `width` (the terminal's columns; null: natural width).
 */
export function renderOutOfServiceReasons(
  reasons: readonly OutOfServiceReason[],
  format: CatalogueFormat,
  width: number | null = null,
): string {
  const header = ['code', 'name', 'aliases', 'category', 'meaning', 'check_next'];
  const rows = reasons.map((r) => [String(r.code), r.name, r.aliases.join(' '), r.category, r.meaning, r.checkNext]);
  if (format === 'json') return `${JSON.stringify(reasons, null, 2)}\n`;
  if (format === 'csv') return csvRecords([header, ...rows]);
  const shown = reasons.map((r) => [String(r.code), r.name, REASON_CATEGORIES[r.category], r.meaning]);
  return fitTable(OUT_OF_SERVICE_COLUMNS, shown, { width });
}

/** The CUCM-side catalogue (EndPointUnregistered Reason) in one format, a table fitting `width`. */
export function renderEndpointUnregisteredReasons(
  reasons: readonly EndpointUnregisteredReason[],
  format: CatalogueFormat,
  width: number | null = null,
): string {
  const header = ['code', 'name', 'meaning', 'check_next'];
  const rows = reasons.map((r) => [String(r.code), r.name, r.meaning, r.checkNext]);
  if (format === 'json') return `${JSON.stringify(reasons, null, 2)}\n`;
  if (format === 'csv') return csvRecords([header, ...rows]);
  return fitTable(
    [CODE, NAME, MEANING],
    rows.map((row) => row.slice(0, 3)),
    { width },
  );
}

/** One code explained, for `unreg reasons 16`, its lines wrapped at `width` when given. */
export function explainOutOfServiceReason(reason: OutOfServiceReason, width: number | null = null): string {
  return `${fitText(outOfServiceExplanation(reason), width)}\n`;
}

/** One CUCM code explained, for `unreg reasons --cucm 13`, its lines wrapped at `width` when given. */
export function explainEndpointUnregisteredReason(
  reason: EndpointUnregisteredReason,
  width: number | null = null,
): string {
  return `${fitText(endpointUnregisteredExplanation(reason), width)}\n`;
}
