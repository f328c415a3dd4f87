import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openAtomicFile } from '../../src/output/atomic-file.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('openAtomicFile', () => {
  const folder = withTempDir('unreg-atomic-');

  it('writes to a temporary file in the same folder and renames it over the target at commit', async () => {
    const path = folder.join('replace', 'report.csv');
    await mkdir(folder.join('replace'));
    await writeFile(path, 'earlier report\n');
    const file = await openAtomicFile(path);
    await file.write('host,port\r\n');
    await file.write('東京,22\r\n');
    const during = await readdir(folder.join('replace'));
    assert.equal(during.length, 2);
    assert.match(during.find((name) => name !== 'report.csv') ?? '', /^\.report\.csv\.[0-9a-f]+\.tmp$/);
    assert.equal(await readFile(path, 'utf8'), 'earlier report\n');
    await file.commit();
    assert.equal(await readFile(path, 'utf8'), 'host,port\r\n東京,22\r\n');
    assert.deepEqual(await readdir(folder.join('replace')), ['report.csv']);
  });

  it('on abort leaves the earlier file untouched and no temporary file behind', async () => {
    const path = folder.join('abort', 'report.json');
    await mkdir(folder.join('abort'));
    await writeFile(path, '{"earlier":true}\n');
    const file = await openAtomicFile(path);
    await file.write('{"half":');
    await file.abort();
    await file.abort();
    assert.equal(await readFile(path, 'utf8'), '{"earlier":true}\n');
    assert.deepEqual(await readdir(folder.join('abort')), ['report.json']);
  });

  it('creates a folder that does not exist yet', async () => {
    const path = folder.join('new', 'nested', 'unreg.ndjson');
    const file = await openAtomicFile(path);
    await file.write('{}\n');
    await file.commit();
    assert.equal(await readFile(path, 'utf8'), '{}\n');
  });

  it('leaves no temporary file when the process exits before commit (a second Ctrl-C)', async () => {
    const path = folder.join('exit', 'report.csv');
    await mkdir(folder.join('exit'));
    await writeFile(path, 'earlier\n');
    const module = new URL('../../src/output/atomic-file.js', import.meta.url).href;
    const script = `const { openAtomicFile } = await import(${JSON.stringify(module)});
      const file = await openAtomicFile(${JSON.stringify(path)});
      await file.write('half a report');
      process.exit(130);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    const status = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(status, 130);
    assert.deepEqual(await readdir(folder.join('exit')), ['report.csv']);
    assert.equal(await readFile(path, 'utf8'), 'earlier\n');
  });

  it('refuses at once a target that exists and is not a file, before anything is written', async () => {
    const path = folder.join('blocked', 'report.csv');
    await mkdir(join(path, 'in-the-way'), { recursive: true });
    await assert.rejects(openAtomicFile(path), { message: `${path} exists and is not a file` });
    assert.deepEqual(await readdir(folder.join('blocked')), ['report.csv']);
  });

  it('fails at commit with an OutputFileError when the target became unreplaceable, and abort cleans up', async () => {
    const path = folder.join('late', 'report.csv');
    const file = await openAtomicFile(path);
    await file.write('x');
    await mkdir(join(path, 'in-the-way'), { recursive: true });
    await assert.rejects(file.commit(), { name: 'OutputFileError' });
    await file.abort();
    assert.deepEqual(await readdir(folder.join('late')), ['report.csv']);
    assert.deepEqual(await readdir(path), ['in-the-way']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = folder.join('private-file');
    await writeFile(path, 'old', { mode: 0o600 });
    const file = await openAtomicFile(path);
    await file.write('new');
    await file.commit();
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal(await readFile(path, 'utf8'), 'new');
  });
});
