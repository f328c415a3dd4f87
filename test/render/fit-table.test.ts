import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { type ColumnSpec, fitLayout, fitTable, fitText, LIST_BELOW } from '../../src/render/fit-table.js';
import { cellRows } from '../helpers/grid-cells.js';

const COLUMNS: ColumnSpec[] = [
  { header: 'code', align: 'right' },
  { header: 'name', shrink: true, minWidth: 12 },
  { header: 'category', shrink: true, priority: 1 },
  { header: 'phones', align: 'right' },
  { header: 'message', shrink: true, minWidth: 16, maxWidth: 60 },
];

const ROWS = [
  ['10', 'TCPtimeOut', 'network', '21', 'the phone lost its TCP connection to CUCM after keepalives went unanswered'],
  ['18', 'TCPclosedConnectHighPriorityUcm', 'CUCM-initiated', '1', 'CUCM of a higher priority came back'],
];

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(line)));
}

describe('fitTable', () => {
  it('into a pipe (no width) draws every column at its natural width, a maxWidth column wrapped', () => {
    const text = fitTable(COLUMNS, ROWS, { width: null });
    const lines = cellRows(text);
    assert.deepEqual(lines[0], ['code', 'name', 'category', 'phones', 'message']);
    assert.deepEqual(lines[1]?.slice(0, 4), ['10', 'TCPtimeOut', 'network', '21']);
    // The message wraps at 60 columns, as the Failed table always did.
    assert.equal(lines[1]?.[4]?.length, 'the phone lost its TCP connection to CUCM after keepalives'.length);
    assert.equal(lines[2]?.[4], 'went unanswered');
    assert.ok(text.includes('TCPclosedConnectHighPriorityUcm'));
  });

  it('on a terminal keeps every line within its width, whatever the width and the text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', '.', '/', 'é', '漢', '1'), maxLength: 90 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 })),
        (width, rows) => {
          const text = fitTable(COLUMNS, rows, { width });
          // Only a word longer than a one-column list value could overflow: never at these widths.
          assert.ok(widest(text) <= Math.max(width, 8), `${widest(text)} > ${width}:\n${text}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps fixed columns (codes, counts) whole and wraps the shrinkable ones inside their cells', () => {
    const text = fitTable(COLUMNS, ROWS, { width: 70 });
    assert.ok(widest(text) <= 70);
    const lines = cellRows(text);
    assert.ok(lines.length > 3, 'the long texts wrapped');
    assert.deepEqual(
      lines.map((cells) => [cells[0], cells[3]]).filter(([code]) => code !== ''),
      [
        ['code', 'phones'],
        ['10', '21'],
        ['18', '1'],
      ],
    );
    // Every word of the message is still there, in order.
    const message = lines
      .slice(1)
      .map((cells) => cells.at(-1))
      .join(' ');
    assert.ok(message.replace(/\s+/g, ' ').startsWith(ROWS[0]?.[4] ?? ''), message);
  });

  it('drops the lowest-priority column rather than squeeze the others below their minimum', () => {
    const natural = [4, 31, 14, 6, 60];
    assert.deepEqual(fitLayout(COLUMNS, natural, 200)?.shown, [0, 1, 2, 3, 4]);
    assert.deepEqual(fitLayout(COLUMNS, natural, 200)?.widths, natural);
    const at60 = fitLayout(COLUMNS, natural, 60);
    assert.deepEqual(at60?.shown, [0, 1, 3, 4]);
    // 60 = the texts plus 3 per column plus 1: fixed 4 and 6, the rest shared, the narrower first.
    assert.equal((at60?.widths ?? []).reduce((sum, width) => sum + width, 0) + 3 * 4 + 1, 60);
    assert.deepEqual(at60?.widths.slice(0, 1), [4]);
    assert.equal(at60?.widths[2], 6);
    assert.ok(!cellRows(fitTable(COLUMNS, ROWS, { width: 60 }))[0]?.includes('category'));
  });

  it('never widens a column past its text', () => {
    const layout = fitLayout(COLUMNS, [4, 10, 7, 6, 20], 200);
    assert.deepEqual(layout?.widths, [4, 10, 7, 6, 20]);
  });

  it(`below ${LIST_BELOW} columns prints key: value lines, every value kept, a blank line between rows`, () => {
    const text = fitTable(COLUMNS, ROWS, { width: 30 });
    assert.ok(!text.includes('║'));
    assert.ok(widest(text) <= 30, text);
    const records = text.trimEnd().split('\n\n');
    assert.equal(records.length, 2);
    assert.match(records[0] ?? '', /^code: 10\nname: TCPtimeOut\ncategory: network\nphones: 21\nmessage: the phone/);
    // A long value wraps with its continuations indented.
    assert.match(records[1] ?? '', /^name:\n {2}TCPclosedConnectHighPriority\n {2}Ucm$/m);
  });

  it('falls back to the list when even the narrowest grid is too wide', () => {
    const wide: ColumnSpec[] = Array.from({ length: 8 }, (_, index) => ({ header: `fixed-${index}` }));
    const text = fitTable(wide, [wide.map(() => 'a-fixed-value')], { width: 100 });
    assert.ok(!text.includes('║'));
    assert.match(text, /^fixed-0: a-fixed-value$/m);
  });

  it('puts a note under its row across the whole width, made for the width it gets', () => {
    const asked: number[] = [];
    const note = (width: number) => {
      asked.push(width);
      return `${'x'.repeat(width)}\nsecond line`;
    };
    const text = fitTable(COLUMNS, ROWS, { width: 80, notes: [note, undefined] });
    assert.ok(widest(text) <= 80);
    assert.equal(asked[0], 80 - 4);
    assert.ok(text.includes(`║ ${'x'.repeat(76)} ║`));
    assert.ok(text.includes('second line'));
    // A rule between rows that carry notes.
    assert.equal(text.match(/^╟/gm)?.length, 2);
    const listed = fitTable(COLUMNS, ROWS, { width: 30, notes: [note, undefined] });
    assert.match(listed, /^ {2}x{28}\n {2}second line$/m);
  });

  it('makes every cell and note terminal-safe', () => {
    const evil = 'a\u001b[2Jb\u009b31mc\u202ed\te';
    const text = fitTable(COLUMNS, [[evil, evil, evil, evil, evil]], { width: null, notes: [() => evil] });
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const listed = fitTable(COLUMNS, [[evil, evil, evil, evil, evil]], { width: 30, notes: [() => evil] });
    assert.doesNotMatch(listed, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it('styles headers and list keys with the heading function', () => {
    const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
    const grid = fitTable(COLUMNS, ROWS, { width: 100, heading: bold });
    assert.ok(grid.includes('\u001b[1mcode\u001b[22m'));
    assert.ok(widest(grid.replace(/\u001b\[\d+m/g, '')) <= 100);
    assert.match(fitTable(COLUMNS, ROWS, { width: 30, heading: bold }), /^\u001b\[1mcode:\u001b\[22m 10$/m);
  });
});

describe('fitText', () => {
  it('leaves text alone without a width, and wraps long lines with indented continuations', () => {
    const text = 'Phones: 27 total, 24 ok, 3 failed, 23 with alarms\nshort';
    assert.equal(fitText(text, null), text);
    assert.equal(fitText(text, 100), text);
    assert.equal(fitText(text, 30), 'Phones: 27 total, 24 ok, 3\n  failed, 23 with alarms\nshort');
  });
});
