import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { epochToIso } from '../../src/parser/epoch-time.js';

describe('epochToIso', () => {
  it('reads the XML alarm TimeStamp as milliseconds', () => {
    assert.equal(epochToIso('1461229373181'), '2016-04-21T09:02:53.181Z');
  });

  it('reads the syslog TimeStamp as seconds, with or without a fraction', () => {
    assert.equal(epochToIso('1461229373'), '2016-04-21T09:02:53.000Z');
    assert.equal(epochToIso(' 1461229373.181 '), '2016-04-21T09:02:53.181Z');
  });

  it('gives null for empty, zero, negative, non-numeric and out-of-range values', () => {
    for (const value of ['', '  ', '0', '-5', '12abc', '1e12', '0x10', '99999999999999999', '253402300800000']) {
      assert.equal(epochToIso(value), null, value);
    }
  });

  it('accepts the last millisecond of year 9999', () => {
    assert.equal(epochToIso('253402300799999'), '9999-12-31T23:59:59.999Z');
  });
});
