import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { terminalSafe } from '../../src/render/terminal-text.js';

// Nothing a terminal acts on may survive: C0, DEL, C1, and bidi controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('keeps ordinary text, Japanese included', () => {
    assert.equal(terminalSafe('SEP2834A282656D 電話機 café'), 'SEP2834A282656D 電話機 café');
  });

  it('removes CSI sequences whole (colours, cursor moves, screen clears)', () => {
    assert.equal(terminalSafe('\u001b[31mred\u001b[0m \u001b[2J\u001b[1;1Hhome'), 'red home');
    assert.equal(terminalSafe('a\u009b2Jb'), 'ab');
  });

  it('removes OSC strings (window title, hyperlinks) up to BEL or ST, or to the end', () => {
    assert.equal(terminalSafe('x\u001b]0;owned\u0007y'), 'xy');
    assert.equal(terminalSafe('x\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\y'), 'xlinky');
    assert.equal(terminalSafe('x\u009d0;title\u009cy'), 'xy');
    assert.equal(terminalSafe('x\u001b]0;never ended'), 'x');
  });

  it('removes DCS and other string controls, and two-byte and charset escapes', () => {
    assert.equal(terminalSafe('a\u001bPq#0;1\u001b\\b'), 'ab');
    assert.equal(terminalSafe('a\u001bcb\u001b7c\u001b(Bd'), 'abcd');
  });

  it('shows other controls, tabs and line breaks as one space', () => {
    assert.equal(terminalSafe('a\tb\r\nc\u0000\u0007d\u007fe\u0085f'), 'a b c d e f');
  });

  it('removes bidi controls that reorder what is shown', () => {
    assert.equal(terminalSafe('abc\u202edcba\u202c \u2067x\u2069 \u200fy'), 'abc dcba   x   y');
  });

  it('never lets a control character through, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.constantFrom('\u001b', '\u001b[', '\u001b]', '\u009b', '\u009d', '\u0007', '\u202e', '\u001b\\', ';'),
            fc.integer({ min: 0, max: 0x2100 }).map((code) => String.fromCharCode(code)),
          ),
        ),
        (parts) => !UNSAFE.test(terminalSafe(parts.join(''))),
      ),
    );
  });
});
