import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inventoryBehindJump } from '../helpers/jump-inventory.js';
import { type OpenSshJumpHost, startOpenSshJumpHost } from '../helpers/openssh-phones.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';
import type { ReportedDocument } from '../helpers/sweep-report.js';

const DIRECT_TCPIP = /server_request_direct_tcpip: originator /;

/**
 * Phones of the simulator reached through OpenSSH's sshd as jump host (key
 * login, TCP forwarding on), on loopback addresses of their own.
 */
describe('unreg sweep through jump hosts (OpenSSH sshd in front of simulated phones)', () => {
  let setup: FleetOnDisk;
  let first: OpenSshJumpHost;
  let second: OpenSshJumpHost;
  before(async () => {
    ensureSshdTestUser();
    setup = await fleetOnDisk({ phones: 5, seed: 37, failures: { refused: 1 } });
    first = await startOpenSshJumpHost('127.0.3.1');
    second = await startOpenSshJumpHost('127.0.3.2', { trustedKeyFile: first.identityFile });
  });
  after(async () => {
    await Promise.all([setup?.close(), first?.close(), second?.close()]);
  });

  /** Sweeps the fleet with `jump` lines in defaults:, a fresh known_hosts unless `knownHosts` gives one. */
  async function sweepThrough(name: string, jump: readonly string[], knownHosts = '') {
    const inventory = await inventoryBehindJump(setup, name, jump);
    const known = join(setup.folder, `${name}.known_hosts`);
    await writeFile(known, knownHosts);
    const before = setup.fleet.stats().total;
    const { run, report } = await sweepFleetJson(setup, ['-c', '3', '--known-hosts', known], inventory);
    return { run, report, sessions: setup.fleet.stats().total - before, known };
  }
  const kindOf = (report: ReportedDocument, host: string) =>
    report.phones.find((phone) => phone.host === host)?.error?.kind ?? 'ok';
  const refusedPhone = () => setup.fleet.phones.find((plan) => plan.mode === 'refused')?.host ?? '';

  it('reads every phone over one login to the jump host; a phone refusing connections is refused', async () => {
    const from = first.log().length;
    const { report, sessions } = await sweepThrough('one', [
      `jump: ${first.hop}`,
      `jump_identity_file: ${first.identityFile}`,
    ]);
    for (const plan of setup.fleet.phones) {
      assert.equal(kindOf(report, plan.host), plan.mode === 'refused' ? 'refused' : 'ok', plan.host);
    }
    assert.equal(sessions, 4);
    const log = await first.logged(/Accepted publickey for /, 1, from);
    assert.equal(log.match(/Accepted publickey for /g)?.length, 1, log);
    assert.match(log, new RegExp(`Accepted publickey for ${SSHD_TEST_USER.username} `));
    // One forwarded channel per phone session, all over that one login.
    const channels = await first.logged(DIRECT_TCPIP, 5, from);
    assert.equal(channels.match(new RegExp(DIRECT_TCPIP, 'g'))?.length, 5, channels);
  });

  it('goes through a chain of two jump hosts, each logged into once', async () => {
    const from = [first.log().length, second.log().length];
    const { report } = await sweepThrough('chain', [
      `jump: [${first.hop}, ${second.hop}]`,
      `jump_identity_file: ${first.identityFile}`,
    ]);
    assert.equal(report.summary.phones.ok, 4, JSON.stringify(report.phones.map((phone) => phone.error)));
    assert.equal(kindOf(report, refusedPhone()), 'refused');
    for (const [at, jumpHost] of [first, second].entries()) {
      const log = await jumpHost.logged(/Accepted publickey for /, 1, from[at]);
      assert.equal(log.match(/Accepted publickey for /g)?.length, 1, log);
    }
  });

  it('fails every phone behind a jump host that is down with kind jump and one message', async () => {
    const { run, report, sessions } = await sweepThrough('down', [
      `jump: ${SSHD_TEST_USER.username}@127.0.3.9:9`,
      `jump_identity_file: ${first.identityFile}`,
    ]);
    assert.equal(run.status, 1);
    assert.equal(sessions, 0);
    const messages = new Set(report.phones.map((phone) => `${phone.error?.kind}: ${phone.error?.message}`));
    assert.deepEqual([...messages], [`jump: jump host ${SSHD_TEST_USER.username}@127.0.3.9:9: connection refused`]);
  });

  it('fails every phone with kind jump when the jump host refuses the key', async () => {
    const from = first.log().length;
    const { report, sessions } = await sweepThrough('stranger', [
      `jump: ${first.hop}`,
      `jump_identity_file: ${first.strangerIdentityFile}`,
    ]);
    assert.equal(sessions, 0);
    const messages = new Set(report.phones.map((phone) => `${phone.error?.kind}: ${phone.error?.message}`));
    assert.deepEqual(
      [...messages],
      [`jump: jump host ${first.hop}: refused the login of user ${SSHD_TEST_USER.username} (jump_identity_file)`],
    );
    // One attempt for the whole sweep, not one per phone.
    const log = await first.logged(
      /Connection closed by authenticating user|Disconnected from authenticating user/,
      1,
      from,
    );
    assert.ok(!/Accepted publickey/.test(log));
  });

  it("fails every phone with kind jump when the jump host's key changed, naming it", async () => {
    const { report, sessions } = await sweepThrough(
      'changed',
      [`jump: ${first.hop}`, `jump_identity_file: ${first.identityFile}`],
      `${first.changedKnownHostsLine}\n`,
    );
    assert.equal(sessions, 0);
    for (const phone of report.phones) {
      assert.equal(phone.error?.kind, 'jump');
      assert.match(phone.error?.message ?? '', new RegExp(`^jump host ${first.hop.replace(/[.[\]]/g, '\\$&')}: `));
    }
    assert.equal(new Set(report.phones.map((phone) => phone.error?.message)).size, 1);
  });
});
