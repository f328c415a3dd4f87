import type { SyslogReport } from './syslog-report.js';
import { SYSLOG_SCHEMA_VERSION } from './syslog-report.js';

/**
 * The `unreg syslog` document, in pieces: byte for byte what
 * `JSON.stringify(document, null, 2)` gives, without building it whole
 * (a large input can hold many thousand events).
 */
export function* syslogJson(report: SyslogReport, generatedAt: string): Generator<string> {
  const head = { schemaVersion: SYSLOG_SCHEMA_VERSION, tool: 'unreg', generatedAt };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "events": [`;
  for (const [position, index] of report.order.entries()) {
    yield (position === 0 ? '\n' : ',\n') + indent(JSON.stringify(report.store.get(index), null, 2), '    ');
  }
  yield report.order.length === 0 ? ']' : '\n  ]';
  yield `,\n  "pairs": ${indent(JSON.stringify(report.pairs, null, 2), '  ').trimStart()}`;
  yield `,\n  "read": ${indent(JSON.stringify(report.read, null, 2), '  ').trimStart()}\n}\n`;
}

/** One `events[]` element per line. */
export function* syslogNdjson(report: SyslogReport): Generator<string> {
  for (const index of report.order) yield `${JSON.stringify(report.store.get(index))}\n`;
}

function indent(text: string, prefix: string): string {
  return prefix + text.replaceAll('\n', `\n${prefix}`);
}
