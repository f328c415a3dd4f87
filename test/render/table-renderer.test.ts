import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colourFor } from '../../src/render/colour.js';
import { TableRenderer } from '../../src/render/table-renderer.js';
import type { PhoneEntry } from '../../src/report/report-document.js';
import { cellRows } from '../helpers/grid-cells.js';
import { failed, okEntry, renderAll, sampleAlarm } from './sample-entries.js';

function render(entries: PhoneEntry[], { detail = false, colour = false } = {}): string {
  return renderAll(new TableRenderer({ detail, colour: colourFor(colour), width: null }), entries);
}

const FLEET: PhoneEntry[] = [
  okEntry('10.0.0.1', [
    sampleAlarm({ ReasonForOutOfService: '22' }, 'sent'),
    sampleAlarm({ ReasonForOutOfService: '22' }, 'sent'),
    sampleAlarm({ ReasonForOutOfService: '22' }, 'unsent'),
  ]),
  okEntry('10.0.0.2', [sampleAlarm({ ReasonForOutOfService: '10' })], { port: 2222, name: 'lobby' }),
  okEntry('10.0.0.3', [
    sampleAlarm({ ReasonForOutOfService: '10' }, 'sent'),
    sampleAlarm({ ReasonForOutOfService: '14' }),
  ]),
  failed('10.0.0.4', { kind: 'ssh-auth', message: 'the phone refused the SSH user and password' }),
  okEntry('10.0.0.5', []),
];

describe('TableRenderer', () => {
  it('lists the reasons most phones first, with category and counts', () => {
    const rows = cellRows(render(FLEET));
    assert.deepEqual(rows.slice(0, 4), [
      ['code', 'name', 'category', 'phones', 'alarms', 'sent', 'unsent'],
      ['10', 'TCPtimeOut', 'network', '2', '2', '1', '1'],
      ['22', 'TCPclosedUcmInitiatedReset', 'CUCM-initiated', '1', '3', '2', '1'],
      ['14', 'TCPucmClosedConnection', 'CUCM-initiated', '1', '1', '0', '1'],
    ]);
  });

  it('gives the totals, then each failed phone with its error kind and message', () => {
    const text = render(FLEET);
    assert.match(text, /^Phones: 5 total, 4 ok, 1 failed, 3 with alarms$/m);
    const failedAt = text.indexOf('\nFailed\n');
    assert.ok(failedAt > text.indexOf('Phones: '));
    assert.deepEqual(cellRows(text.slice(failedAt)), [
      ['host', 'error', 'message'],
      ['10.0.0.4', 'ssh-auth', 'the phone refused the SSH user and password'],
    ]);
  });

  it('names a reason it does not know, and one that was not given', () => {
    const rows = cellRows(
      render([
        okEntry('a', [sampleAlarm({ ReasonForOutOfService: '777' }), sampleAlarm({ ReasonForOutOfService: '' })]),
      ]),
    );
    assert.deepEqual(rows.slice(1, 3), [
      ['777', 'unknown code 777', '', '1', '1', '0', '1'],
      ['', 'unknown (no reason given)', '', '1', '1', '0', '1'],
    ]);
  });

  it('says so when there is no alarm at all, with zero phones too', () => {
    assert.equal(
      render([okEntry('10.0.0.5', [])]),
      'ReasonForOutOfService\nNo LastOutOfServiceInformation alarms.\n\nPhones: 1 total, 1 ok, 0 failed, 0 with alarms\n',
    );
    assert.match(
      render([]),
      /No LastOutOfServiceInformation alarms\.\n\nPhones: 0 total, 0 ok, 0 failed, 0 with alarms\n$/,
    );
  });

  it('shows no alarm rows without --detail', () => {
    const text = render(FLEET);
    assert.doesNotMatch(text, /Alarms\n/);
    assert.doesNotMatch(text, /DHCPv4Status/);
  });

  it('with --detail adds one row per alarm, its parameters under it', () => {
    const text = render(FLEET, { detail: true });
    const detail = text.slice(text.indexOf('\nAlarms\n'), text.indexOf('\nPhones: '));
    const rows = cellRows(detail).filter((row) => row.length === 6);
    assert.deepEqual(rows, [
      ['host', 'device', 'section', 'time', 'code', 'name'],
      ['10.0.0.1', 'SEP2834A282656D', 'sent', '2016-04-21T09:02:53.181Z', '22', 'TCPclosedUcmInitiatedReset'],
      ['10.0.0.1', 'SEP2834A282656D', 'sent', '2016-04-21T09:02:53.181Z', '22', 'TCPclosedUcmInitiatedReset'],
      ['10.0.0.1', 'SEP2834A282656D', 'unsent', '2016-04-21T09:02:53.181Z', '22', 'TCPclosedUcmInitiatedReset'],
      ['10.0.0.2:2222 (lobby)', 'SEP2834A282656D', 'unsent', '2016-04-21T09:02:53.181Z', '10', 'TCPtimeOut'],
      ['10.0.0.3', 'SEP2834A282656D', 'sent', '2016-04-21T09:02:53.181Z', '10', 'TCPtimeOut'],
      ['10.0.0.3', 'SEP2834A282656D', 'unsent', '2016-04-21T09:02:53.181Z', '14', 'TCPucmClosedConnection'],
    ]);
    // Six alarms, each followed by its parameter lines (one cell spanning the row).
    assert.equal(detail.match(/DHCPv4Status=good {2}DHCPv6Status=disabled/g)?.length, 6);
    assert.equal(detail.match(/DNSStatusUnifiedCM2=good/g)?.length, 6);
  });

  it('keeps every line of a fleet-wide --detail within the table width', () => {
    const text = render(FLEET, { detail: true });
    const detail = text.slice(text.indexOf('\nAlarms\n') + 8, text.indexOf('\nPhones: '));
    const widths = new Set(
      detail
        .trimEnd()
        .split('\n')
        .map((line) => [...line].length),
    );
    assert.equal(widths.size, 1, [...widths].join(','));
  });

  it('writes no control character or escape sequence a phone sent, anywhere', () => {
    const evil = '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e\u2066\t\r\n\u0000';
    const entries: PhoneEntry[] = [
      okEntry(
        `host${evil}1`,
        [sampleAlarm({ DeviceName: `SEP${evil}`, DHCPv4Status: `9${evil}`, [`P${evil}`]: 'v' })],
        {
          name: `name${evil}`,
        },
      ),
      { ...okEntry(`host${evil}2`, []), warnings: [`cut off${evil}here`] },
      failed(`host${evil}3`, { kind: 'parse', message: `bad${evil}output` }),
    ];
    const text = render(entries, { detail: true });
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    assert.doesNotMatch(text, /owned|31m/);
    for (const shown of ['host 1 (name )', 'SEP', 'DHCPv4Status=9 ', 'P =v', 'host 2: cut off here', 'bad output']) {
      assert.ok(text.includes(shown), shown);
    }
  });

  it('uses no colour codes when colour is off, and some when it is on', () => {
    assert.ok(!render(FLEET, { detail: true }).includes('\u001b'));
    const coloured = render(FLEET, { colour: true });
    assert.ok(coloured.includes('\u001b[1m'));
    assert.match(coloured, /\u001b\[31m1 failed\u001b\[39m/);
  });
});
