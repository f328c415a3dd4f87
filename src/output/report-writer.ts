import { DEFAULT_INCIDENT_SETTINGS, type IncidentSettings } from '../incidents/incident.js';
import { IncidentCollector } from '../incidents/incident-collector.js';
import type { PhoneEntry, ReportRenderer, ReportSummary } from '../report/report-document.js';
import { SummaryTally } from '../report/summary.js';
import type { ReportDestination } from './report-destination.js';

/**
 * Feeds finished phones to a renderer and its destination as they come, and
 * keeps the summary and the alarms' compact records for the incidents. Writes are chained so that phones finishing at the same
 * time never interleave their text.
 */
export class ReportWriter {
  private readonly tally = new SummaryTally();
  private readonly incidents = new IncidentCollector();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly renderer: ReportRenderer,
    private readonly destination: ReportDestination,
    private readonly incidentSettings: IncidentSettings = DEFAULT_INCIDENT_SETTINGS,
  ) {
    void this.enqueue(renderer.start());
  }

  add(entry: PhoneEntry): Promise<void> {
    this.tally.add(entry);
    this.incidents.add(entry);
    return this.enqueue(this.renderer.phone(entry));
  }

  /** Writes the end of the report and makes it visible; gives the summary. */
  async finish(): Promise<ReportSummary> {
    const summary = this.tally.summary();
    await this.enqueue(this.renderer.end(summary, this.incidents.incidents(this.incidentSettings)));
    await this.destination.commit();
    return summary;
  }

  /** Gives up: nothing half-written is left behind. */
  async abandon(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.destination.abort();
  }

  private enqueue(text: string): Promise<void> {
    const destination = this.destination;
    const written = this.queue.then(() => destination.write(text));
    // A failed write reaches whoever awaits it (and every later write, which
    // chains on it); this keeps one nobody awaits (the header written by the
    // constructor) from crashing the process as an unhandled rejection.
    written.catch(() => undefined);
    this.queue = written;
    return written;
  }
}
