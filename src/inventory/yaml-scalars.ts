// What a scalar means under YAML 1.2's core schema, as the spec (and the
// `yaml` package the inventory was first read with) reads it: `0123` and
// `1e3` are numbers, `true` a boolean, `~` nothing, `yes`/`no`/`on` text.
// js-yaml's own CORE_SCHEMA also reads `0b101`, `+0x1` and `-0o7` as numbers
// and `-.5` as text: a name or a host written that way would change meaning.

export type ScalarValue = string | number | boolean | null;

const CORE = 'tag:yaml.org,2002:';

const NULLS = new Set(['~', 'null', 'Null', 'NULL', '']);
const BOOLEANS = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
const INTEGER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain (unquoted, untagged) scalar's value. */
export function plainValue(text: string): ScalarValue {
  if (NULLS.has(text)) return null;
  const boolean = BOOLEANS.get(text);
  if (boolean !== undefined) return boolean;
  if (!mayBeNumber(text)) return text;
  if (INTEGER.test(text)) return readInteger(text);
  if (FLOAT.test(text)) return readFloat(text);
  return text;
}

/**
 * A scalar given an explicit tag (`!!str 0123`, `!<tag:yaml.org,2002:int> "7"`):
 * its value, or a one-line reason it cannot have that tag.
 */
export function taggedValue(tag: string, text: string): { value: ScalarValue } | { problem: string } {
  const resolved = TAGGED[tag.startsWith(CORE) ? tag.slice(CORE.length) : ''];
  if (resolved === undefined) return { problem: tagProblem(tag, 'scalar') ?? `unknown tag !<${tag}>` };
  const value = resolved(text);
  return value === undefined ? { problem: `cannot resolve a node with !<${tag}> explicit tag` } : { value };
}

/** Why a node of `kind` cannot carry `tag`, or null when it can (`!!map` on a mapping). */
export function tagProblem(tag: string, kind: 'scalar' | 'mapping' | 'sequence'): string | null {
  const name = tag.startsWith(CORE) ? tag.slice(CORE.length) : '';
  const wanted = name === 'map' ? 'mapping' : name === 'seq' ? 'sequence' : name in TAGGED ? 'scalar' : null;
  if (wanted === null) return `unknown tag !<${tag}>`;
  if (wanted === kind) return null;
  return `unacceptable node kind for !<${tag}> tag; it should be "${wanted}", not "${kind}"`;
}

// undefined: the text is not of that type.
const TAGGED: Readonly<Record<string, (text: string) => ScalarValue | undefined>> = {
  str: (text) => text,
  null: (text) => (NULLS.has(text) ? null : undefined),
  bool: (text) => BOOLEANS.get(text),
  int: (text) => (INTEGER.test(text) ? readInteger(text) : undefined),
  float: (text) => (FLOAT.test(text) ? readFloat(text) : undefined),
};

// Every plain key and value goes through plainValue: most are words, which
// the first character rules out before any regular expression runs.
function mayBeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e; // 0-9 + - .
}

function readInteger(text: string): number {
  if (text.startsWith('0o')) return Number.parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return Number.parseInt(text.slice(2), 16);
  return Number.parseInt(text, 10);
}

function readFloat(text: string): number {
  const special = text.replace(/^[-+]/, '').toLowerCase();
  if (special === '.nan') return Number.NaN;
  if (special === '.inf') return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.parseFloat(text);
}
