// js-yaml is pinned to one exact version in package.json: this module reads
// the listener's State (input, position, line, kind, result and the untyped
// anchor), which js-yaml neither documents nor keeps stable across releases.
// test/inventory/yaml-tree.test.ts checks each field used; run it after any
// upgrade.
import { load, type State, YAMLException } from 'js-yaml';
import { YAML_1_2_CORE_SCHEMA } from './yaml-core-schema.js';
import { aliasName, colonFollows, contentStart, lineBreaks, sequenceDashes, skipSeparation } from './yaml-scan.js';

/**
 * A YAML document as light located nodes: each value with its 1-based line
 * and its offsets in the text (to quote it as written, e.g. `0123`), mappings
 * as their pairs in file order (a repeated key included), aliases replaced by
 * the node their anchor names. Only what the inventory's messages need.
 */
export type YamlNode = YamlScalar | YamlMapping | YamlSequence;

interface Located {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface YamlScalar extends Located {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

export interface YamlMapping extends Located {
  readonly kind: 'mapping';
  /**
   * Keys and values in file order, a repeated key included: key, value, key,
   * value... (flat: a 10,000-phone file has 40,000 pairs). A value is null
   * for `key:` with nothing after it.
   */
  readonly keysAndValues: readonly (YamlNode | null)[];
}

export interface YamlSequence extends Located {
  readonly kind: 'sequence';
  readonly items: readonly YamlNode[];
}

export type YamlTree =
  | {
      readonly ok: true;
      /** null for an empty file. */
      readonly root: YamlNode | null;
      readonly warnings: ReadonlyArray<{ readonly line: number; readonly message: string }>;
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
   * located copy of a 10,000-phone list is never built whole. js-yaml's own
   * result (the plain values) is still the whole document; only the located
   * nodes, several times its size, are spared. Only the first such list, and
   * only a block list (`- ...` lines); a flow list (`[...]`) stays whole.
   */
  readonly stream?: { readonly key: string; readonly read: (entry: YamlNode) => void };
}

/** What the tree holds in place of an entry handed to `stream.read`. */
export const STREAMED: YamlScalar = Object.freeze({ kind: 'scalar', value: null, line: 0, start: 0, end: 0 });

/** The text as js-yaml reads it (and the nodes' offsets count): without a byte order mark. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads one YAML document (YAML 1.2 core schema). A syntax error, or a second
 * document, gives its line and a one-line message instead of a tree.
 */
export function readYamlTree(source: string, options: YamlTreeOptions = {}): YamlTree {
  const text = withoutByteOrderMark(source);
  const builder = new TreeBuilder(options.stream);
  const warnings: Array<{ line: number; message: string }> = [];
  try {
    load(text, {
      schema: YAML_1_2_CORE_SCHEMA,
      // Repeated keys are kept (the last wins in js-yaml's own result, which
      // is not used): the inventory reports them with both lines.
      json: true,
      listener: (event, state) => builder.listen(event, state),
      onWarning: (warning) => warnings.push({ line: warning.mark.line + 1, message: warning.reason }),
    });
  } catch (error) {
    if (error instanceof SecondDocument) return { ok: false, line: error.line, message: SECOND_DOCUMENT };
    if (!(error instanceof YAMLException)) throw error;
    return { ok: false, line: (error.mark?.line ?? 0) + 1, message: MESSAGES[error.reason] ?? error.reason };
  }
  return { ok: true, root: builder.root, warnings };
}

class SecondDocument extends Error {
  constructor(readonly line: number) {
    super(SECOND_DOCUMENT);
  }
}

/** A child's flags in its parent frame. */
const KEY = 1;
const EMPTY = 2;

/**
 * A node js-yaml has opened and not yet closed, and its children so far (in
 * parallel arrays: this runs for every node of a 10,000-phone file). One frame
 * per depth, reused.
 */
class Frame {
  open = 0;
  /** 0-based, as js-yaml counts. */
  line = 0;
  /** How many children so far: the arrays are reused, not cleared, and may hold more. */
  count = 0;
  readonly nodes: YamlNode[] = [];
  /** KEY: a `:` follows the child (or a `?` precedes it). EMPTY: nothing was written. */
  readonly flags: number[] = [];
  /** Each child's first and end offsets, to place list entries js-yaml left without a node. */
  readonly spans: number[] = [];
  /** js-yaml's value for the first child: tells a collection apart from one wrapping it. */
  firstResult: unknown = undefined;
  /** Whether this is the list whose entries are streamed (known at its first entry). */
  streamed: boolean | undefined = undefined;

  reset(open: number, line: number): void {
    this.open = open;
    this.line = line;
    this.count = 0;
    this.firstResult = undefined;
    this.streamed = undefined;
  }

