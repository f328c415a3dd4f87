import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPECTED_OUTCOME, FAILURE_MODES, parseFailureCounts } from '../../src/simulator/phone-modes.js';

describe('parseFailureCounts', () => {
  it('reads repeated flags and comma lists, adding up a mode named twice; a bare mode is one phone', () => {
    assert.deepEqual(parseFailureCounts(['hang=2,drop=1', 'refused', 'hang=1', '']), { hang: 3, drop: 1, refused: 1 });
  });

  it('names the bad item', () => {
    assert.throws(() => parseFailureCounts(['hang=1,sleepy=2']), /--fail "sleepy=2": expected MODE=COUNT/);
    assert.throws(() => parseFailureCounts(['hang=-1']), /"hang=-1"/);
  });

  it('expects an error kind of the report for every failure mode but slow', () => {
    for (const mode of FAILURE_MODES) {
      assert.equal(EXPECTED_OUTCOME[mode] === 'ok', mode === 'slow', mode);
    }
  });
});
