import type {
  FoundIncident,
  Incident,
  PhoneEntry,
  RenderContext,
  ReportDocument,
  ReportRenderer,
  ReportSummary,
} from '../report/report-document.js';
import { SCHEMA_VERSION } from '../report/report-document.js';

/** The members before `phones`: known when the report starts. */
type DocumentHead = Omit<ReportDocument, 'phones' | 'summary' | 'incidents'>;

/**
 * The report document, streamed: the output is byte for byte what
 * `JSON.stringify(document, null, 2)` gives, without holding every phone.
 * It is written from a typed ReportDocument (the public contract), so a
 * field the contract gains or changes does not compile until it is written.
 */
export class JsonRenderer implements ReportRenderer {
  private readonly head: DocumentHead;
  private phones = 0;

  constructor(context: RenderContext) {
    this.head = {
      schemaVersion: SCHEMA_VERSION,
      tool: 'unreg',
      version: context.version,
      generatedAt: context.generatedAt,
    };
  }

  start(): string {
    return jsonDocumentStart(this.head, 'phones');
  }

  phone(entry: PhoneEntry): string {
    const first = this.phones === 0;
    this.phones += 1;
    return jsonArrayElement(entry, first);
  }

  end(summary: ReportSummary, incidents: readonly FoundIncident[]): string {
    // The document whole, but for the phones already written one by one:
    // the members after `phones` are written from it, in its own order.
    const document: ReportDocument = { ...this.head, phones: [], summary, incidents: incidentsJson(incidents) };
    return `${jsonArrayEnd(this.phones === 0)}${membersAfter(document, 'phones')}\n}\n`;
  }
}

/** `,` and each member of `document` that follows `key`, as jsonMember writes them. */
function membersAfter(document: object, key: string): string {
  const members = Object.entries(document);
  const at = members.findIndex(([name]) => name === key);
  return members
    .slice(at + 1)
    .map(([name, value]) => jsonMember(name, value))
    .join('');
}

/** The document's `incidents`: what the table adds to each is left out. */
export function incidentsJson(incidents: readonly FoundIncident[]): Incident[] {
  return incidents.map((found) => found.incident);
}

/**
 * One `phones[]` element per line, each written as soon as it is ready.
 */
export class NdjsonRenderer implements ReportRenderer {
  start(): string {
    return '';
  }

  phone(entry: PhoneEntry): string {
    return ndjsonLine(entry);
  }

  end(): string {
    return '';
  }
}

// Pieces of a document streamed as `JSON.stringify(document, null, 2)`
// would write it whole: its head fields, one array written element by
// element, then further top-level members. Shared with `unreg syslog`.

/** The document from `{` up to the `[` of the array `arrayKey`, which follows the `head` fields. */
export function jsonDocumentStart(head: Readonly<Record<string, unknown>>, arrayKey: string): string {
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  ${JSON.stringify(arrayKey)}: [`;
}

// A value stringified where it stands in the document comes out indented for
// that depth: no second pass over its text to indent it (a sweep writes
// thousands of entries).
const ELEMENT_HEAD = '{\n  "": [\n'.length;
const ELEMENT_TAIL = '\n  ]\n}'.length;

/** One element of that array; `first`: no comma before it. */
export function jsonArrayElement(value: unknown, first: boolean): string {
  const nested = JSON.stringify({ '': [value] }, null, 2);
  return (first ? '\n' : ',\n') + nested.slice(ELEMENT_HEAD, -ELEMENT_TAIL);
}

/** The array's `]`, on its own line unless the array is empty. */
export function jsonArrayEnd(empty: boolean): string {
  return empty ? ']' : '\n  ]';
}

/** `,` then a top-level member; the caller closes the document with `\n}\n`. */
export function jsonMember(key: string, value: unknown): string {
  // `{\n  "key": value\n}` without its braces.
  return `,${JSON.stringify({ [key]: value }, null, 2).slice(1, -2)}`;
}

/**
 * A value as one NDJSON line. JSON.stringify leaves U+0085, U+2028 and
 * U+2029 raw, and some line readers (Python's splitlines, JavaScript's own
 * line terminators) break lines there: they are written as \u escapes, which
 * parse back to the same text.
 */
export function ndjsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(LINE_BREAKING, escapeCharacter)}\n`;
}

const LINE_BREAKING = /[\u0085\u2028\u2029]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
