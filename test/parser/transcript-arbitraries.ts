import fc from 'fast-check';
import type { ParsedAlarm } from '../../src/parser/parsed-alarm.js';
import { generateAlarms, generatePhone, seededRandom } from '../../src/simulator/alarm-generator.js';
import { formatShowUnreg } from '../../src/simulator/show-unreg-text.js';

/** A `show unreg` transcript and the alarms it was made from. */
export interface GeneratedTranscript {
  readonly text: string;
  readonly alarms: readonly ParsedAlarm[];
}

/** How the text reached us: as formatted, or through a pty with prompts and colour. */
interface Delivery {
  readonly crlf: boolean;
  readonly prompts: boolean;
  readonly colour: boolean;
}

function deliver(text: string, { crlf, prompts, colour }: Delivery): string {
  let result = colour ? text.replace(/Alarms[^-\n]*UCM/g, (header) => `\u001b[1;33m${header}\u001b[0m`) : text;
  if (prompts)
    result = `\u001b[32mDEBUG>\u001b[0m show unreg\n${result}DEBUG> `.replace(/\u001b\[[\d;]*m/g, colour ? '$&' : '');
  return crlf ? result.replace(/\n/g, '\r\n') : result;
}

/** Zero to five generated alarms of one phone, formatted and delivered in any of the ways above. */
export const transcriptArbitrary: fc.Arbitrary<GeneratedTranscript> = fc
  .record({
    seed: fc.integer(),
    index: fc.nat(0xffffff),
    count: fc.integer({ min: 0, max: 5 }),
    delivery: fc.record({ crlf: fc.boolean(), prompts: fc.boolean(), colour: fc.boolean() }),
  })
  .map(({ seed, index, count, delivery }) => {
    const random = seededRandom(seed);
    const alarms = generateAlarms(generatePhone(index, random), count, random);
    return { text: deliver(formatShowUnreg(alarms), delivery), alarms };
  });

// Pieces of phone output and of its markup, so random text often comes near
// the parser's paths instead of being plain letters.
const FRAGMENTS = [
  'Alarms sent out to UCM',
  'Alarms not yet sent out to UCM',
  '-----',
  '<x-cisco-alarm>',
  '</x-cisco-alarm>',
  '<?xml version="1.0"?>',
  '<Alarm Name="LastOutOfServiceInformation">',
  '<String name="DeviceName">',
  "<Enum name='ReasonForOutOfService'>",
  '</String>',
  '</Enum>',
  '<String name="x"/>',
  '<not open>',
  '<!DOCTYPE a [<!ENTITY x "y">]>',
  '&amp;',
  '&#x1F4DE;',
  '&xxe;',
  '<',
  '>',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '\r',
  '\u0000',
  '\u001b[31m',
  '\u001b]0;',
  '\u001b',
  'DEBUG> ',
  'Unknown command',
  '10',
  '1461229373181',
];

/** Random text made of markup fragments, each followed by a few random characters. */
export const tagSoupArbitrary: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.nat(FRAGMENTS.length - 1), fc.string({ maxLength: 3 })), { maxLength: 80, size: 'medium' })
  .map((parts) => parts.map(([index, text]) => `${FRAGMENTS[index] ?? ''}${text}`).join(''));

/**
 * Any UTF-16 text, lone surrogates included. (fast-check's `binary` unit
 * would do, but builds a table of every code point first: seconds per run.)
 */
export const anyUtf16Arbitrary: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { size: 'medium' })
  .map((codes) => String.fromCharCode(...codes));

/**
 * A generated transcript and a position in it. fast-check's doubles lean to
 * 0 and 1, so a position drawn from one would rarely fall inside a block.
 */
export const cutTranscriptArbitrary: fc.Arbitrary<{ transcript: GeneratedTranscript; at: number }> =
  transcriptArbitrary.chain((transcript) =>
    fc.record({ transcript: fc.constant(transcript), at: fc.integer({ min: 0, max: transcript.text.length }) }),
  );
