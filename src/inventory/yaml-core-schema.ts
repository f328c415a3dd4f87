import { FAILSAFE_SCHEMA, type Schema, Type } from 'js-yaml';

/**
 * YAML 1.2's core schema exactly as the spec (and the `yaml` package this
 * replaced) reads plain values: `0123` and `1e3` are numbers, `true` a
 * boolean, `~` nothing, `yes`/`no`/`on` text. js-yaml's own CORE_SCHEMA also
 * reads `0b101`, `+0x1` and `-0o7` as numbers and `-.5` as text: a name or a
 * host written that way would change meaning, so the four types are ours.
 */
export const YAML_1_2_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType(
      'null',
      (text) => NULLS.has(text),
      () => null,
    ),
    scalarType(
      'bool',
      (text) => BOOLEANS.has(text),
      (text) => BOOLEANS.get(text),
    ),
    scalarType('int', (text) => mayBeNumber(text) && INTEGER.test(text), readInteger),
    scalarType('float', (text) => mayBeNumber(text) && FLOAT.test(text), readFloat),
  ],
});

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

function scalarType<T>(name: string, resolve: (text: string) => boolean, construct: (text: string) => T): Type {
  return new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && resolve(data),
    construct,
  });
}

// Every plain key and value goes through these tests: most are words, which
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
