import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { expandOutputPath, streamDestination } from '../../src/output/report-destination.js';
import { generateAlarms, generatePhone, seededRandom } from '../../src/simulator/alarm-generator.js';
import { formatShowUnreg } from '../../src/simulator/show-unreg-text.js';
import { CLI_PATH } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('expandOutputPath', () => {
  it('expands {date} and {time} in UTC, every occurrence', () => {
    // 23:59:58 on 31 Dec in UTC is already 1 Jan in Tokyo: the file name must not depend on TZ.
    const now = new Date('2024-12-31T23:59:58.999Z');
    assert.equal(expandOutputPath('reports/unreg-{date}.csv', now), 'reports/unreg-2024-12-31.csv');
    assert.equal(expandOutputPath('{date}/{time}-{date}.json', now), '2024-12-31/235958-2024-12-31.json');
    assert.equal(expandOutputPath('plain.csv', now), 'plain.csv');
    assert.equal(expandOutputPath('{Date}{times}', now), '{Date}{times}');
  });
});

describe('streamDestination', () => {
  it('waits for drain when the stream is full, and not otherwise', async () => {
    const stream = new HeldWritable();
    const destination = streamDestination(stream);
    let written = false;
    const write = destination.write('x'.repeat(64)).then(() => {
      written = true;
    });
    await nextTurn();
    assert.equal(written, false, 'resolved before the stream drained');
    stream.release();
    await write;
    assert.deepEqual(stream.chunks, ['x'.repeat(64)]);
    await destination.write('small');
    assert.equal(stream.chunks.length, 2);
  });

  it('stops waiting and drops further output once the stream errs or is destroyed', async () => {
    const stream = new HeldWritable();
    const destination = streamDestination(stream);
    const write = destination.write('x'.repeat(64));
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await write;
    await destination.write('after');
    await destination.commit();
    assert.deepEqual(stream.chunks, ['x'.repeat(64)]);
  });

  it('does not wait for a drain that never comes from a stream closed without an error', async () => {
    const stream = new HeldWritable();
    const destination = streamDestination(stream);
    const write = destination.write('x'.repeat(64));
    stream.destroy();
    await write;
    // Written after the close: node reports that only to a write callback, never as an event.
    await destination.write('y'.repeat(64));
    assert.deepEqual(stream.chunks, ['x'.repeat(64)]);
  });

  it('survives a reader that went away (EPIPE on a real pipe)', async () => {
    // The reader takes one chunk and exits: later writes hit a closed pipe.
    const reader = spawn(process.execPath, ['-e', "process.stdin.once('data', () => process.exit(0))"], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => reader.once('exit', resolve));
    const destination = streamDestination(reader.stdin);
    await destination.write('first\n');
    await exited;
    const errors: unknown[] = [];
    reader.stdin.on('error', (error) => errors.push(error));
    for (let index = 0; index < 200; index += 1) await destination.write(`${'y'.repeat(4096)}\n`);
    await destination.commit();
    assert.ok(errors.length > 0 || reader.stdin.destroyed, 'the pipe should have failed');
  });
});

describe('the built CLI writing to a reader that goes away', () => {
  const folder = withTempDir('unreg-epipe-');

  it('ends normally, with no error on stderr, when stdout is closed after the first chunk (`| head`)', async () => {
    // Many files with many alarms: megabytes of JSON, far more than a pipe buffer.
    const random = seededRandom(7);
    const files: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const file = folder.join(`phone-${index}.txt`);
      await writeFile(file, formatShowUnreg(generateAlarms(generatePhone(index, random), 100, random)));
      files.push(file);
    }
    const child = spawn(process.execPath, [CLI_PATH, 'parse', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});

/** A writable that holds every write until released, like a slow terminal or pipe. */
class HeldWritable extends Writable {
  readonly chunks: string[] = [];
  private readonly held: (() => void)[] = [];

  constructor() {
    super({ highWaterMark: 16, decodeStrings: false });
  }

  override _write(chunk: string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    this.held.push(callback);
  }

  release(): void {
    for (const callback of this.held.splice(0)) callback();
  }
}
