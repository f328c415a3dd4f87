import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import { SEED_PARAMS } from '../../src/simulator/alarm-generator.js';
import { parseFixture, seedParams } from './seed-alarm.js';

// One fixture per rule of issue 2, section 3; each made from the seed's
// CP-8861 example (test/fixtures/show-unreg/seed-cp8861.txt).

/** Section and device of each alarm, in order. */
function sectionsAndDevices(name: string): [string, string | undefined][] {
  return parseFixture(name).alarms.map((alarm) => [alarm.section, alarm.params.DeviceName]);
}

describe('parseShowUnreg on fixtures', () => {
  it('reads the seed example: one unsent alarm with every parameter verbatim', () => {
    const parsed = parseFixture('seed-cp8861.txt');
    assert.equal(parsed.failure, null);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.alarms, [{ section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
  });

  it('finds both section headers whatever dashes (or none) surround them', () => {
    assert.deepEqual(sectionsAndDevices('headers-any-dashes.txt'), [
      ['sent', 'SEP000000000001'],
      ['unsent', 'SEP000000000002'],
    ]);
  });

  it('puts each alarm under the last header before it', () => {
    assert.deepEqual(sectionsAndDevices('section-last-header.txt'), [
      ['sent', 'SEP00000000000A'],
      ['unsent', 'SEP00000000000B'],
      ['unsent', 'SEP00000000000C'],
    ]);
  });

  it('reads several blocks per section, in order, each with its own reason', () => {
    const parsed = parseFixture('several-blocks.txt');
    assert.deepEqual(
      parsed.alarms.map((alarm) => [alarm.section, alarm.params.ReasonForOutOfService]),
      [
        ['sent', '10'],
        ['sent', '12'],
        ['sent', '13'],
        ['unsent', '14'],
        ['unsent', '18'],
      ],
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it('reads blocks with and without their <?xml ...?> line alike', () => {
    const parsed = parseFixture('xml-declaration-optional.txt');
    assert.deepEqual(
      parsed.alarms.map((alarm) => alarm.params),
      ['SEP0000000000D1', 'SEP0000000000D2', 'SEP0000000000D3'].map((device) => seedParams({ DeviceName: device })),
    );
  });

  it('drops CRLF, stray CR and NUL bytes', () => {
    const parsed = parseFixture('crlf-cr-nul.txt');
    assert.deepEqual(parsed.alarms, [{ section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
    assert.deepEqual(parsed.warnings, []);
  });

  it('drops ANSI escapes (colour, cursor, erase, title, charset)', () => {
    const parsed = parseFixture('ansi-escapes.txt');
    assert.deepEqual(parsed.alarms, [{ section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
  });

  it('ignores the echoed command, the login dialogue and DEBUG> prompts', () => {
    const parsed = parseFixture('echo-and-prompts.txt');
    assert.equal(parsed.failure, null);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.alarms, [{ section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
  });

  it('accepts single and double quotes around attribute values', () => {
    assert.deepEqual(parseFixture('quotes.txt').alarms, [
      { section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS },
    ]);
  });

  it('accepts spaces inside tags', () => {
    const parsed = parseFixture('spaces-in-tags.txt');
    assert.deepEqual(parsed.alarms, [{ section: 'unsent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
    assert.deepEqual(parsed.warnings, []);
  });

  it('ignores text after a closing tag on the same line', () => {
    const parsed = parseFixture('text-after-closing-tag.txt');
    assert.deepEqual(parsed.alarms[0]?.params, SEED_PARAMS);
    assert.deepEqual(parsed.warnings, []);
  });

  it('keeps an unescaped <not open> (and other stray < > &) in a value', () => {
    const parsed = parseFixture('unescaped-not-open.txt');
    assert.deepEqual(
      parsed.alarms[0]?.params,
      seedParams({ LastProtocolEventReceived: '<not open>', NeighborDeviceID: 'sw <core> & edge' }),
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it('keeps empty values as empty strings: pairs, self-closing tags, whitespace verbatim', () => {
    const parsed = parseFixture('empty-values.txt');
    assert.deepEqual(
      parsed.alarms[0]?.params,
      seedParams({ NeighborDeviceID: '', NeighborPortID: '', UnifiedCMIPAddress: ' ' }),
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it('keeps an empty ReasonForOutOfService as an empty string (decoded as unknown, not 0)', () => {
    assert.equal(parseFixture('empty-reason.txt').alarms[0]?.params.ReasonForOutOfService, '');
  });

  it('keeps TimeStamp verbatim, in milliseconds or seconds', () => {
    assert.deepEqual(
      parseFixture('timestamp-ms-and-seconds.txt').alarms.map((alarm) => alarm.params.TimeStamp),
      ['1461229373181', '1461229373'],
    );
  });

  it('decodes the predefined XML entities and character references, and nothing else', () => {
    const params = parseFixture('xml-entities.txt').alarms[0]?.params;
    assert.equal(params?.NeighborDeviceID, `R&D <floor 2> "lab" 'b'`);
    assert.equal(params?.NeighborPortID, 'Café 📞 AB');
    // &nbsp; is no XML entity; &amp;amp; decodes once; NUL and a lone surrogate are no characters.
    assert.equal(params?.UnifiedCMIPAddress, '&nbsp;cucm&amp;&#0;&#xD800;');
    assert.equal(params?.['Note&Mark'], 'x');
  });

  it('never processes a DOCTYPE: internal and external entities stay literal', () => {
    const parsed = parseFixture('doctype-entities.txt');
    assert.equal(parsed.alarms.length, 1);
    assert.equal(parsed.alarms[0]?.params.DeviceName, '&xxe;');
    assert.equal(parsed.alarms[0]?.params.NeighborDeviceID, '&int;');
    assert.ok(!JSON.stringify(parsed).includes('INTERNAL-EXPANSION'));
    assert.ok(!JSON.stringify(parsed).includes('root:'));
    assert.deepEqual(parsed.warnings, ['a DOCTYPE declaration was ignored (entities are never expanded)']);
  });

  it('keeps every complete alarm before a block cut off mid-alarm, with a warning naming its line', () => {
    const parsed = parseFixture('cut-off-mid-alarm.txt');
    assert.equal(parsed.failure, null);
    assert.deepEqual(sectionsAndDevices('cut-off-mid-alarm.txt'), [
      ['sent', 'SEP0000000000C1'],
      ['sent', 'SEP0000000000C2'],
    ]);
    assert.deepEqual(parsed.warnings, [
      'alarm block at line 74 is cut off (the output ended before </x-cisco-alarm>); skipped',
    ]);
  });

  it('treats a block interrupted by a section header as cut off', () => {
    const parsed = parseFixture('cut-off-by-header.txt');
    assert.deepEqual(sectionsAndDevices('cut-off-by-header.txt'), [['unsent', 'SEP0000000000F2']]);
    assert.deepEqual(parsed.warnings, [
      'alarm block at line 6 is cut off (a section header came before </x-cisco-alarm>); skipped',
    ]);
  });

  it('fails with kind parse on text with neither header nor block', () => {
    const parsed = parseFixture('no-show-unreg-output.txt');
    assert.deepEqual(parsed.alarms, []);
    assert.equal(parsed.failure?.kind, 'parse');
    assert.match(parsed.failure?.message ?? '', /no show unreg output/);
  });

  it('fails with kind unsupported when old firmware does not know the command', () => {
    const parsed = parseFixture('unknown-command.txt');
    assert.deepEqual(parsed.failure, {
      kind: 'unsupported',
      message: `the phone does not know 'show unreg': "Unknown command: show unreg"`,
    });
    assert.deepEqual(parseShowUnreg('DEBUG> show unreg\r\nsh: show: not found\r\nDEBUG> ').failure, {
      kind: 'unsupported',
      message: `the phone does not know 'show unreg': "sh: show: not found"`,
    });
  });

  it('is ok with no alarms when the headers are there but no block', () => {
    assert.deepEqual(parseFixture('headers-without-alarms.txt'), { alarms: [], warnings: [], failure: null });
  });

  it('reads a value a mail client wrapped onto the next line, line break kept', () => {
    const parsed = parseFixture('value-wrapped-over-lines.txt');
    assert.deepEqual(
      parsed.alarms[0]?.params,
      seedParams({
        LastProtocolEventSent:
          'Sent:REGISTER sip:cucm105p SIP/2.0  Cseq:118 REGISTER\nCallId:2834a282-656d000e-6cfd28bd-713281ce@192.168.1.37',
      }),
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it('reads an unclosed parameter to the end of its line, with a warning', () => {
    const parsed = parseFixture('unclosed-parameter.txt');
    assert.deepEqual(parsed.alarms[0]?.params, SEED_PARAMS);
    assert.deepEqual(parsed.warnings, [
      'alarm block at line 8: parameter ModelNumber has no closing tag; value read to end of line',
    ]);
  });

  it('counts a pasted block with no section header as sent, with a warning', () => {
    const parsed = parseFixture('block-without-header.txt');
    assert.equal(parsed.failure, null);
    assert.deepEqual(parsed.alarms, [{ section: 'sent', name: 'LastOutOfServiceInformation', params: SEED_PARAMS }]);
    assert.deepEqual(parsed.warnings, ['alarm block at line 2 comes before any section header; counted as sent']);
  });
});

describe('parseShowUnreg on hostile or odd input', () => {
  it('fails with kind parse on empty input', () => {
    assert.deepEqual(parseShowUnreg(''), {
      alarms: [],
      warnings: [],
      failure: { kind: 'parse', message: 'empty input: no show unreg output' },
    });
  });

  it('keeps a parameter named __proto__ as a key, without touching the prototype', () => {
    const parsed = parseShowUnreg(
      '<x-cisco-alarm><Alarm Name="A"><String name="__proto__">x</String><String name="b">y</String></Alarm></x-cisco-alarm>',
    );
    const params = parsed.alarms[0]?.params ?? {};
    assert.deepEqual(Object.keys(params), ['__proto__', 'b']);
    assert.equal(Object.getPrototypeOf(params), Object.prototype);
    assert.equal(JSON.parse(JSON.stringify(params)).b, 'y');
  });

  it('skips a block without <Alarm Name>, with a warning', () => {
    const parsed = parseShowUnreg(
      'Alarms sent out to UCM\n<x-cisco-alarm>\n<String name="a">1</String>\n</x-cisco-alarm>\n',
    );
    assert.deepEqual(parsed.alarms, []);
    assert.deepEqual(parsed.warnings, ['alarm block at line 2 has no <Alarm Name="...">; skipped']);
  });

  it('reads a megabyte of spaces in a tag left open, after a lone < or a header word, in one pass', () => {
    // Each would take minutes if a pattern retried every split of the spaces.
    const spaces = ' '.repeat(1_000_000);
    const open = `Alarms sent out to UCM\n<x-cisco-alarm><Alarm Name="A"><String name="x"${spaces}</x-cisco-alarm>`;
    assert.deepEqual(
      parseShowUnreg(open).alarms.map((alarm) => [alarm.name, alarm.params]),
      [['A', {}]],
    );
    for (const hostile of [`<${spaces}x`, `Alarms${spaces}x`, `<String name="x"${spaces}/${spaces}>`]) {
      assert.equal(parseShowUnreg(hostile).failure?.kind, 'parse');
    }
  });

  it('tells a self-closing parameter tag by its last character before >, spaces allowed', () => {
    const parsed = parseShowUnreg(
      '<x-cisco-alarm><Alarm Name="A"><String name="a" / ><String name="b" x="1"/><String name="c">v</String></Alarm></x-cisco-alarm>',
    );
    assert.deepEqual(parsed.alarms[0]?.params, { a: '', b: '', c: 'v' });
  });

  it('caps the warnings of a transcript made of cut-off blocks', () => {
    const parsed = parseShowUnreg('<x-cisco-alarm>\n'.repeat(5000));
    assert.equal(parsed.warnings.length, 101);
    assert.equal(parsed.warnings[100], '4900 more warnings not shown');
    assert.match(parsed.warnings[99] ?? '', /^alarm block at line 100 is cut off/);
  });
});
