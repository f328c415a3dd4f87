import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import { createReferenceXmlParser, referenceAlarm } from '../helpers/reference-xml-parser.js';

// Differential test: on well-formed alarm blocks (values XML-escaped), our
// lenient parser must read exactly what a strict XML parser reads.

const reference = createReferenceXmlParser();

// Code points above the C1 controls, surrogates left out.
const nonAscii = fc
  .integer({ min: 0xa0, max: 0x10ffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCodePoint(code));
const SPECIALS = ['<', '>', '&', '"', "'", ' ', '\t', '\n', '\u00a0', '<not open>', '&amp;', ']]>', '=', '/', '&#233;'];

/** Text a phone could put in a value: markup characters, any letters, line breaks; no control characters. */
const valueText = fc
  .array(
    fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 6 }), fc.string({ unit: nonAscii, maxLength: 2 })),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
/** Attribute text: as above without tab and line break, which XML would normalise to spaces. */
const attributeText = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/),
  valueText.map((text) => text.replace(/[\t\n]/g, '')),
);

type Quote = '"' | "'";
const quote = fc.constantFrom<Quote>('"', "'");

function escapeAttribute(text: string, mark: Quote, extra: boolean): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const quoted = mark === '"' ? escaped.replace(/"/g, '&quot;') : escaped.replace(/'/g, '&apos;');
  return extra ? quoted.replace(/>/g, '&gt;') : quoted;
}

function escapeText(text: string, extra: boolean): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return extra ? escaped.replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;') : escaped;
}

const parameter = fc.record({
  tag: fc.constantFrom('String', 'Enum'),
  name: attributeText,
  value: valueText,
  quote,
  escapeMore: fc.boolean(),
  selfClose: fc.boolean(),
});
type Parameter = typeof parameter extends fc.Arbitrary<infer T> ? T : never;

const layout = fc.record({
  declaration: fc.boolean(),
  separator: fc.constantFrom('\n', '', ' ', '\n  '),
  space: fc.constantFrom('', ' ', '  '),
});
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function parameterXml(p: Parameter, space: string): string {
  const open = `<${p.tag} name${space}=${space}${p.quote}${escapeAttribute(p.name, p.quote, p.escapeMore)}${p.quote}${space}`;
  if (p.value === '' && p.selfClose) return `${open}/>`;
  return `${open}>${escapeText(p.value, p.escapeMore)}</${p.tag}${space}>`;
}

/** One well-formed `<x-cisco-alarm>` document, laid out in one of the ways XML allows. */
function blockXml(
  alarmName: string,
  mark: Quote,
  parameters: readonly Parameter[],
  { declaration, separator, space }: Layout,
) {
  const lines = [
    ...(declaration ? ['<?xml version="1.0" encoding="UTF-8"?>'] : []),
    '<x-cisco-alarm>',
    `<Alarm Name${space}=${space}${mark}${escapeAttribute(alarmName, mark, false)}${mark}${space}>`,
    '<ParameterList>',
    ...parameters.map((p) => parameterXml(p, space)),
    '</ParameterList>',
    '</Alarm>',
    '</x-cisco-alarm>',
  ];
  return lines.join(separator);
}

describe('parseShowUnreg against fast-xml-parser', () => {
  it('reads the same Alarm Name and parameters from well-formed blocks', () => {
    const block = fc.record({
      alarmName: attributeText,
      mark: quote,
      parameters: fc.uniqueArray(parameter, { selector: (p) => p.name, maxLength: 12 }),
      layout,
    });
    fc.assert(
      fc.property(block, ({ alarmName, mark, parameters, layout }) => {
        const xml = blockXml(alarmName, mark, parameters, layout);
        assert.ok(!xml.includes('<!'), 'the reference only ever sees blocks without DOCTYPE');
        const expected = referenceAlarm(reference.parse(xml));
        const generated = Object.fromEntries(parameters.map((p) => [p.name, p.value]));
        assert.deepEqual(expected, { name: alarmName, params: generated }, 'the reference reads what was generated');
        const parsed = parseShowUnreg(`-----Alarms sent out to UCM-----\n${xml}\n`);
        assert.deepEqual(parsed, {
          alarms: [{ section: 'sent', name: expected.name, params: expected.params }],
          warnings: [],
          failure: null,
        });
      }),
      { numRuns: 300 },
    );
  });
});
