import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/syslog/window-duration.js';

describe('parseDuration / formatDuration', () => {
  it('reads units and bare seconds', () => {
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('600'), 600_000);
    assert.equal(parseDuration(' 2H '), 7_200_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'ten', '10 m', '1.5m', '-5m', 'm']) assert.equal(parseDuration(text), null, text);
  });

  it('writes the short form back', () => {
    assert.equal(formatDuration(600_000), '10m');
    assert.equal(formatDuration(5_400_000), '1h30m');
    assert.equal(formatDuration(90_000), '1m30s');
    assert.equal(formatDuration(1000), '1s');
  });
});
