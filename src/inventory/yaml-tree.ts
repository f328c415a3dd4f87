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

export interface YamlPair {
  readonly key: YamlNode;
  /** null for `key:` with nothing after it. */
  readonly value: YamlNode | null;
}

export interface YamlMapping extends Located {
  readonly kind: 'mapping';
  readonly pairs: readonly YamlPair[];
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
      /** The text the offsets refer to (without a byte order mark). */
      readonly text: string;
      readonly warnings: ReadonlyArray<{ readonly line: number; readonly message: string }>;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

export const SECOND_DOCUMENT = 'a second YAML document starts here (---): an inventory is one document';

// js-yaml words a few errors for programmers; these are for users.
const MESSAGES: Partial<Record<string, string>> = {
  'tab characters must not be used in indentation': 'a tab indents this line: YAML indents with spaces only',
  'unexpected end of the stream within a double quoted scalar': 'Missing closing "quote',
  'unexpected end of the stream within a single quoted scalar': "Missing closing 'quote",
};

/**
 * Reads one YAML document (YAML 1.2 core schema). A syntax error, or a second
 * document, gives its line and a one-line message instead of a tree.
 */
export function readYamlTree(source: string): YamlTree {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const builder = new TreeBuilder();
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
  return { ok: true, root: builder.root, text, warnings };
}

class SecondDocument extends Error {
  constructor(readonly line: number) {
    super(SECOND_DOCUMENT);
  }
}

/** A node js-yaml has opened and not yet closed. */
class Frame {
  parts: Part[] | null = null;
  constructor(
    readonly open: number,
    /** 0-based, as js-yaml counts. */
    readonly line: number,
  ) {}
}

/** A closed node inside its parent, before the parent knows its own kind. */
interface Part {
  readonly node: YamlNode;
  /** js-yaml's value for it: tells a collection apart from the one wrapping it. */
  readonly result: unknown;
  readonly from: number;
  readonly to: number;
  /** A `:` follows it (or a `?` precedes it): a mapping key. */
  readonly key: boolean;
  /** Nothing was written: `key:` alone, or js-yaml trying for a key where there is none. */
  readonly empty: boolean;
}

type StateWithAnchor = State & { readonly anchor: string | null };

/**
 * Rebuilds the located tree from js-yaml's listener: 'open' at the start of
 * every node (mapping keys included: key, value, key, value...), 'close' at its
 * end with its kind and value. js-yaml composes some nodes inside a node of
 * the same value (a list item, a value on its own line), and may open a key
 * that is not there (where a mapping ends); both are folded away here.
 */
class TreeBuilder {
  root: YamlNode | null = null;
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  private rootEnd = { offset: 0, line: 0 };

  listen(event: 'open' | 'close', state: State): void {
    if (event === 'open') {
      if (this.stack.length === 0 && this.root !== null) throw new SecondDocument(this.secondDocumentLine(state.input));
      this.stack.push(new Frame(state.position, state.line));
      return;
    }
    const frame = this.stack.pop() as Frame;
    const part = this.close(frame, state as StateWithAnchor);
    const parent = this.stack.at(-1);
    if (parent === undefined) {
      this.root = part.node;
      this.rootEnd = { offset: state.position, line: state.line };
    } else if (parent.parts === null) parent.parts = [part];
    else parent.parts.push(part);
  }

  private close(frame: Frame, state: StateWithAnchor): Part {
    const text = state.input;
    const start = contentStart(text, frame.open);
    const line = frame.line + 1 + lineBreaks(text, frame.open, start);
    const end = state.position;
    let node: YamlNode;
    let empty = false;
    if (state.kind === 'scalar') {
      node = { kind: 'scalar', value: state.result, line, start, end };
    } else if (state.kind === 'mapping' || state.kind === 'sequence') {
      node = this.collection(frame, state, { line, start, end });
    } else if (text.charCodeAt(start) === 0x2a) {
      // `*name`: the node its anchor names (its own line then locates problems).
      node = this.anchors.get(aliasName(text, start)) ?? emptyNode(frame);
    } else {
      node = emptyNode(frame);
      empty = true;
    }
    if (state.anchor !== null) this.anchors.set(state.anchor, node);
    const key = colonFollows(text, end) || text.charCodeAt(frame.open - 1) === 0x3f; // `? key`
    return { node, result: state.result, from: frame.open, to: end, key, empty };
  }

