import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PhoneEntry } from '../../src/report/report-document.js';
import { reasonLabel, SummaryTally } from '../../src/report/summary.js';
import { failed, okEntry, sampleAlarm } from '../render/sample-entries.js';

function summarise(entries: PhoneEntry[]) {
  const tally = new SummaryTally();
  for (const entry of entries) tally.add(entry);
  return tally.summary();
}

const reason = (code: string, section: 'sent' | 'unsent' = 'unsent') =>
  sampleAlarm({ ReasonForOutOfService: code }, section);

describe('SummaryTally', () => {
  it('counts an empty fleet', () => {
    assert.deepEqual(summarise([]), {
      phones: { total: 0, ok: 0, failed: 0, skipped: 0, withAlarms: 0 },
      reasons: [],
      skipped: [],
    });
  });

  it('counts phones: total, ok, failed, and with alarms (a failed one with partial alarms too)', () => {
    const partial = { ...failed('c', { kind: 'disconnected', message: 'closed mid-output' }), alarms: [reason('10')] };
    const summary = summarise([
      okEntry('a', [reason('10')]),
      okEntry('b', []),
      partial,
      failed('d', { kind: 'dns', message: 'x' }),
    ]);
    assert.deepEqual(summary.phones, { total: 4, ok: 2, failed: 2, skipped: 0, withAlarms: 2 });
  });

  it('counts a phone once per code, however many alarms it has with that code', () => {
    const summary = summarise([
      okEntry('a', [reason('10', 'sent'), reason('10', 'sent'), reason('10')]),
      okEntry('b', [reason('10')]),
    ]);
    assert.deepEqual(summary.reasons, [{ code: 10, name: 'TCPtimeOut', phones: 2, alarms: 4, sent: 2, unsent: 2 }]);
  });

  it('keeps an empty reason (null) and an unknown code apart from the known ones', () => {
    const summary = summarise([okEntry('a', [reason(''), reason('999'), reason('')]), okEntry('b', [reason('abc')])]);
    assert.deepEqual(summary.reasons, [
      { code: null, name: 'unknown (no reason given)', phones: 2, alarms: 3, sent: 0, unsent: 3 },
      { code: 999, name: 'unknown code 999', phones: 1, alarms: 1, sent: 0, unsent: 1 },
    ]);
  });

  it('sorts by most phones, then most alarms, then code, with no code last', () => {
    const summary = summarise([
      okEntry('a', [reason('24'), reason('24'), reason('14'), reason(''), reason('13')]),
      okEntry('b', [reason('22'), reason('13'), reason('')]),
      okEntry('c', [reason('22'), reason('')]),
    ]);
    assert.deepEqual(
      summary.reasons.map((r) => [r.code, r.phones, r.alarms]),
      [
        [null, 3, 3],
        [13, 2, 2],
        [22, 2, 2],
        [24, 1, 2],
        [14, 1, 1],
      ],
    );
    const tie = summarise([okEntry('a', [reason('')]), okEntry('b', [reason('16')])]);
    assert.deepEqual(
      tie.reasons.map((r) => r.code),
      [16, null],
    );
  });

  it('gives each summary as a copy: adding more later does not change it', () => {
    const tally = new SummaryTally();
    tally.add(okEntry('a', [reason('10')]));
    const first = tally.summary();
    tally.add(okEntry('b', [reason('10')]));
    assert.equal(first.reasons[0]?.phones, 1);
    assert.equal(tally.summary().reasons[0]?.phones, 2);
  });
});

describe('reasonLabel', () => {
  it('uses the catalogue name, else says what is known', () => {
    assert.equal(reasonLabel(10, 'TCPtimeOut'), 'TCPtimeOut');
    assert.equal(reasonLabel(999, null), 'unknown code 999');
    assert.equal(reasonLabel(null, null), 'unknown (no reason given)');
  });
});
