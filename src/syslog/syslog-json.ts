import { jsonArrayElement, jsonArrayEnd, jsonDocumentStart, jsonMember, ndjsonLine } from '../render/json-renderer.js';
import type { SyslogReport } from './syslog-report.js';
import { SYSLOG_SCHEMA_VERSION } from './syslog-report.js';

/**
 * The `unreg syslog` document, in pieces: byte for byte what
 * `JSON.stringify(document, null, 2)` gives, without building it whole
 * (a large input can hold many thousand events).
 */
export function* syslogJson(report: SyslogReport, generatedAt: string): Generator<string> {
  yield jsonDocumentStart({ schemaVersion: SYSLOG_SCHEMA_VERSION, tool: 'unreg', generatedAt }, 'events');
  for (const [position, index] of report.order.entries()) {
    yield jsonArrayElement(report.store.get(index), position === 0);
  }
  yield jsonArrayEnd(report.order.length === 0);
  yield jsonMember('pairs', report.pairs);
  yield `${jsonMember('read', report.read)}\n}\n`;
}

/** One `events[]` element per line. */
export function* syslogNdjson(report: SyslogReport): Generator<string> {
  for (const index of report.order) yield ndjsonLine(report.store.get(index));
}
