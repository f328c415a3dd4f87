import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { AbortFanOut } from '../../src/sweep/abort-fan-out.js';

describe('AbortFanOut', () => {
  it('keeps one listener on the sweep signal however many sessions are open', () => {
    const sweep = new AbortController();
    const fanOut = new AbortFanOut(sweep.signal);
    const sessions = Array.from({ length: 1000 }, () => fanOut.open());
    assert.equal(getEventListeners(sweep.signal, 'abort').length, 1);
    for (const session of sessions) session.release();
  });

  it("aborts every open session with the sweep's reason, not those released before", () => {
    const sweep = new AbortController();
    const fanOut = new AbortFanOut(sweep.signal);
    const [first, second, done] = [fanOut.open(), fanOut.open(), fanOut.open()];
    done.release();
    const reason = new Error('interrupted');
    sweep.abort(reason);
    assert.equal(first.signal.reason, reason);
    assert.equal(second.signal.reason, reason);
    assert.equal(done.signal.aborted, false);
  });

  it('gives a session opened after the abort a signal already aborted', () => {
    const sweep = new AbortController();
    const fanOut = new AbortFanOut(sweep.signal);
    sweep.abort('stop');
    assert.equal(fanOut.open().signal.reason, 'stop');
  });
});
