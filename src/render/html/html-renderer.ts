import type {
  FoundIncident,
  PhoneEntry,
  RenderContext,
  ReportRenderer,
  ReportSummary,
} from '../../report/report-document.js';
import { htmlPage } from './html-page.js';
import { PageData } from './page-data.js';

export interface HtmlRenderContext extends RenderContext {
  /** The command line that made the report, for the page's header. */
  readonly command?: string;
}

/**
 * The report as one self-contained HTML page (docs/report-formats.md). The
 * page needs the totals at its top, so everything is written at the end;
 * until then each phone is kept in the compact form of PageData.
 */
export class HtmlRenderer implements ReportRenderer {
  private readonly data = new PageData();

  constructor(private readonly context: HtmlRenderContext) {}

  start(): string {
    return '';
  }

  phone(entry: PhoneEntry): string {
    this.data.add(entry);
    return '';
  }

  end(summary: ReportSummary, incidents: readonly FoundIncident[]): string {
    return htmlPage(this.data, summary, incidents, { ...this.context, command: this.context.command });
  }
}
