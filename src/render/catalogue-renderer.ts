import tablePackage from 'table';
import { REASON_CATEGORIES } from '../catalogue/categories.js';
import type { EndpointUnregisteredReason } from '../catalogue/endpoint-unregistered-reasons.js';
import type { OutOfServiceReason } from '../catalogue/out-of-service-reasons.js';
import { csvRecords } from './csv-renderer.js';

const { table } = tablePackage;

export type CatalogueFormat = 'table' | 'json' | 'csv';

/** The phone-side catalogue (ReasonForOutOfService) in one format. */
export function renderOutOfServiceReasons(reasons: readonly OutOfServiceReason[], format: CatalogueFormat): string {
  const header = ['code', 'name', 'aliases', 'category', 'meaning', 'check_next'];
  const rows = reasons.map((r) => [String(r.code), r.name, r.aliases.join(' '), r.category, r.meaning, r.checkNext]);
  if (format === 'json') return `${JSON.stringify(reasons, null, 2)}\n`;
  if (format === 'csv') return csvRecords([header, ...rows]);
  const shown = reasons.map((r) => [String(r.code), r.name, REASON_CATEGORIES[r.category], r.meaning]);
  return wrapTable(['code', 'name', 'category', 'meaning'], shown, 3);
}

/** The CUCM-side catalogue (EndPointUnregistered Reason) in one format. */
export function renderEndpointUnregisteredReasons(
  reasons: readonly EndpointUnregisteredReason[],
  format: CatalogueFormat,
): string {
  const header = ['code', 'name', 'meaning', 'check_next'];
  const rows = reasons.map((r) => [String(r.code), r.name, r.meaning, r.checkNext]);
  if (format === 'json') return `${JSON.stringify(reasons, null, 2)}\n`;
  if (format === 'csv') return csvRecords([header, ...rows]);
  return wrapTable(
    ['code', 'name', 'meaning'],
    rows.map((row) => row.slice(0, 3)),
    2,
  );
}

/** One code explained, for `unreg reasons 16`. */
export function explainOutOfServiceReason(reason: OutOfServiceReason): string {
  const lines = [
    `ReasonForOutOfService ${reason.code}: ${reason.name}`,
    reason.aliases.length > 0 ? `  also shown as: ${reason.aliases.join(', ')}` : null,
    `  category:   ${REASON_CATEGORIES[reason.category]}`,
    `  meaning:    ${reason.meaning}`,
    `  check next: ${reason.checkNext}`,
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}

/** One CUCM code explained, for `unreg reasons --cucm 13`. */
export function explainEndpointUnregisteredReason(reason: EndpointUnregisteredReason): string {
  return [
    `EndPointUnregistered Reason ${reason.code}: ${reason.name}`,
    `  meaning:    ${reason.meaning}`,
    `  check next: ${reason.checkNext}`,
    '',
  ].join('\n');
}

function wrapTable(header: string[], rows: string[][], wrappedColumn: number): string {
  return table([header, ...rows], {
    columns: { [wrappedColumn]: { width: 60, wrapWord: true } },
    drawHorizontalLine: (line, count) => line <= 1 || line === count,
  });
}
