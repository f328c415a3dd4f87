import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { HandshakePacer } from '../../src/sweep/handshake-pacer.js';

/** Starts `count` handshakes; tells which have been let in so far. */
function startMany(pacer: HandshakePacer, count: number, signal = new AbortController().signal) {
  const started: number[] = [];
  const waits = Array.from({ length: count }, (_, at) => pacer.start(signal).then(() => started.push(at)));
  return { started, waits };
}

describe('HandshakePacer', () => {
  it('lets the floor in at once; while the process is busy, one more only as one is done', async () => {
    // The process's load as the pacer reads it, held at busy: on a loaded
    // machine this test process may well look idle at times.
    let checks = 0;
    const pacer = new HandshakePacer(2, () => {
      checks += 1;
      return true;
    });
    const { started } = startMany(pacer, 3);
    await sleep(0);
    assert.deepEqual(started, [0, 1]);
    while (checks < 4) await sleep(5);
    assert.deepEqual(started, [0, 1], 'a busy process lets no third handshake in');
    pacer.done();
    await sleep(0);
    assert.deepEqual(started, [0, 1, 2]);
  });

  it('lets more than the floor in, none done, while the process has time to spare (its real event loop)', async () => {
    const pacer = new HandshakePacer(2);
    const { started, waits } = startMany(pacer, 7);
    await Promise.all(waits);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
  });

  it("rejects a wait whose session is interrupted with the signal's reason, and gives its turn on", async () => {
    const pacer = new HandshakePacer(1);
    const interrupted = new AbortController();
    const first = pacer.start(new AbortController().signal);
    const cut = pacer.start(interrupted.signal);
    const after = pacer.start(new AbortController().signal);
    await first;
    const reason = new Error('interrupted');
    interrupted.abort(reason);
    await assert.rejects(cut, (error) => error === reason);
    pacer.done();
    await after;
    await assert.rejects(pacer.start(interrupted.signal), (error) => error === reason);
  });
});
