import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { PhoneReadError } from '../../src/failure/phone-read-error.js';
import { ShellReader } from '../../src/ssh/shell-reader.js';

const untilWord =
  (word: string) =>
  (text: string): { value: string; end: number } | null => {
    const at = text.indexOf(word);
    return at === -1 ? null : { value: word, end: at + word.length };
  };
const LIMIT = { phase: 'show unreg', ms: 2000, idle: false } as const;

describe('ShellReader', () => {
  it('decodes UTF-8 split across chunks and keeps what follows a match', async () => {
    const stream = new PassThrough();
    const reader = new ShellReader(stream);
    const bytes = Buffer.from('東京 login: rest');
    stream.write(bytes.subarray(0, 1));
    stream.write(bytes.subarray(1, 4));
    stream.write(bytes.subarray(4));
    const first = await reader.waitFor(untilWord('login:'), LIMIT, new AbortController().signal);
    assert.equal(first.text, '東京 login:');
    const second = await reader.waitFor(untilWord('rest'), LIMIT, new AbortController().signal);
    assert.equal(second.text, ' rest');
  });

  it('fails with kind disconnected naming the phase when the stream closes first', async () => {
    const stream = new PassThrough();
    const reader = new ShellReader(stream);
    const waiting = reader.waitFor(untilWord('never'), LIMIT, new AbortController().signal);
    stream.end('partial output');
    await assert.rejects(waiting, (error: PhoneReadError) => {
      assert.equal(error.kind, 'disconnected');
      assert.equal(error.message, 'the phone closed the session during show unreg');
      return true;
    });
    assert.equal(reader.unread, 'partial output');
  });

  it('fails with kind timeout after the limit, and gives the abort reason when aborted', async () => {
    const reader = new ShellReader(new PassThrough());
    await assert.rejects(reader.waitFor(untilWord('x'), { ...LIMIT, ms: 20 }, new AbortController().signal), {
      name: 'PhoneReadError',
      message: 'show unreg: not done within 0 s',
    });
    const controller = new AbortController();
    const waiting = reader.waitFor(untilWord('x'), LIMIT, controller.signal);
    controller.abort(new PhoneReadError({ type: 'interrupted', by: 'SIGINT' }));
    await assert.rejects(waiting, { message: 'interrupted by SIGINT' });
  });
});