  private collection(frame: Frame, state: State, at: Located): YamlNode {
    const parts = frame.parts ?? [];
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only !== undefined && only.result === state.result && only.node.kind === state.kind) return only.node;
    if (state.kind === 'mapping') return { kind: 'mapping', pairs: pairsOf(parts), ...at };
    const items = itemsOf(parts);
    const count = Array.isArray(state.result) ? state.result.length : items.length;
    return {
      kind: 'sequence',
      items: count > items.length ? withEmptyEntries(state.input, at, parts, items) : items,
      ...at,
    };
  }

  /** Where the second document starts: its `---`, after the first one's end and any `...`. */
  private secondDocumentLine(text: string): number {
    let at = skipSeparation(text, this.rootEnd.offset);
    if (text.startsWith('...', at)) at = skipSeparation(text, at + 3);
    return this.rootEnd.line + 1 + lineBreaks(text, this.rootEnd.offset, at);
  }
}

function emptyNode(frame: Frame): YamlScalar {
  return { kind: 'scalar', value: null, line: frame.line + 1, start: frame.open, end: frame.open };
}

/** Keys and values in order; a key with nothing after it has a null value. */
function pairsOf(parts: readonly Part[]): YamlPair[] {
  const pairs: Array<{ key: YamlNode; value: YamlNode | null }> = [];
  let waiting: { key: YamlNode; value: YamlNode | null } | null = null;
  for (const part of parts) {
    if (part.key) {
      waiting = { key: part.node, value: null };
      pairs.push(waiting);
    } else if (waiting !== null) {
      waiting.value = part.empty ? null : part.node;
      waiting = null;
    } else if (!part.empty) {
      // `{ a, b: 1 }`: a key without `:`.
      pairs.push({ key: part.node, value: null });
    }
  }
  return pairs;
}

/** A list's items; `[a: 1]` is a one-pair mapping item, as YAML reads it. */
function itemsOf(parts: readonly Part[]): YamlNode[] {
  const items: YamlNode[] = [];
  let waiting: { key: YamlNode; value: YamlNode | null } | null = null;
  for (const part of parts) {
    if (part.key) {
      waiting = { key: part.node, value: null };
      const { line, start, end } = part.node;
      items.push({ kind: 'mapping', pairs: [waiting], line, start, end });
    } else if (waiting !== null) {
      waiting.value = part.empty ? null : part.node;
      waiting = null;
    } else items.push(part.node);
  }
  return items;
}

/**
 * A block list's entries with nothing after their `-` get no node from
 * js-yaml, only a null in its value: put each back, at its `-` line, so that
 * every entry is checked and reported.
 */
function withEmptyEntries(text: string, at: Located, parts: readonly Part[], items: readonly YamlNode[]): YamlNode[] {
  if (parts.length !== items.length) return [...items];
  const dashes = sequenceDashes(text, at.start, at.end, parts);
  // Each read entry follows its own `-`: the last one before it.
  const used = new Set(parts.map((part) => dashes.findLast((dash) => dash < part.from)));
  const entries: Array<{ offset: number; node: YamlNode }> = parts.map((part, index) => ({
    offset: part.from,
    node: items[index] as YamlNode,
  }));
  for (const dash of dashes) {
    if (used.has(dash)) continue;
    const line = at.line + lineBreaks(text, at.start, dash);
    entries.push({ offset: dash, node: { kind: 'scalar', value: null, line, start: dash, end: dash } });
  }
  return entries.sort((a, b) => a.offset - b.offset).map((entry) => entry.node);
}
