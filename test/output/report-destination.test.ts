import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openAtomicFile, streamDestination } from '../../src/output/report-destination.js';
import { generateAlarms, generatePhone, seededRandom } from '../../src/simulator/alarm-generator.js';
import { formatShowUnreg } from '../../src/simulator/show-unreg-text.js';
import { CLI_PATH } from '../helpers/paths.js';

describe('openAtomicFile', () => {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'unreg-atomic-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes to a temporary file in the same folder and renames it over the target at commit', async () => {
    const path = join(folder, 'replace', 'report.csv');
    await mkdir(join(folder, 'replace'));
    await writeFile(path, 'earlier report\n');
    const file = await openAtomicFile(path);
    await file.write('host,port\r\n');
    await file.write('東京,22\r\n');
    const during = await readdir(join(folder, 'replace'));
    assert.equal(during.length, 2);
    assert.match(during.find((name) => name !== 'report.csv') ?? '', /^\.report\.csv\.[0-9a-f]+\.tmp$/);
    assert.equal(await readFile(path, 'utf8'), 'earlier report\n');
    await file.commit();
    assert.equal(await readFile(path, 'utf8'), 'host,port\r\n東京,22\r\n');
    assert.deepEqual(await readdir(join(folder, 'replace')), ['report.csv']);
  });

  it('on abort leaves the earlier file untouched and no temporary file behind', async () => {
    const path = join(folder, 'abort', 'report.json');
    await mkdir(join(folder, 'abort'));
    await writeFile(path, '{"earlier":true}\n');
    const file = await openAtomicFile(path);
    await file.write('{"half":');
    await file.abort();
    await file.abort();
    assert.equal(await readFile(path, 'utf8'), '{"earlier":true}\n');
    assert.deepEqual(await readdir(join(folder, 'abort')), ['report.json']);
  });

  it('creates a folder that does not exist yet', async () => {
    const path = join(folder, 'new', 'nested', 'unreg.ndjson');
    const file = await openAtomicFile(path);
    await file.write('{}\n');
    await file.commit();
    assert.equal(await readFile(path, 'utf8'), '{}\n');
  });

  it('leaves no temporary file when the process exits before commit (a second Ctrl-C)', async () => {
    const path = join(folder, 'exit', 'report.csv');
    await mkdir(join(folder, 'exit'));
    await writeFile(path, 'earlier\n');
    const module = new URL('../../src/output/report-destination.js', import.meta.url).href;
    const script = `const { openAtomicFile } = await import(${JSON.stringify(module)});
      const file = await openAtomicFile(${JSON.stringify(path)});
      await file.write('half a report');
      process.exit(130);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    const status = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(status, 130);
    assert.deepEqual(await readdir(join(folder, 'exit')), ['report.csv']);
    assert.equal(await readFile(path, 'utf8'), 'earlier\n');
  });

  it('refuses at once a target that exists and is not a file, before anything is written', async () => {
    const path = join(folder, 'blocked', 'report.csv');
    await mkdir(join(path, 'in-the-way'), { recursive: true });
    await assert.rejects(openAtomicFile(path), { message: `${path} exists and is not a file` });
    assert.deepEqual(await readdir(join(folder, 'blocked')), ['report.csv']);
  });

  it('fails at commit with an OutputFileError when the target became unreplaceable, and abort cleans up', async () => {
    const path = join(folder, 'late', 'report.csv');
    const file = await openAtomicFile(path);
    await file.write('x');
    await mkdir(join(path, 'in-the-way'), { recursive: true });
    await assert.rejects(file.commit(), { name: 'OutputFileError' });
    await file.abort();
    assert.deepEqual(await readdir(join(folder, 'late')), ['report.csv']);
    assert.deepEqual(await readdir(path), ['in-the-way']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(folder, 'private-file');
    await writeFile(path, 'old', { mode: 0o600 });
    const file = await openAtomicFile(path);
    await file.write('new');
    await file.commit();
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal(await readFile(path, 'utf8'), 'new');
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
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'unreg-epipe-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('ends normally, with no error on stderr, when stdout is closed after the first chunk (`| head`)', async () => {
    // Many files with many alarms: megabytes of JSON, far more than a pipe buffer.
    const random = seededRandom(7);
    const files: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const file = join(folder, `phone-${index}.txt`);
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
