import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type HeaderClock, parseHeaderTime, type WallClock } from '../../src/syslog/header-time.js';

// Local time read as UTC+9, whatever TZ the tests run under.
const JAPAN = ({ year, month, day, hour, minute, second, ms }: WallClock) =>
  Date.UTC(year, month, day, hour, minute, second, ms) - 9 * 3_600_000;
const clock = (reference: string, extra: Partial<HeaderClock> = {}): HeaderClock => ({
  referenceMs: Date.parse(reference),
  localToEpoch: JAPAN,
  ...extra,
});
const iso = (header: string, at: HeaderClock) => {
  const ms = parseHeaderTime(header, at);
  return ms === null ? null : new Date(ms).toISOString();
};

describe('parseHeaderTime', () => {
  const now = clock('2016-06-01T00:00:00Z');

  it("prefers CUCM's own stamp (year and zone) over the RFC 3164 one in front", () => {
    const header = 'Jul  2 15:22:31 uc-ucm-01 local7 3 : 41679: uc-ucm-01.pcce.local Jul 02 2015 06:22:31 UTC :  ';
    assert.equal(iso(header, now), '2015-07-02T06:22:31.000Z');
    assert.equal(iso('1: cucm: Apr 21 2016 18:02:53.181 JST :  ', now), '2016-04-21T09:02:53.181Z');
    assert.equal(iso('1: cucm: Apr 21 2016 09:02:53 +0200 :  ', now), '2016-04-21T07:02:53.000Z');
  });

  it('reads ISO 8601 / RFC 5424 stamps with their offset', () => {
    assert.equal(iso('<187>1 2016-04-21T09:02:53.181Z cucm105p ccm - - - ', now), '2016-04-21T09:02:53.181Z');
    assert.equal(iso('2016-04-21T18:02:53.5+09:00 cucm105p ', now), '2016-04-21T09:02:53.500Z');
  });

  it('reads a stamp without a zone, or with an ambiguous one, in local time', () => {
    assert.equal(iso('cucm: Apr 21 2016 18:02:53 CST :  ', now), '2016-04-21T09:02:53.000Z');
    assert.equal(iso('2016-04-21 18:02:53 cucm ', now), '2016-04-21T09:02:53.000Z');
  });

  it('gives an RFC 3164 date the latest year that is not after the reference (plus a day)', () => {
    assert.equal(iso('<187>Apr 21 18:02:53 cucm105p ', now), '2016-04-21T09:02:53.000Z');
    // Read on 2 January: a 31 December line is from the year before.
    const january = clock('2017-01-02T00:00:00Z');
    assert.equal(iso('Dec 31 23:59:59 cucm ', january), '2016-12-31T14:59:59.000Z');
    assert.equal(iso('Jan  1 08:00:00 cucm ', january), '2016-12-31T23:00:00.000Z');
    assert.equal(iso('Jan  2 08:00:00 cucm ', january), '2017-01-01T23:00:00.000Z');
  });

  it('uses the year given by the user for RFC 3164 dates', () => {
    assert.equal(
      iso('Dec 31 23:59:59 cucm ', clock('2017-01-02T00:00:00Z', { year: 2012 })),
      '2012-12-31T14:59:59.000Z',
    );
  });

  it('has no time for a header without a stamp or with an impossible date', () => {
    assert.equal(parseHeaderTime('', now), null);
    assert.equal(parseHeaderTime('host 1234: ', now), null);
    assert.equal(parseHeaderTime('Feb 30 2016 10:00:00 UTC : ', now), null);
    assert.equal(parseHeaderTime('Apr 21 2016 25:00:00 UTC : ', now), null);
  });
});
