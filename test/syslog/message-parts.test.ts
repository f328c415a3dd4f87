import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type IncompleteMessage, MessageParts } from '../../src/syslog/message-parts.js';
import { ciscoHeader, SEED_LAST_OUT_OF_SERVICE, splitInParts } from './sample-lines.js';

const MARKER = '%UC_-6-LastOutOfServiceInformation: ';
const WHOLE = `${ciscoHeader('Apr 21 2016 09:02:53.000 UTC')}${SEED_LAST_OUT_OF_SERVICE}`;

function collect(): { parts: MessageParts; given: IncompleteMessage[] } {
  const given: IncompleteMessage[] = [];
  return { parts: new MessageParts((incomplete) => given.push(incomplete)), given };
}

describe('MessageParts', () => {
  it('passes a line that is no part through as it is', () => {
    const { parts } = collect();
    assert.deepEqual(parts.add(WHOLE, 7), { text: WHOLE, line: 7 });
    assert.deepEqual(parts.add('any other line', 8), { text: 'any other line', line: 8 });
  });

  it('joins the parts of a message, in any order and between other lines, into the line it was', () => {
    const { parts, given } = collect();
    const [first, second, third] = splitInParts(WHOLE, 3) as [string, string, string];
    assert.equal(parts.add(second, 11), null);
    assert.deepEqual(parts.add(WHOLE, 12), { text: WHOLE, line: 12 });
    assert.equal(parts.add(first, 13), null);
    // Part 1's header and line; every part's text after its tag.
    assert.deepEqual(parts.add(third, 14), { text: WHOLE, line: 11 });
    parts.end();
    assert.deepEqual(given, []);
  });

  it('keeps two split messages apart by their sequence number', () => {
    const { parts } = collect();
    const one = splitInParts(WHOLE, 2, 5);
    const other = WHOLE.replace('SEP2834A282656D', 'SEP000000000001');
    const two = splitInParts(other, 2, 6);
    assert.equal(parts.add(one[0] as string, 1), null);
    assert.equal(parts.add(two[0] as string, 2), null);
    assert.deepEqual(parts.add(two[1] as string, 3), { text: other, line: 2 });
    assert.deepEqual(parts.add(one[1] as string, 4), { text: WHOLE, line: 1 });
  });

  it('reads a message of one part without its tag', () => {
    const { parts } = collect();
    assert.deepEqual(parts.add(splitInParts(WHOLE, 1)[0] as string, 3), { text: WHOLE, line: 3 });
  });

  it('gives up, naming the missing parts, a message whose parts never all came', () => {
    const { parts, given } = collect();
    const pieces = splitInParts(WHOLE, 4);
    assert.equal(parts.add(pieces[0] as string, 20), null);
    assert.equal(parts.add(pieces[2] as string, 21), null);
    parts.end();
    assert.deepEqual(given, [
      { line: 20, message: 'LastOutOfServiceInformation: part 2, 4 of 4 of a split message not found' },
    ]);
  });

  it('says when a part is given twice or does not exist', () => {
    const { parts } = collect();
    const pieces = splitInParts(WHOLE, 2);
    assert.equal(parts.add(pieces[0] as string, 1), null);
    assert.deepEqual(parts.add(pieces[0] as string, 2), {
      malformed: 'LastOutOfServiceInformation: part 1 of 2 of message 101 given twice',
    });
    assert.deepEqual(parts.add(`${MARKER}[part=101.3/2]x`, 3), {
      malformed: 'LastOutOfServiceInformation: [part=101.3/2]: no such part',
    });
  });
});
