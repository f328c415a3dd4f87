import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ALARM_NAMES } from '../../src/syslog/event-line.js';
import { LineScanner } from '../../src/syslog/line-scanner.js';

interface Scanned {
  lines: number;
  candidates: Array<[number, string]>;
  overlong: number[];
}

function scan(chunks: readonly Buffer[], maxLineBytes?: number): Scanned {
  const result: Scanned = { lines: 0, candidates: [], overlong: [] };
  const scanner = new LineScanner(
    {
      candidate: (text, line) => result.candidates.push([line, text]),
      overlong: (line) => result.overlong.push(line),
    },
    maxLineBytes,
  );
  for (const chunk of chunks) {
    // The reader reuses its buffer: give the scanner a copy and then spoil it.
    const copy = Buffer.from(chunk);
    scanner.push(copy);
    copy.fill(0x58);
  }
  scanner.end();
  result.lines = scanner.lines;
  return result;
}

function splitAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

const TEXT = [
  'Apr 21 09:00:00 cucm %UC_CALLMANAGER-6-EndPointRegistered: %[DeviceName=SEP1]',
  'Apr 21 09:01:00 cucm %UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEP1][Description=会議室 2階]',
  '',
  'Apr 21 09:02:00 cucm %UC_-6-LastOutOfServiceInformation: %[DeviceName=SEP1][ReasonForOutOfService=10]\r',
  'Apr 21 09:03:00 cucm %CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered: Device name.:SEP2',
  'last line without a break, naming EndPointUnregistered',
].join('\n');

describe('LineScanner', () => {
  it('counts every line and decodes only those naming an alarm, with their numbers', () => {
    const result = scan([Buffer.from(TEXT)]);
    assert.equal(result.lines, 6);
    assert.deepEqual(
      result.candidates.map(([line, text]) => [line, text.slice(-20)]),
      [
        [2, '=SEP1][Description=会議室 2階]'.slice(-20)],
        [4, 'ReasonForOutOfService=10]'.slice(-20)],
        [5, 'nregistered: Device name.:SEP2'.slice(-20)],
        [6, 'ing EndPointUnregistered'.slice(-20)],
      ],
    );
    assert.deepEqual(result.overlong, []);
  });

  it('gives the same lines however the input is cut into chunks (inside a line, a name, a UTF-8 character)', () => {
    const bytes = Buffer.from(TEXT);
    // With the default limit, and with one that makes some lines too long.
    for (const limit of [undefined, 80]) {
      const whole = scan([bytes], limit);
      // Every single cut, including inside the 3-byte characters of 会議室.
      for (let cut = 0; cut <= bytes.length; cut += 1) {
        assert.deepEqual(scan(splitAt(bytes, [cut]), limit), whole, `cut at ${cut}`);
      }
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
          assert.deepEqual(scan(splitAt(bytes, cuts), limit), whole);
        }),
      );
    }
    assert.deepEqual(scan([bytes], 80).overlong, [2, 4, 5]);
  });

  it('counts an empty input as no lines and a lone line break as one', () => {
    assert.equal(scan([]).lines, 0);
    assert.equal(scan([Buffer.from('\n')]).lines, 1);
    assert.equal(scan([Buffer.from('a\nb')]).lines, 2);
  });

  it('reports a line longer than the limit without holding it, and goes on', () => {
    const long = `x${'EndPointUnregistered '.repeat(20)}`;
    const bytes = Buffer.from(`first\n${long}\n%UC_-6-LastOutOfServiceInformation: %[DeviceName=SEP1]\n${long}`);
    for (const chunks of [[bytes], splitAt(bytes, [10, 50, 100, 300, 400])]) {
      const result = scan(chunks, 100);
      assert.equal(result.lines, 4);
      assert.deepEqual(result.overlong, [2, 4]);
      assert.deepEqual(
        result.candidates.map(([line]) => line),
        [3],
      );
    }
  });

  it('looks for byte patterns that cover every alarm name read', () => {
    const line = (name: string) => Buffer.from(`a\n%X-3-${name}: x\n`);
    for (const name of ALARM_NAMES) assert.deepEqual(scan([line(name)]).candidates.length, 1, name);
  });
});
