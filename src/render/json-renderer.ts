import type { PhoneEntry, ReportSummary } from '../report/report-document.js';
import { SCHEMA_VERSION } from '../report/report-document.js';
import type { RenderContext, ReportRenderer } from './renderer.js';

/**
 * The report document, streamed: the output is byte for byte what
 * `JSON.stringify(document, null, 2)` gives, without holding every phone.
 */
export class JsonRenderer implements ReportRenderer {
  private phones = 0;

  constructor(private readonly context: RenderContext) {}

  start(): string {
    const head = {
      schemaVersion: SCHEMA_VERSION,
      tool: 'unreg',
      version: this.context.version,
      generatedAt: this.context.generatedAt,
    };
    return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "phones": [`;
  }

  phone(entry: PhoneEntry): string {
    const separator = this.phones === 0 ? '\n' : ',\n';
    this.phones += 1;
    return separator + indent(JSON.stringify(entry, null, 2), '    ');
  }

  end(summary: ReportSummary): string {
    const close = this.phones === 0 ? ']' : '\n  ]';
    return `${close},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ').trimStart()}\n}\n`;
  }
}

/**
 * One `phones[]` element per line, each written as soon as it is ready.
 * JSON.stringify leaves U+0085, U+2028 and U+2029 raw, and some line readers
 * (Python's splitlines, JavaScript's own line terminators) break lines there:
 * they are written as \u escapes, which parse back to the same text.
 */
export class NdjsonRenderer implements ReportRenderer {
  start(): string {
    return '';
  }

  phone(entry: PhoneEntry): string {
    return `${JSON.stringify(entry).replace(LINE_BREAKING, escapeCharacter)}\n`;
  }

  end(): string {
    return '';
  }
}

const LINE_BREAKING = /[\u0085\u2028\u2029]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function indent(text: string, prefix: string): string {
  return prefix + text.replaceAll('\n', `\n${prefix}`);
}
