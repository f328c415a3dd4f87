import type { PhoneEntry, ReportSummary } from '../report/report-document.js';

/**
 * Renders a report piece by piece, so a sweep can write each phone as it
 * finishes: `start()`, then `phone()` per entry, then `end()` with the summary.
 * Each returns the text to append (possibly empty).
 */
export interface ReportRenderer {
  start(): string;
  phone(entry: PhoneEntry): string;
  end(summary: ReportSummary): string;
}

/** What every renderer may need to know of the run. */
export interface RenderContext {
  readonly version: string;
  readonly generatedAt: string;
}
