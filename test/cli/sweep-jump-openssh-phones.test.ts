import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { planFleet } from '../../src/simulator/fleet-plan.js';
import { phoneTruth } from '../../src/simulator/fleet-truth.js';
import {
  type OpenSshJumpHost,
  type OpenSshPhones,
  startOpenSshJumpHost,
  startOpenSshPhones,
} from '../helpers/openssh-phones.js';
import { openSshPhonesEnv, openSshPhonesInventory } from '../helpers/openssh-phones-inventory.js';
import { runCli } from '../helpers/run-cli.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import { entryOf, essentials, type ReportedDocument } from '../helpers/sweep-report.js';
import { withTempDir } from '../helpers/temp-dir.js';

const SEED = 11;
const FLEET_SIZE = 3;
const DEBUG_PASSWORD = 'sshd-jump-phone-debug-secret';
// Old firmware behind the bastion: what the phones' sshd offers.
const ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1'],
  hostKey: ['ssh-rsa'],
  ciphers: ['aes128-cbc'],
  macs: ['hmac-sha1'],
};

/**
 * Both ends OpenSSH: phones served by sshd (old algorithms, the simulator's
 * debug shell as forced command) reached only through another sshd as jump
 * host. Each sshd's log tells its side: one key login to the jump host
 * carrying a forwarded channel per phone, one password login per phone.
 */
describe('unreg sweep of phones served by OpenSSH sshd behind an OpenSSH sshd jump host', () => {
  const folder = withTempDir('unreg-sshd-jump-phones-');
  let phones: OpenSshPhones;
  let jump: OpenSshJumpHost;
  before(async () => {
    ensureSshdTestUser();
    const indices = [0, 1, 2];
    phones = await startOpenSshPhones({
      indices,
      algorithms: ALGORITHMS,
      seed: SEED,
      fleetSize: FLEET_SIZE,
      debugPassword: DEBUG_PASSWORD,
    });
    jump = await startOpenSshJumpHost('127.0.3.21');
  });
  after(async () => {
    await Promise.all([phones?.close(), jump?.close()]);
  });

  it('reads every phone with its alarms, over one jump login and one forwarded channel per phone', async () => {
    const inventory = folder.join('inventory.yaml');
    const viaJump = [`jump: ${jump.hop}`, `jump_identity_file: ${jump.identityFile}`];
    await writeFile(inventory, openSshPhonesInventory([phones], viaJump));
    const args = ['sweep', inventory, '-c', '2', '--retries', '0', '-f', 'json'];
    const run = await runCli([...args, '--known-hosts', folder.join('known_hosts')], {
      env: openSshPhonesEnv(DEBUG_PASSWORD),
    });
    assert.equal(run.status, 0, run.stderr);
    const report: ReportedDocument = JSON.parse(run.stdout);
    for (const plan of planFleet({ phones: FLEET_SIZE, seed: SEED, legacy: 0, failures: {} })) {
      const phone = entryOf(report.phones, plan.host);
      const truth = phoneTruth(plan, phones.port, phones.hostKey);
      assert.deepEqual(essentials(phone.alarms), essentials(truth.alarms), plan.host);
    }
    // The jump host: one login, a channel to each phone's address.
    const jumpLog = await jump.logged(/server_request_direct_tcpip: originator /, FLEET_SIZE);
    assert.equal(jumpLog.match(/Accepted publickey for /g)?.length, 1, jumpLog);
    for (const host of phones.hosts)
      assert.match(jumpLog, new RegExp(`target ${host.replaceAll('.', '\\.')} port ${phones.port}`));
    // The phones' sshd: a password login for each, coming from the jump host's side.
    const phoneLog = await phones.logged(new RegExp(`Accepted password for ${SSHD_TEST_USER.username} `), FLEET_SIZE);
    assert.equal(phoneLog.match(/Accepted password for /g)?.length, FLEET_SIZE, phoneLog);
    for (const secret of [SSHD_TEST_USER.password, DEBUG_PASSWORD])
      assert.ok(!`${run.stdout}${run.stderr}`.includes(secret));
  });
});