  add(node: YamlNode, flags: number, result: unknown, from: number, to: number): void {
    const index = this.count++;
    if (index === 0) this.firstResult = result;
    this.nodes[index] = node;
    this.flags[index] = flags;
    this.spans[2 * index] = from;
    this.spans[2 * index + 1] = to;
  }
}

/** `anchor` is set by js-yaml but missing from its types: undocumented, as is all of State (see the pin above). */
type StateWithAnchor = State & { readonly anchor: string | null };

/**
 * Rebuilds the located tree from js-yaml's listener: 'open' at the start of
 * every node (mapping keys included: key, value, key, value...), 'close' at its
 * end with its kind and value. js-yaml composes some nodes inside a node of
 * the same value (a list item, a value on its own line), and may open a key
 * that is not there (where a mapping ends, or for `key:` alone); both are
 * folded away here.
 */
class TreeBuilder {
  root: YamlNode | null = null;
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly anchors = new Map<string, YamlNode>();
  private rootEnd = { offset: 0, line: 0 };
  private streamDone = false;

  constructor(private readonly stream: YamlTreeOptions['stream']) {}

  listen(event: 'open' | 'close', state: State): void {
    if (event === 'open') this.open(state);
    else this.close(state as StateWithAnchor);
  }

  private open(state: State): void {
    if (this.depth === 0 && this.root !== null) throw new SecondDocument(this.secondDocumentLine(state.input));
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = new Frame();
      this.frames.push(frame);
    }
    frame.reset(state.position, state.line);
    this.depth++;
  }

  private close(state: StateWithAnchor): void {
    this.depth--;
    const frame = this.frames[this.depth] as Frame;
    const text = state.input;
    const start = contentStart(text, frame.open);
    const line = frame.line + 1 + lineBreaks(text, frame.open, start);
    const end = state.position;
    let node: YamlNode;
    let flags = 0;
    if (state.kind === 'scalar') node = { kind: 'scalar', value: state.result, line, start, end };
    else if (state.kind === 'mapping' || state.kind === 'sequence') node = collection(frame, state, line, start, end);
    else if (text.charCodeAt(start) === 0x2a) {
      // `*name`: the node its anchor names (its own line then locates problems).
      node = this.anchors.get(aliasName(text, start)) ?? emptyNode(frame);
    } else {
      node = emptyNode(frame);
      flags = EMPTY;
    }
    if (state.anchor !== null) this.anchors.set(state.anchor, node);
    if (colonFollows(text, end) || text.charCodeAt(frame.open - 1) === 0x3f /* `? key` */) flags |= KEY;
    if (this.depth === 0) {
      this.root = node;
      this.rootEnd = { offset: end, line: state.line };
      return;
    }
    if (frame.streamed === true) this.streamDone = true;
    const parent = this.frames[this.depth - 1] as Frame;
    if (this.stream !== undefined && this.streams(parent, text)) {
      this.stream.read(node);
      node = STREAMED;
    }
    parent.add(node, flags, state.result, frame.open, end);
  }

  /** Whether `parent`, a frame at depth 1, is the list to stream: the block list value of the top-level key. */
  private streams(parent: Frame, text: string): boolean {
    if (this.depth !== 2 || this.streamDone) return false;
    if (parent.streamed === undefined) {
      const root = this.frames[0] as Frame;
      const key = root.nodes[root.count - 1];
      parent.streamed =
        root.count > 0 &&
        ((root.flags[root.count - 1] as number) & KEY) !== 0 &&
        key?.kind === 'scalar' &&
        key.value === this.stream?.key &&
        text.charCodeAt(contentStart(text, parent.open)) === 0x2d; // `-`
    }
    return parent.streamed;
  }

