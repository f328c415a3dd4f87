import { readFileSync } from 'node:fs';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import { SEED_PARAMS } from '../../src/simulator/alarm-generator.js';
import { fixturePath } from '../helpers/paths.js';

/** The seed's parameters with some changed. */
export function seedParams(changes: Record<string, string> = {}): Record<string, string> {
  return { ...SEED_PARAMS, ...changes };
}

/** A fixture under test/fixtures/show-unreg/, read as UTF-8. */
export function readShowUnregFixture(name: string): string {
  return readFileSync(fixturePath('show-unreg', name), 'utf8');
}

/** Parses a fixture under test/fixtures/show-unreg/. */
export function parseFixture(name: string) {
  return parseShowUnreg(readShowUnregFixture(name));
}
