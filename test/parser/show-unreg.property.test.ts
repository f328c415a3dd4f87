import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ParsedTranscript } from '../../src/parser/parsed-alarm.js';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import {
  anyUtf16Arbitrary,
  cutTranscriptArbitrary,
  tagSoupArbitrary,
  transcriptArbitrary,
} from './transcript-arbitraries.js';

// Run counts stay moderate: the whole suite must run in seconds.
const RUNS = { numRuns: 300 };

/** What every result must look like, whatever the input. */
function assertWellFormed(parsed: ParsedTranscript): void {
  assert.ok(Array.isArray(parsed.alarms) && Array.isArray(parsed.warnings));
  for (const alarm of parsed.alarms) {
    assert.ok(alarm.section === 'sent' || alarm.section === 'unsent');
    assert.equal(typeof alarm.name, 'string');
    for (const value of Object.values(alarm.params)) assert.equal(typeof value, 'string');
  }
  assert.ok(parsed.warnings.length <= 101);
  for (const warning of parsed.warnings) assert.equal(typeof warning, 'string');
  if (parsed.failure !== null) {
    assert.ok(parsed.failure.kind === 'parse' || parsed.failure.kind === 'unsupported');
    assert.ok(parsed.failure.message.length > 0);
    assert.deepEqual(parsed.alarms, []);
  }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('parseShowUnreg properties', () => {
  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ size: 'medium' }), anyUtf16Arbitrary, tagSoupArbitrary), (text) => {
        assertWellFormed(parseShowUnreg(text));
      }),
      RUNS,
    );
  });

  it('never throws on random bytes read as UTF-8 or latin1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000, size: 'large' }), (bytes) => {
        const buffer = Buffer.from(bytes);
        assertWellFormed(parseShowUnreg(buffer.toString('utf8')));
        assertWellFormed(parseShowUnreg(buffer.toString('latin1')));
      }),
      RUNS,
    );
  });

  it('gives back exactly the alarms a generated transcript was made from', () => {
    fc.assert(
      fc.property(transcriptArbitrary, ({ text, alarms }) => {
        assert.deepEqual(parseShowUnreg(text), { alarms, warnings: [], failure: null });
      }),
      RUNS,
    );
  });

  it('on a transcript cut anywhere, returns exactly the complete alarms before the cut', () => {
    fc.assert(
      fc.property(cutTranscriptArbitrary, ({ transcript: { text, alarms }, at }) => {
        const prefix = text.slice(0, at);
        const parsed = parseShowUnreg(prefix);
        assertWellFormed(parsed);
        const complete = count(prefix, '</x-cisco-alarm>');
        assert.deepEqual(parsed.alarms, alarms.slice(0, complete));
        const cutOff = count(prefix, '<x-cisco-alarm>') > complete;
        assert.deepEqual(
          parsed.warnings.map((warning) => /is cut off \(the output ended/.test(warning)),
          cutOff ? [true] : [],
        );
      }),
      RUNS,
    );
  });

  it('reads concatenated transcripts and noise lines as the alarms of each transcript in turn', () => {
    const noise = fc
      .oneof(fc.string(), anyUtf16Arbitrary, tagSoupArbitrary)
      .filter((text) => !/x-cisco-alarm|alarms/i.test(text))
      .map((text) => ({ text: `${text}\n`, alarms: [] }));
    fc.assert(
      fc.property(fc.array(fc.oneof(transcriptArbitrary, noise), { maxLength: 6 }), (parts) => {
        const parsed = parseShowUnreg(parts.map((part) => part.text).join(''));
        assertWellFormed(parsed);
        assert.deepEqual(
          parsed.alarms,
          parts.flatMap((part) => part.alarms),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('after a transcript cut anywhere, still reads the next transcript whole', () => {
    fc.assert(
      fc.property(cutTranscriptArbitrary, transcriptArbitrary, ({ transcript: first, at }, second) => {
        const prefix = first.text.slice(0, at);
        const parsed = parseShowUnreg(`${prefix}\n${second.text}`);
        assertWellFormed(parsed);
        const complete = count(prefix, '</x-cisco-alarm>');
        assert.deepEqual(parsed.alarms, [...first.alarms.slice(0, complete), ...second.alarms]);
      }),
      { numRuns: 150 },
    );
  });
});
