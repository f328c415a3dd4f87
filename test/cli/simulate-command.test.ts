import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { CLI_PATH } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { PhoneSession } from '../simulator/phone-session.js';

const ENV = { UNREG_SSH_PASSWORD: 'from-env-ssh', UNREG_DEBUG_PASSWORD: 'from-env-debug' };

/** Starts `unreg simulate ARGS` with the ENV passwords and waits for its ready line. */
async function startSimulate(args: string[]) {
  const child = spawn(process.execPath, [CLI_PATH, 'simulate', ...args], {
    env: { PATH: process.env.PATH, ...ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { child, line, ready: JSON.parse(line), exited, stderr: () => stderr };
}

describe('unreg simulate (built CLI under plain node)', () => {
  const folder = withTempDir('unreg-simulate-');

  it('prints a ready line, serves its inventory with the env passwords, and exits 0 on SIGTERM', async () => {
    const out = folder.join('fleet');
    const statsFile = folder.join('stats.json');
    const { child, line, ready, exited, stderr } = await startSimulate([
      '--phones',
      '5',
      '--seed',
      '3',
      '--fail',
      'hang=1,refused=1',
      '--out',
      out,
      '--stats-file',
      statsFile,
    ]);
    assert.equal(ready.event, 'ready');
    assert.equal(ready.phones, 5);
    assert.equal(ready.inventory, join(out, 'inventory.yaml'));

    const inventory = parse(await readFile(ready.inventory, 'utf8'));
    assert.deepEqual(inventory.defaults, {
      port: ready.port,
      username: 'sshadmin',
      password_env: 'UNREG_SSH_PASSWORD',
      debug_username: 'debug',
      debug_password_env: 'UNREG_DEBUG_PASSWORD',
    });
    const truth = JSON.parse(await readFile(ready.truth, 'utf8'));
    assert.deepEqual(
      inventory.phones.map((phone: { host: string; name: string }) => [phone.host, phone.name]),
      truth.phones.map((phone: { host: string; name: string }) => [phone.host, phone.name]),
    );
    assert.deepEqual(truth.phones.map((phone: { expected: string }) => phone.expected).sort(), [
      'ok',
      'ok',
      'ok',
      'refused',
      'timeout',
    ]);
    const okPhone = truth.phones.find((phone: { mode: string }) => phone.mode === 'ok');
    const session = await PhoneSession.open({
      host: okPhone.host,
      port: ready.port,
      username: 'sshadmin',
      password: ENV.UNREG_SSH_PASSWORD,
    });
    await session.debugLogin('debug', ENV.UNREG_DEBUG_PASSWORD);
    session.send('exit\n');
    await session.closed;

    child.kill('SIGTERM');
    const [status, signal] = await exited;
    assert.deepEqual([status, signal], [0, null], stderr());
    const stats = JSON.parse(await readFile(statsFile, 'utf8'));
    assert.deepEqual(stats, { event: 'stats', open: 0, maxOpen: 1, total: 1, showUnregServed: 0, authFailures: 0 });
    assert.equal(stderr(), `${JSON.stringify(stats)}\n`);
    assert.doesNotMatch(stderr() + line, /from-env/);
  });

  it('takes the last value of a one-value flag given twice (-n 2 --phones 3 --out a --out b ...)', async () => {
    const [first, last] = [folder.join('first'), folder.join('last')];
    const [firstStats, lastStats] = [folder.join('first.json'), folder.join('last.json')];
    const { child, ready, exited, stderr } = await startSimulate([
      '-n',
      '2',
      '--phones',
      '3',
      '--seed',
      '1',
      '--seed',
      '4',
      '--latency',
      '5',
      '--latency',
      '0',
      '--out',
      first,
      '--out',
      last,
      '--stats-file',
      firstStats,
      '--stats-file',
      lastStats,
    ]);
    assert.deepEqual([ready.phones, ready.seed, ready.inventory], [3, 4, join(last, 'inventory.yaml')]);
    child.kill('SIGTERM');
    const [status] = await exited;
    assert.equal(status, 0, stderr());
    assert.equal(JSON.parse(await readFile(lastStats, 'utf8')).event, 'stats');
    await assert.rejects(readFile(firstStats), { code: 'ENOENT' });
    await assert.rejects(readFile(join(first, 'inventory.yaml')), { code: 'ENOENT' });
  });

  it('exits 2 with one line for a bad failure mode or too many failure phones', async () => {
    const bad = await runCli(['simulate', '--fail', 'hang=1,sleepy=1']);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /^unreg: --fail "sleepy=1": expected MODE=COUNT with MODE one of wrong-ssh-password, .*\n$/,
    );
    const many = await runCli(['simulate', '--phones', '2', '--fail', 'drop=2', '--legacy', '1']);
    assert.equal(many.status, 2);
    assert.equal(
      many.stderr,
      'unreg: 3 failure, legacy and 6900 phones were asked for, but the fleet has only 2 phones\n',
    );
    const negative = await runCli(['simulate', '--latency', '-5']);
    assert.equal(negative.status, 2);
    assert.equal(negative.stderr, 'unreg: --latency must be a whole number, not -5\n');
  });
});
