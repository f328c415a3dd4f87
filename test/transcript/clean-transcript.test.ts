import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanTranscript } from '../../src/transcript/clean-transcript.js';

describe('cleanTranscript', () => {
  it('returns text without CR, NUL, BEL or ESC unchanged', () => {
    const text = 'DEBUG> show unreg\n<String name="a">x</String>\n';
    assert.equal(cleanTranscript(text), text);
  });

  it('turns CRLF and CR CR LF into LF and drops NUL and stray CR', () => {
    assert.equal(cleanTranscript('a\r\nb\r\r\nc\u0000d\re\n'), 'a\nb\ncde\n');
  });

  it('drops CSI sequences: colours, cursor moves, private modes, 8-bit CSI', () => {
    assert.equal(
      cleanTranscript('\u001b[1;32mgreen\u001b[0m \u001b[24;1Hat\u001b[?25l\u001b[K \u009b31mred'),
      'green at red',
    );
  });

  it('drops OSC titles ended by BEL or ST, and an unterminated one only to the end of its line', () => {
    assert.equal(cleanTranscript('\u001b]0;title\u0007a\u001b]2;t\u001b\\b'), 'ab');
    assert.equal(cleanTranscript('\u001b]0;title\n<x-cisco-alarm>'), '\n<x-cisco-alarm>');
  });

  it('drops charset choices, two-byte escapes and a lone ESC', () => {
    assert.equal(cleanTranscript('a\u001b(Bb\u001b7c\u001b8d\u001b=e\u001b'), 'abcde');
  });

  it('keeps line breaks, so line numbers stay those of the original', () => {
    const raw = '\u001b[1ma\r\n\u001b]0;x\nb\r\n';
    assert.equal(cleanTranscript(raw).split('\n').length, raw.split('\n').length);
  });
});
