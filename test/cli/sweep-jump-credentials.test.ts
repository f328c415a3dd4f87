import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inventoryBehindJump } from '../helpers/jump-inventory.js';
import { type OpenSshJumpHost, startOpenSshJumpHost } from '../helpers/openssh-phones.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { type SshAgent, startSshAgent } from '../helpers/ssh-agent.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';

const ACCEPTED = /Accepted (publickey|password) for /;
const FAILED_PASSWORD = /Failed password for /;
// sshd's line when a client leaves without logging in.
const LOGIN_GIVEN_UP = /(Connection closed by|Disconnected from) authenticating user/;

/**
 * The jump host's other logins, as OpenSSH's ssh makes them: the keys of an
 * SSH agent (OpenSSH's ssh-agent, when no key nor password is given) and a
 * password from the environment or a file. The jump host is OpenSSH's sshd
 * taking keys and SSHD_TEST_USER's password; its log says which was used.
 */
describe('unreg sweep logs into the jump host with the SSH agent or a password', () => {
  let setup: FleetOnDisk;
  let jump: OpenSshJumpHost;
  let agent: SshAgent;
  before(async () => {
    ensureSshdTestUser();
    setup = await fleetOnDisk({ phones: 3, seed: 41 });
    jump = await startOpenSshJumpHost('127.0.3.11', { passwordLogin: true });
    agent = await startSshAgent();
  });
  after(async () => {
    await Promise.all([setup?.close(), jump?.close(), agent?.close()]);
  });

  /** Sweeps through the jump host with these keys in defaults: and `env`; gives sshd's log of that sweep too. */
  async function sweepThrough(name: string, keys: readonly string[], env: NodeJS.ProcessEnv) {
    const inventory = await inventoryBehindJump(setup, name, [`jump: ${jump.hop}`, ...keys]);
    const from = jump.log().length;
    const { run, report } = await sweepFleetJson(setup, ['-c', '2'], inventory, env);
    const sshdLog = (pattern: RegExp) => jump.logged(pattern, 1, from);
    return { run, report, sshdLog, kinds: report.phones.map((phone) => phone.error?.kind ?? 'ok') };
  }

  it('without a key or password: the agent of SSH_AUTH_SOCK, refused while it holds no key', async () => {
    const { report, kinds, sshdLog } = await sweepThrough('empty-agent', [], { SSH_AUTH_SOCK: agent.socket });
    assert.deepEqual(kinds, ['jump', 'jump', 'jump']);
    assert.equal(
      report.phones[0]?.error?.message,
      `jump host ${jump.hop}: refused the login of user ${SSHD_TEST_USER.username} (keys of the SSH agent)`,
    );
    assert.doesNotMatch(await sshdLog(LOGIN_GIVEN_UP), ACCEPTED);
  });

  it('once ssh-add gave the agent the key, one login with it carries the sweep', async () => {
    await agent.add(jump.identityFile);
    const { run, kinds, sshdLog } = await sweepThrough('agent', [], { SSH_AUTH_SOCK: agent.socket });
    assert.deepEqual(kinds, ['ok', 'ok', 'ok'], run.stderr);
    const log = await sshdLog(ACCEPTED);
    assert.deepEqual(log.match(new RegExp(ACCEPTED, 'g')), ['Accepted publickey for ']);
    assert.match(log, new RegExp(`Accepted publickey for ${SSHD_TEST_USER.username} `));
  });

  it('jump_password_env: logs in with the password, one login, the password nowhere in the output', async () => {
    // The agent holds a good key too: a given password is what OpenSSH's ssh would not fall back from either.
    const env = { SSH_AUTH_SOCK: agent.socket, JUMP_PASSWORD: SSHD_TEST_USER.password };
    const { run, kinds, sshdLog } = await sweepThrough('password-env', ['jump_password_env: JUMP_PASSWORD'], env);
    assert.deepEqual(kinds, ['ok', 'ok', 'ok'], run.stderr);
    const log = await sshdLog(ACCEPTED);
    assert.deepEqual(log.match(new RegExp(ACCEPTED, 'g')), ['Accepted password for ']);
    for (const text of [run.stdout, run.stderr, log]) assert.ok(!text.includes(SSHD_TEST_USER.password));
  });

  it('jump_password_file: the password read from a file', async () => {
    const file = join(setup.folder, 'jump-password');
    await writeFile(file, `${SSHD_TEST_USER.password}\n`, { mode: 0o600 });
    const { run, kinds, sshdLog } = await sweepThrough('password-file', [`jump_password_file: ${file}`], {});
    assert.deepEqual(kinds, ['ok', 'ok', 'ok'], run.stderr);
    assert.deepEqual((await sshdLog(ACCEPTED)).match(new RegExp(ACCEPTED, 'g')), ['Accepted password for ']);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(SSHD_TEST_USER.password));
  });

  it('a wrong jump password is tried once for the whole sweep, every phone failing with kind jump', async () => {
    const env = { JUMP_PASSWORD: 'not-the-jump-password' };
    const { run, report, kinds, sshdLog } = await sweepThrough('wrong', ['jump_password_env: JUMP_PASSWORD'], env);
    assert.equal(run.status, 1);
    assert.deepEqual(kinds, ['jump', 'jump', 'jump']);
    assert.equal(
      report.phones[0]?.error?.message,
      `jump host ${jump.hop}: refused the login of user ${SSHD_TEST_USER.username} (jump password)`,
    );
    const log = await sshdLog(LOGIN_GIVEN_UP);
    assert.equal(log.match(new RegExp(FAILED_PASSWORD, 'g'))?.length, 1, log);
    assert.ok(!`${run.stdout}${run.stderr}${log}`.includes('not-the-jump-password'));
  });
});