  /** Where the second document starts: its `---`, after the first one's end and any `...`. */
  private secondDocumentLine(text: string): number {
    let at = skipSeparation(text, this.rootEnd.offset);
    if (text.startsWith('...', at)) at = skipSeparation(text, at + 3);
    return this.rootEnd.line + 1 + lineBreaks(text, this.rootEnd.offset, at);
  }
}

function collection(frame: Frame, state: State, line: number, start: number, end: number): YamlNode {
  const only = frame.count === 1 ? frame.nodes[0] : undefined;
  if (only !== undefined && frame.firstResult === state.result && only.kind === state.kind) return only;
  if (state.kind === 'mapping') {
    return { kind: 'mapping', keysAndValues: withMergedKeys(keysAndValues(frame), state.input), line, start, end };
  }
  let items = itemsOf(frame);
  if (Array.isArray(state.result) && state.result.length > items.length) {
    items = withEmptyEntries(state.input, { line, start, end }, frame, items);
  }
  return { kind: 'sequence', items, line, start, end };
}

function emptyNode(frame: Frame): YamlScalar {
  return { kind: 'scalar', value: null, line: frame.line + 1, start: frame.open, end: frame.open };
}

/** Keys and values, flat; a key with nothing after it has a null value. Sized exactly: there are many. */
function keysAndValues({ nodes, flags, count }: Frame): (YamlNode | null)[] {
  let size = 0;
  let waiting = false;
  for (let index = 0; index < count; index++) {
    const flag = flags[index] as number;
    if ((flag & KEY) !== 0) {
      size += 2;
      waiting = true;
    } else if (waiting) waiting = false;
    // `{ a, b: 1 }`: a key without `:`.
    else if ((flag & EMPTY) === 0) size += 2;
  }
  const flat = new Array<YamlNode | null>(size);
  let next = 0;
  waiting = false;
  for (let index = 0; index < count; index++) {
    const node = nodes[index] as YamlNode;
    const flag = flags[index] as number;
    if ((flag & KEY) !== 0 || (!waiting && (flag & EMPTY) === 0)) {
      flat[next++] = node;
      flat[next++] = null;
      waiting = (flag & KEY) !== 0;
    } else if (waiting) {
      flat[next - 1] = (flag & EMPTY) !== 0 ? null : node;
      waiting = false;
    }
  }
  return flat;
}

/**
 * YAML merge keys, as Ansible inventories use them: `<<: *base` (or a list
 * of aliases) brings in the pairs of the mappings named whose keys the
 * mapping does not set itself, an earlier mapping before a later one. Their
 * nodes keep the lines where they are written, so a problem is reported
 * there. A quoted `"<<"` is an ordinary key; a `<<` whose value is no mapping
 * stays as written (and is reported as an unknown key).
 */
function withMergedKeys(flat: (YamlNode | null)[], text: string): (YamlNode | null)[] {
  const merged: YamlMapping[] = [];
  const own: (YamlNode | null)[] = [];
  for (let index = 0; index < flat.length; index += 2) {
    const key = flat[index] ?? null;
    const value = flat[index + 1] ?? null;
    const sources = isMergeKey(key, text) ? mergeSources(value) : null;
    if (sources === null) own.push(key, value);
    else merged.push(...sources);
  }
  if (merged.length === 0) return flat;
  const keys = new Set(own.filter((_, index) => index % 2 === 0).map(scalarValue));
  for (const mapping of merged) {
    for (let index = 0; index < mapping.keysAndValues.length; index += 2) {
      const key = mapping.keysAndValues[index] ?? null;
      if (keys.has(scalarValue(key))) continue;
      keys.add(scalarValue(key));
      own.push(key, mapping.keysAndValues[index + 1] ?? null);
    }
  }
  return own;
}

function isMergeKey(key: YamlNode | null, text: string): boolean {
  return key?.kind === 'scalar' && key.value === '<<' && text.startsWith('<<', key.start);
}

/** The mappings a merge key's value names, or null when it names something else. */
function mergeSources(value: YamlNode | null): YamlMapping[] | null {
  if (value?.kind === 'mapping') return [value];
  if (value?.kind !== 'sequence' || value.items.length === 0) return null;
  return value.items.every((item) => item.kind === 'mapping') ? (value.items as YamlMapping[]) : null;
}

function scalarValue(node: YamlNode | null): unknown {
  return node?.kind === 'scalar' ? node.value : node;
}

/** A list's items; `[a: 1]` is a one-pair mapping item, as YAML reads it. */
function itemsOf({ nodes, flags, count }: Frame): YamlNode[] {
  if (!flags.slice(0, count).some((flag) => (flag & KEY) !== 0)) return nodes.slice(0, count);
  const items: YamlNode[] = [];
  let waiting: (YamlNode | null)[] | null = null;
  for (let index = 0; index < count; index++) {
    const node = nodes[index] as YamlNode;
    const flag = flags[index] as number;
    if ((flag & KEY) !== 0) {
      waiting = [node, null];
      items.push({ kind: 'mapping', keysAndValues: waiting, line: node.line, start: node.start, end: node.end });
    } else if (waiting !== null) {
      waiting[1] = (flag & EMPTY) !== 0 ? null : node;
      waiting = null;
    } else items.push(node);
  }
  return items;
}

/**
 * A block list's entries with nothing after their `-` get no node from
 * js-yaml, only a null in its value: put each back, at its `-` line, so that
 * every entry is checked and reported.
 */
function withEmptyEntries(text: string, at: Located, frame: Frame, items: YamlNode[]): YamlNode[] {
  if (frame.count !== items.length) return items;
  const dashes = sequenceDashes(text, at.start, at.end, frame.spans, frame.count);
  const entries: YamlNode[] = [];
  const empty = (dash: { offset: number; line: number }): YamlScalar => ({
    kind: 'scalar',
    value: null,
    line: at.line + dash.line,
    start: dash.offset,
    end: dash.offset,
  });
  // Each read entry follows its own `-`, the last one before it: the others are empty entries.
  let next = 0;
  for (const [index, item] of items.entries()) {
    const from = frame.spans[2 * index] as number;
    for (; next + 1 < dashes.length && (dashes[next + 1]?.offset as number) < from; next++) {
      entries.push(empty(dashes[next] as { offset: number; line: number }));
    }
    next++;
    entries.push(item);
  }
  for (const dash of dashes.slice(next)) entries.push(empty(dash));
  return entries;
}
