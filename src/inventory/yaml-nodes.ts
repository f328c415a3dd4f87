import type { ScalarValue } from './yaml-scalars.js';

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
  readonly value: ScalarValue;
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
