import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem } from '../../src/inventory/inventory-problem.js';
import { DEFAULT_PROMPTS } from '../../src/inventory/phone-target.js';
import { type FlagResolution, resolvePhoneTarget } from '../../src/inventory/resolve-flags.js';
import { Secret } from '../../src/inventory/secret.js';
import { useScratchFolder } from './inventory-files.js';

function lines(resolution: FlagResolution): string[] {
  assert.equal(resolution.ok, false, 'expected problems');
  return resolution.ok ? [] : resolution.problems.map(formatProblem);
}

describe('resolvePhoneTarget (unreg check flags)', () => {
  const scratch = useScratchFolder();

  it('builds a target with the inventory defaults: port 22, debug/debug, the default prompts', async () => {
    const resolution = await resolvePhoneTarget(
      '10.1.2.3',
      { username: 'admin' },
      { env: { UNREG_SSH_PASSWORD: 'pw' } },
    );
    assert.ok(resolution.ok);
    const { target } = resolution;
    assert.deepEqual(
      [
        target.host,
        target.port,
        target.username,
        target.password.reveal(),
        target.debugUsername,
        target.debugPassword.reveal(),
      ],
      ['10.1.2.3', 22, 'admin', 'pw', 'debug', 'debug'],
    );
    assert.deepEqual(target.prompts, DEFAULT_PROMPTS);
    assert.deepEqual([target.name, target.site, target.tags], [null, null, []]);
  });

  it('says missingPassword when only the SSH password is lacking, and takes the prompted one on the second call', async () => {
    const first = await resolvePhoneTarget('phone.example', { username: 'u' }, { env: {} });
    assert.deepEqual(lines(first), [
      '--password-env: no SSH password: give --password-env or --password-file, or export UNREG_SSH_PASSWORD',
    ]);
    assert.equal(first.ok === false && first.missingPassword, true);
    const second = await resolvePhoneTarget(
      'phone.example',
      { username: 'u', password: new Secret('typed') },
      { env: {} },
    );
    assert.ok(second.ok);
    assert.equal(second.target.password.reveal(), 'typed');
  });

  it('does not offer a prompt when something else is wrong too', async () => {
    const resolution = await resolvePhoneTarget('phone.example', { username: 'u', port: 0 }, { env: {} });
    assert.equal(resolution.ok === false && resolution.missingPassword, false);
    assert.deepEqual(lines(resolution), [
      '--port: must be an integer 1-65535, got 0',
      '--password-env: no SSH password: give --password-env or --password-file, or export UNREG_SSH_PASSWORD',
    ]);
  });

  it('words each bad flag like the inventory, naming the flag', async () => {
    const resolution = await resolvePhoneTarget(
      'not a host',
      { port: 65536, passwordEnv: 'UNSET_VARIABLE', debugUsername: '', prompt: '(' },
      { env: {} },
    );
    assert.equal(resolution.ok === false && resolution.missingPassword, false);
    assert.deepEqual(lines(resolution), [
      'HOST: "not a host" is not an address or DNS name',
      '--port: must be an integer 1-65535, got 65536',
      '--username: no SSH username: give --username',
      '--debug-username: is empty',
      '--password-env: environment variable UNSET_VARIABLE is not set',
      '--prompt: not a valid regular expression: Unterminated group',
    ]);
  });

  it('refuses two sources for one password', async () => {
    const resolution = await resolvePhoneTarget(
      'a',
      { username: 'u', passwordEnv: 'PW', passwordFile: 'pw.txt' },
      { env: { PW: 'x' }, cwd: scratch.path('') },
    );
    assert.deepEqual(lines(resolution), ['--password-file: conflicts with --password-env: give only one']);
  });

  it('reads password files from cwd and the debug password from a variable, empty allowed (6900 series)', async () => {
    await scratch.write('pw.txt', 'from-file\n');
    const resolution = await resolvePhoneTarget(
      'a',
      { username: 'u', passwordFile: 'pw.txt', debugUsername: 'admin', debugPasswordEnv: 'EMPTY', port: 2222 },
      { env: { EMPTY: '' }, cwd: scratch.path('') },
    );
    assert.ok(resolution.ok, JSON.stringify(resolution));
    assert.deepEqual(
      [resolution.target.port, resolution.target.password.reveal(), resolution.target.debugPassword.reveal()],
      [2222, 'from-file', ''],
    );
    assert.deepEqual(resolution.warnings, []);
  });

  it('compiles prompt flags to match at the end of the output', async () => {
    const resolution = await resolvePhoneTarget(
      'a',
      { username: 'u', prompt: 'SHELL>$', loginPrompt: 'User:' },
      { env: { UNREG_SSH_PASSWORD: 'x' } },
    );
    assert.ok(resolution.ok);
    const { prompts } = resolution.target;
    assert.ok(prompts.command.test('banner\r\nSHELL> '));
    assert.ok(!prompts.command.test('SHELL> more output'));
    assert.ok(prompts.login.test('User: '));
    assert.equal(prompts.password, DEFAULT_PROMPTS.password);
  });
});
