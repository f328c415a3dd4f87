import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type OpenSshJumpHost, startOpenSshJumpHost } from '../helpers/openssh-phones.js';
import { runCli } from '../helpers/run-cli.js';
import { FLEET_CREDENTIALS, FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { type SshAgent, startSshAgent } from '../helpers/ssh-agent.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import { essentials, type ReportedDocument } from '../helpers/sweep-report.js';

const run = promisify(execFile);
const ACCEPTED = /Accepted (publickey|password) for /g;
const PASSPHRASE = 'jump-key-passphrase';

/**
 * `unreg check HOST --jump user@host[:port]` with each of the jump host's
 * credentials as flags (the inventory keys' names), the built CLI against
 * a simulated phone behind OpenSSH's sshd as jump host. Secrets come by
 * variable name or file path, never as a flag's value.
 */
describe('unreg check --jump: one phone behind an OpenSSH sshd jump host', () => {
  let setup: FleetOnDisk;
  let jump: OpenSshJumpHost;
  let agent: SshAgent;
  let lockedKey = '';
  before(async () => {
    ensureSshdTestUser();
    setup = await fleetOnDisk({ phones: 2, seed: 43 });
    jump = await startOpenSshJumpHost('127.0.3.31', { passwordLogin: true });
    agent = await startSshAgent();
    await agent.add(jump.identityFile);
    // The same key under a passphrase (ssh-keygen -p rewrites the copy in place).
    lockedKey = join(setup.folder, 'locked_key');
    await copyFile(jump.identityFile, lockedKey);
    await run('ssh-keygen', ['-q', '-p', '-P', '', '-N', PASSPHRASE, '-f', lockedKey]);
  });
  after(async () => {
    await Promise.all([setup?.close(), jump?.close(), agent?.close()]);
  });

  const phone = () =>
    setup.fleet.truth.phones.find((candidate) => candidate.alarms.length > 0) ?? assert.fail('a phone with alarms');

  /** `unreg check` of the phone through the jump host with these flags and `env`; sshd's log of its login. */
  async function checkThrough(flags: readonly string[], env: NodeJS.ProcessEnv) {
    const from = jump.log().length;
    const target = phone();
    const args = ['check', target.host, '--port', String(setup.fleet.port), '-u', FLEET_CREDENTIALS.username];
    const known = ['--known-hosts', join(setup.folder, 'known_hosts'), '-f', 'json'];
    const result = await runCli([...args, ...known, '--jump', jump.hop, ...flags], { env: { ...FLEET_ENV, ...env } });
    return { result, target, from };
  }

  /** The one report entry is the phone with its alarms; sshd accepted one login by `method`. */
  async function assertReadThrough(outcome: Awaited<ReturnType<typeof checkThrough>>, method: string) {
    const { result, target, from } = outcome;
    assert.equal(result.status, 0, result.stderr);
    const report: ReportedDocument = JSON.parse(result.stdout);
    assert.equal(report.phones.length, 1);
    assert.deepEqual(essentials(report.phones[0]?.alarms ?? []), essentials(target.alarms));
    const log = await jump.logged(ACCEPTED, 1, from);
    assert.deepEqual(log.match(ACCEPTED), [`Accepted ${method} for `], log);
    assert.match(log, new RegExp(`target ${target.host.replaceAll('.', '\\.')} port ${setup.fleet.port}`));
  }

  it('--jump-identity-file: the key login', async () => {
    await assertReadThrough(await checkThrough(['--jump-identity-file', jump.identityFile], {}), 'publickey');
  });

  it('--jump-identity-file with --jump-passphrase-env: a key under a passphrase', async () => {
    const flags = ['--jump-identity-file', lockedKey, '--jump-passphrase-env', 'JUMP_KEY_PASSPHRASE'];
    const outcome = await checkThrough(flags, { JUMP_KEY_PASSPHRASE: PASSPHRASE });
    await assertReadThrough(outcome, 'publickey');
    assert.ok(!`${outcome.result.stdout}${outcome.result.stderr}`.includes(PASSPHRASE));
  });

  it('no key nor password: the SSH agent of SSH_AUTH_SOCK', async () => {
    await assertReadThrough(await checkThrough([], { SSH_AUTH_SOCK: agent.socket }), 'publickey');
  });

  it('--jump-password-env and --jump-password-file: the password login, never printed', async () => {
    const fromEnv = await checkThrough(['--jump-password-env', 'JUMP_PASSWORD'], {
      JUMP_PASSWORD: SSHD_TEST_USER.password,
    });
    await assertReadThrough(fromEnv, 'password');
    const file = join(setup.folder, 'jump-password');
    await writeFile(file, `${SSHD_TEST_USER.password}\n`, { mode: 0o600 });
    const fromFile = await checkThrough(['--jump-password-file', file], {});
    await assertReadThrough(fromFile, 'password');
    for (const { result } of [fromEnv, fromFile])
      assert.ok(!`${result.stdout}${result.stderr}`.includes(SSHD_TEST_USER.password));
  });

  it('a jump host refusing the key: exit 1, the phone failed with kind jump naming it, not connected to', async () => {
    const before = setup.fleet.stats().total;
    const { result } = await checkThrough(['--jump-identity-file', jump.strangerIdentityFile], {});
    assert.equal(result.status, 1, result.stderr);
    const report: ReportedDocument = JSON.parse(result.stdout);
    assert.equal(report.phones[0]?.error?.kind, 'jump');
    assert.equal(
      report.phones[0]?.error?.message,
      `jump host ${jump.hop}: refused the login of user ${SSHD_TEST_USER.username} (jump_identity_file)`,
    );
    assert.equal(setup.fleet.stats().total, before);
  });

  it('bad flags: exit 2 with one line naming the flag, before any connection', async () => {
    const from = jump.log().length;
    const cases: Array<[readonly string[], RegExp]> = [
      [['--jump', 'bastion-without-user'], /--jump: "bastion-without-user" is not user@host\[:port\]/],
      [
        ['--jump-password-env', 'A', '--jump-password-file', '/dev/null'],
        /--jump-password-file: conflicts with --jump-password-env/,
      ],
    ];
    for (const [flags, message] of cases) {
      const { result } = await checkThrough(flags, {});
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    }
    assert.doesNotMatch(jump.log().slice(from), /Connection from /);
  });
});
