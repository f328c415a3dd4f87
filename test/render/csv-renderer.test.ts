import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_COLUMNS, CsvRenderer } from '../../src/render/csv-renderer.js';
import type { PhoneEntry } from '../../src/report/report-document.js';
import { SEED_PARAMS } from '../../src/simulator/alarm-generator.js';
import { readCsv } from '../helpers/read-csv.js';
import { failed, okEntry, renderAll, sampleAlarm } from './sample-entries.js';

const HEADER =
  'host,port,name,site,status,error_kind,error_message,section,alarm,device_name,model,reason_code,reason_name,timestamp,ipv4,last_event_sent,last_event_received';

const TEXT_COLUMNS = ['host', 'name', 'site', 'device_name', 'model'] as const;

function render(entries: PhoneEntry[]): string {
  return renderAll(new CsvRenderer(), entries);
}

function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row[index] ?? '?'])));
}

describe('CsvRenderer', () => {
  it('starts with the header of the public contract, exactly', () => {
    assert.equal(new CsvRenderer().start(), `${HEADER}\r\n`);
    assert.equal(render([]), `${HEADER}\r\n`);
  });

  it('writes one row per alarm, with the phone repeated on each', () => {
    const text = render([
      okEntry('10.0.0.1', [sampleAlarm({}, 'sent'), sampleAlarm({ ReasonForOutOfService: '22' })], {
        name: 'lobby',
        site: 'Tokyo',
      }),
    ]);
    const lines = text.split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(
      lines[1],
      `10.0.0.1,22,lobby,Tokyo,ok,,,sent,LastOutOfServiceInformation,SEP2834A282656D,CP-8861,10,TCPtimeOut,2016-04-21T09:02:53.181Z,192.168.1.37,${SEED_PARAMS.LastProtocolEventSent},${SEED_PARAMS.LastProtocolEventReceived}`,
    );
    assert.deepEqual(
      rowsOf(text).map((row) => [row.section, row.reason_code, row.reason_name]),
      [
        ['sent', '10', 'TCPtimeOut'],
        ['unsent', '22', 'TCPclosedUcmInitiatedReset'],
      ],
    );
  });

  it('gives a phone with no alarm, and a failed one, one row with the alarm columns empty', () => {
    const text = render([
      okEntry('10.0.0.5', []),
      failed('10.0.0.4', { kind: 'timeout', message: 'no prompt after 20 s (phase: login)' }, { port: null }),
    ]);
    const lines = text.split('\r\n');
    assert.equal(lines[1], '10.0.0.5,22,,,ok,,,,,,,,,,,,');
    assert.equal(lines[2], '10.0.0.4,,,,failed,timeout,no prompt after 20 s (phase: login),,,,,,,,,,');
    assert.equal(lines.length, 4);
  });

  it('leaves cells empty for what is unknown: no port, no reason code, no time', () => {
    const [row] = rowsOf(
      render([okEntry('h', [sampleAlarm({ ReasonForOutOfService: '', TimeStamp: '' })], { port: null })]),
    );
    assert.deepEqual([row?.port, row?.reason_code, row?.reason_name, row?.timestamp], ['', '', '', '']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180), lone CR and LF too', () => {
    const nasty = ['a,b', 'say "hi"', 'two\r\nlines', 'lone\nLF', 'lone\rCR'];
    const entries = nasty.map((text) => okEntry('h', [sampleAlarm({ LastProtocolEventSent: text })], { name: text }));
    const text = render(entries);
    assert.match(text, /,"say ""hi""",/);
    const rows = rowsOf(text);
    assert.deepEqual(
      rows.map((row) => [row.name, row.last_event_sent]),
      nasty.map((value) => [value, value]),
    );
  });

  it('neutralises text cells that would start a formula, a leading LF included', () => {
    const starts = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx', '\uff1d1'];
    const entries = starts.map((value) =>
      okEntry(value, [sampleAlarm({ DeviceName: value, ModelNumber: value })], { name: value, site: value }),
    );
    const rows = rowsOf(render(entries));
    for (const [index, value] of starts.entries()) {
      const row = rows[index];
      // The decoder trims device name and model: a leading tab or break never reaches them.
      const columns = value.trim() === value ? TEXT_COLUMNS : TEXT_COLUMNS.slice(0, 3);
      for (const column of columns) assert.equal(row?.[column], `'${value}`, `${column} ${JSON.stringify(value)}`);
    }
    const error = rowsOf(render([failed('h', { kind: 'parse', message: '=HYPERLINK("http://x")' })]));
    assert.equal(error[0]?.error_message, `'=HYPERLINK("http://x")`);
  });

  it('keeps the numeric columns plain numbers', () => {
    const text = render([okEntry('h', [sampleAlarm({ ReasonForOutOfService: '210' })], { port: 2222 })]);
    const line = text.split('\r\n')[1] ?? '';
    assert.match(line, /^h,2222,/);
    assert.match(line, /,210,DeviceUnregExceededLoginCount,/);
  });

  it('writes UTF-8 Japanese text intact', () => {
    const text = render([okEntry('東京-本社', [], { name: '受付の電話機', site: '東京' })]);
    assert.equal(text.split('\r\n')[1], '東京-本社,22,受付の電話機,東京,ok,,,,,,,,,,,,');
    assert.deepEqual([...Buffer.from(text, 'utf8').subarray(0, 4)], [...Buffer.from('host')]);
  });
});
