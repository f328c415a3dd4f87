import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairNearest, type Timed } from '../../src/syslog/nearest-pairing.js';

const MINUTE = 60_000;
const WINDOW = 10 * MINUTE;
const at = (name: string, ms: number | null): Timed<string> => ({ item: name, at: ms });
const pairs = (left: Timed<string>[], right: Timed<string>[], window = WINDOW) =>
  pairNearest(left, right, window).map(({ left: l, right: r, apartMs }) => [l, r, apartMs]);

describe('pairNearest', () => {
  it('pairs events exactly one window apart, and not one second more', () => {
    assert.deepEqual(pairs([at('c', 0)], [at('p', WINDOW)]), [['c', 'p', WINDOW]]);
    assert.deepEqual(pairs([at('c', WINDOW)], [at('p', 0)]), [['c', 'p', WINDOW]]);
    assert.deepEqual(pairs([at('c', 0)], [at('p', WINDOW + 1000)]), [
      ['c', null, null],
      [null, 'p', null],
    ]);
    assert.deepEqual(pairs([at('c', WINDOW + 1000)], [at('p', 0)]), [
      [null, 'p', null],
      ['c', null, null],
    ]);
  });

  it('pairs with null both ways when one side is missing', () => {
    assert.deepEqual(pairs([at('c', 0)], []), [['c', null, null]]);
    assert.deepEqual(pairs([], [at('p', 0)]), [[null, 'p', null]]);
    assert.deepEqual(pairs([], []), []);
  });

  it('pairs the nearest first, one to one, and leaves the rest with null', () => {
    // c1 at 0 and c2 at 4m; p at 3m is nearer to c2.
    assert.deepEqual(pairs([at('c1', 0), at('c2', 4 * MINUTE)], [at('p', 3 * MINUTE)]), [
      ['c1', null, null],
      ['c2', 'p', MINUTE],
    ]);
    // Two phone events for one CUCM event: the nearer wins, the other stays alone.
    assert.deepEqual(pairs([at('c', 5 * MINUTE)], [at('p1', 0), at('p2', 6 * MINUTE)]), [
      [null, 'p1', null],
      ['c', 'p2', MINUTE],
    ]);
  });

  it('never pairs an event whose time is unknown, and lists it last', () => {
    assert.deepEqual(pairs([at('c', null), at('c2', 0)], [at('p', 0)]), [
      ['c2', 'p', 0],
      ['c', null, null],
    ]);
  });

  it('uses each event exactly once, in any arrangement', () => {
    const left = [0, 1, 2, 7, 30, 31].map((minute, index) => at(`c${index}`, minute * MINUTE));
    const right = [1, 1, 8, 29, 60].map((minute, index) => at(`p${index}`, minute * MINUTE));
    const result = pairNearest(left, right, WINDOW);
    assert.deepEqual(
      result
        .map((pair) => pair.left)
        .filter((item) => item !== null)
        .sort(),
      left.map((item) => item.item).sort(),
    );
    assert.deepEqual(
      result
        .map((pair) => pair.right)
        .filter((item) => item !== null)
        .sort(),
      right.map((item) => item.item).sort(),
    );
    for (const pair of result) if (pair.apartMs !== null) assert.ok(pair.apartMs <= WINDOW);
  });
});
