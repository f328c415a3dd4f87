import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EvenPacer } from '../../src/cucm/even-pacer.js';

describe('EvenPacer', () => {
  it('starts the first request at once and the next ones a whole interval apart', async () => {
    let now = 0;
    const waits: number[] = [];
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    };
    const pacer = new EvenPacer(15, 60_000, clock);
    await pacer.next();
    now += 1000; // the first request took a second
    await pacer.next();
    await pacer.next();
    now += 10_000; // a long answer: no wait owed
    await pacer.next();
    assert.deepEqual(waits, [3000, 4000]);
  });
});
