import {
  COLLECTION_STYLE,
  type DocumentEvent,
  EVENT_ID,
  type Event,
  getScalarValue,
  type MappingEvent,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
  type SequenceEvent,
  YAMLException,
} from 'js-yaml';
import { withMergedKeys } from './yaml-merge-keys.js';
import type { YamlNode, YamlScalar } from './yaml-nodes.js';
import { plainValue, type ScalarValue, taggedValue, tagProblem } from './yaml-scalars.js';
import { flowCollectionEnd, LineIndex, nextDocumentStart, nextEntryDash } from './yaml-scan.js';

export type YamlTree =
  | {
      readonly ok: true;
      /** null for an empty file. */
      readonly root: YamlNode | null;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

const SECOND_DOCUMENT = 'a second YAML document starts here (---): an inventory is one document';

// js-yaml words a few errors for programmers; these are for users.
const MESSAGES: Partial<Record<string, string>> = {
  'tab characters must not be used in indentation': 'a tab indents this line: YAML indents with spaces only',
  'unexpected end of the stream within a double quoted scalar': 'Missing closing "quote',
  'unexpected end of the stream within a single quoted scalar': "Missing closing 'quote",
};

export interface YamlTreeOptions {
  /**
   * Hands each entry of the block list under the top-level key `key` to
   * `read` as soon as it is read, and keeps STREAMED in its place: the
   * located nodes of a 10,000-phone list are never all held. Only the first
   * such list, and only a block list (`- ...` lines); a flow list (`[...]`)
   * stays whole.
   */
  readonly stream?: { readonly key: string; readonly read: (entry: YamlNode) => void };
}

/** What the tree holds in place of an entry handed to `stream.read`. */
export const STREAMED: YamlScalar = Object.freeze({ kind: 'scalar', value: null, line: 0, start: 0, end: 0 });

/** The text as it is read (and the nodes' offsets count): without a byte order mark. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads one YAML document (YAML 1.2 core schema) from js-yaml's event stream
 * (`parseEvents`: every node with its offsets in the text). A syntax error, or
 * a second document, gives its line and a one-line message instead of a tree.
 */
export function readYamlTree(source: string, options: YamlTreeOptions = {}): YamlTree {
  const text = withoutByteOrderMark(source);
  try {
    return { ok: true, root: new TreeBuilder(text, options.stream).build(parseEvents(text, {})) };
  } catch (error) {
    if (error instanceof TreeError) return { ok: false, line: error.line, message: error.message };
    if (error instanceof YAMLException) return syntaxError(text, error);
    throw error;
  }
}

function syntaxError(text: string, error: YAMLException): YamlTree {
  const { mark } = error;
  const line = (mark?.line ?? 0) + 1;
  let reason = error.reason;
  if (mark !== undefined) {
    const second = secondDocumentBefore(text, mark.position);
    if (second !== null) return { ok: false, line: second.line, message: second.message };
    // At the end of the text, an unclosed quote or bracket is taken as a line
    // indented too little: the text cut there tells which it is.
    const cut = reason === 'deficient indentation' ? problemIn(text.slice(0, mark.position).trimEnd()) : null;
    if (cut instanceof YAMLException && cut.reason.startsWith('unexpected end of the stream')) reason = cut.reason;
  }
  return { ok: false, line, message: MESSAGES[reason] ?? reason };
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * A second document that starts before a syntax error is the problem to
 * report, whatever is wrong inside it: the text up to its last `---` line
 * before the error, read alone, tells whether one does.
 */
function secondDocumentBefore(text: string, position: number): TreeError | null {
  let last = -1;
  for (const match of text.matchAll(DOCUMENT_START)) {
    if (match.index >= position) break;
    last = match.index;
  }
  const problem = last < 0 ? null : problemIn(text.slice(0, last + 3));
  return problem instanceof TreeError && problem.message === SECOND_DOCUMENT ? problem : null;
}

/** What reading `text` throws, if anything: to look into the text before a syntax error. */
function problemIn(text: string): unknown {
  try {
    new TreeBuilder(text, undefined).build(parseEvents(text, {}));
    return null;
  } catch (error) {
    return error;
  }
}

/** A problem of the document that js-yaml's parser leaves to the reader: an unknown tag or alias, a second document. */
class TreeError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A collection opened and not yet closed, and its children so far. */
interface OpenCollection {
  readonly kind: 'mapping' | 'sequence';
  readonly flow: boolean;
  readonly start: number;
  readonly line: number;
  readonly anchor: string | null;
  /** A mapping's keys and values (a value null for nothing), or a sequence's items. */
  readonly children: (YamlNode | null)[];
  /** Whether this is the list whose entries are handed to `stream.read`. */
  readonly streamed: boolean;
}

const CORE_HANDLE = 'tag:yaml.org,2002:';

/**
 * Builds the located tree from the events: a mapping or sequence opens, its
 * children follow (a mapping's as key, value, key, value...), a pop closes
 * it. Events give the offsets of every value; the few they do not (an empty
 * list entry, a flow collection's end) are found from the last offset seen.
 */
class TreeBuilder {
  private readonly lines: LineIndex;
  private readonly open: OpenCollection[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  private tagHandles = new Map<string, string>();
  private root: YamlNode | null = null;
  private documents = 0;
  /** Where the last token read ends: empty nodes and flow collections' ends are found from here. */
  private cursor = 0;
  private streamDone = false;

  constructor(
    private readonly text: string,
    private readonly stream: YamlTreeOptions['stream'],
  ) {
    this.lines = new LineIndex(text);
  }

  build(events: readonly Event[]): YamlNode | null {
    for (const event of events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.startDocument(event);
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.openCollection(event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', event);
          break;
        case EVENT_ID.SCALAR:
          this.addScalar(event);
          break;
        case EVENT_ID.ALIAS:
          this.addAlias(event.anchorStart, event.anchorEnd);
          break;
        case EVENT_ID.POP:
          this.pop();
          break;
      }
    }
    return this.root;
  }

  private startDocument(event: DocumentEvent): void {
    if (this.documents++ > 0) {
      throw new TreeError(this.lines.lineAt(nextDocumentStart(this.text, this.cursor)), SECOND_DOCUMENT);
    }
    this.tagHandles = new Map(event.directives.flatMap((d) => (d.kind === 'tag' ? [[d.handle, d.prefix]] : [])));
  }

  private openCollection(kind: 'mapping' | 'sequence', event: MappingEvent | SequenceEvent): void {
    const line = this.lines.lineAt(event.start);
    if (event.tagStart >= 0) {
      const problem = tagProblem(this.tagName(event.tagStart, event.tagEnd), kind);
      if (problem !== null) throw new TreeError(line, problem);
    }
    const flow = event.style === COLLECTION_STYLE.FLOW;
    this.open.push({
      kind,
      flow,
      start: event.start,
      line,
      anchor: event.anchorStart >= 0 ? this.text.slice(event.anchorStart, event.anchorEnd) : null,
      children: [],
      streamed: kind === 'sequence' && !flow && this.streams(),
    });
    this.cursor = flow ? event.start + 1 : event.start;
  }

  /** Whether a block list opening now is the list to stream: the value of the top-level key `stream.key`. */
  private streams(): boolean {
    const root = this.open[0];
    if (this.stream === undefined || this.streamDone || this.open.length !== 1 || root?.kind !== 'mapping') {
      return false;
    }
    const key = root.children.length % 2 === 1 ? root.children[root.children.length - 1] : undefined;
    this.streamDone = key?.kind === 'scalar' && key.value === this.stream.key;
    return this.streamDone;
  }

  private pop(): void {
    const closed = this.open.pop();
    if (closed === undefined) return; // the document's end
    // `[a: 1]` holds a flow mapping without braces: it ends where its last token does.
    const bracketed = closed.flow && '[{'.includes(this.text.charAt(closed.start));
    const end = bracketed ? flowCollectionEnd(this.text, this.cursor) : this.cursor;
    this.cursor = end;
    const { line, start, children } = closed;
    const node: YamlNode =
      closed.kind === 'mapping'
        ? { kind: 'mapping', keysAndValues: withMergedKeys(children, this.text), line, start, end }
        : { kind: 'sequence', items: children as YamlNode[], line, start, end };
    if (closed.anchor !== null) this.anchors.set(closed.anchor, node);
    this.add(node);
  }

  private addScalar(event: ScalarEvent): void {
    const { valueStart, valueEnd, anchorStart, tagStart, style } = event;
    const parent = this.open[this.open.length - 1];
    if (valueStart < 0 && anchorStart < 0 && tagStart < 0 && parent?.kind === 'mapping') {
      // `key:` with nothing after it (or a key left out: `: value`).
      parent.children.push(parent.children.length % 2 === 1 ? null : this.emptyNode(this.cursor));
      return;
    }
    let node: YamlScalar;
    if (valueStart < 0) {
      const written = Math.max(anchorStart, tagStart);
      const at = written >= 0 ? written : parent?.kind === 'sequence' && !parent.flow ? this.entryDash() : this.cursor;
      const line = this.lines.lineAt(at);
      node = { kind: 'scalar', value: this.value(event, '', line), line, start: at, end: at };
      // Past its `&anchor` or `!tag`: a `-` in one is no entry's.
      this.cursor = Math.max(this.cursor, event.anchorEnd, event.tagEnd);
    } else {
      const quoted = style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
      const block = style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK;
      const start = quoted ? valueStart - 1 : valueStart;
      const end = quoted ? valueEnd + 1 : valueEnd;
      // A block scalar's content starts on the line after its `|` or `>`: its line is the indicator's.
      const line = this.lines.lineAt(block ? valueStart - 1 : start);
      node = { kind: 'scalar', value: this.value(event, getScalarValue(this.text, event), line), line, start, end };
      this.cursor = end;
    }
    if (anchorStart >= 0) this.anchors.set(this.text.slice(anchorStart, event.anchorEnd), node);
    this.add(node);
  }

  private value(event: ScalarEvent, written: string, line: number): ScalarValue {
    if (event.tagStart < 0) return event.style === SCALAR_STYLE.PLAIN ? plainValue(written) : written;
    const tag = this.tagName(event.tagStart, event.tagEnd);
    if (tag === '!') return written; // the non-specific tag: text
    const resolved = taggedValue(tag, written);
    if ('problem' in resolved) throw new TreeError(line, resolved.problem);
    return resolved.value;
  }

  private addAlias(anchorStart: number, anchorEnd: number): void {
    const name = this.text.slice(anchorStart, anchorEnd);
    const node = this.anchors.get(name);
    if (node === undefined) throw new TreeError(this.lines.lineAt(anchorStart), `unidentified alias "${name}"`);
    this.cursor = anchorEnd;
    // The node its anchor names: its own line then locates problems.
    this.add(node);
  }

  private add(node: YamlNode): void {
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) this.root = node;
    else if (parent.streamed && this.stream !== undefined) {
      this.stream.read(node);
      parent.children.push(STREAMED);
    } else parent.children.push(node);
  }

  /** The `-` of a block list entry with nothing after it. */
  private entryDash(): number {
    const dash = nextEntryDash(this.text, this.cursor);
    if (dash < 0) return this.cursor;
    this.cursor = dash + 1;
    return dash;
  }

  private emptyNode(at: number): YamlScalar {
    return { kind: 'scalar', value: null, line: this.lines.lineAt(at), start: at, end: at };
  }

  /** A tag as written (`!!int`, `!<tag:...>`, `!e!x`) to its full name. */
  private tagName(start: number, end: number): string {
    const written = this.text.slice(start, end);
    if (written.startsWith('!<')) return written.slice(2, -1);
    if (written === '!') return written;
    const handleEnd = written.indexOf('!', 1);
    const handle = handleEnd < 0 ? '!' : written.slice(0, handleEnd + 1);
    const prefix = this.tagHandles.get(handle) ?? (handle === '!!' ? CORE_HANDLE : handle);
    return prefix + written.slice(handle.length);
  }
}
