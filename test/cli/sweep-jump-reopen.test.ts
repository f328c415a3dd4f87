import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PhonePlan } from '../../src/simulator/fleet-plan.js';
import { inventoryBehindJump } from '../helpers/jump-inventory.js';
import { type OpenSshJumpHost, startOpenSshJumpHost } from '../helpers/openssh-phones.js';
import { startCli } from '../helpers/run-cli.js';
import { type SilentListener, startSilentListener } from '../helpers/silent-listener.js';
import { FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { ensureSshdTestUser } from '../helpers/sshd-test-user.js';
import { entryOf, essentials, outcomeOf, type ReportedDocument } from '../helpers/sweep-report.js';
import { waitUntil } from '../helpers/wait-until.js';

const ACCEPTED = /Accepted publickey for /g;
// Where the held phones listen (on the fleet's port), saying nothing.
const HELD_HOSTS = ['127.0.3.42', '127.0.3.43'];

/**
 * The jump host's connection dropping mid-sweep: reopened once, and a
 * second drop fails the phones still to come with kind `jump`. One phone at
 * a time, in inventory order: read, held, read, held, not read. A held phone
 * is a listener that accepts the jump host's connection and never answers:
 * its session stays in flight until the test has ended the processes of
 * sshd's connection carrying the sweep, so every step comes in the same
 * order on any machine.
 */
describe('unreg sweep through a jump host whose connection drops', () => {
  let setup: FleetOnDisk;
  let jump: OpenSshJumpHost;
  let held: SilentListener[] = [];
  before(async () => {
    ensureSshdTestUser();
    setup = await fleetOnDisk({ phones: 3, seed: 47 });
    jump = await startOpenSshJumpHost('127.0.3.41');
    held = await Promise.all(HELD_HOSTS.map((host) => startSilentListener(host, setup.fleet.port)));
  });
  after(async () => {
    await Promise.all([setup?.close(), jump?.close(), ...held.map((listener) => listener.close())]);
  });

  it('reopens it once; after a second drop the phones left fail with kind jump naming the jump host', async () => {
    const [first, second, last] = setup.fleet.phones as [PhonePlan, PhonePlan, PhonePlan];
    const [cut, cutAgain] = HELD_HOSTS.map((host) => ({ ...first, host, name: `held ${host}` }));
    const order = [first, cut, second, cutAgain, last] as PhonePlan[];
    const keys = [`jump: ${jump.hop}`, `jump_identity_file: ${jump.identityFile}`];
    const inventory = await inventoryBehindJump(setup, 'drops', keys, order);
    // Held phones wait for the test, not for a deadline.
    const slack = ['--connect-timeout', '120', '--timeout', '120', '--retries', '0'];
    const args = ['sweep', inventory, '-c', '1', ...slack, '-f', 'json', '--known-hosts', join(setup.folder, 'known')];
    const sweep = startCli(args, { env: FLEET_ENV });
    for (const listener of held) {
      await waitUntil(() => listener.accepted() === 1, 'a held phone reached', 30_000);
      await jump.dropConnections();
    }
    const run = await sweep.done;
    assert.equal(run.status, 1, run.stderr);
    const report: ReportedDocument = JSON.parse(run.stdout);
    const outcomes = order.map((plan) => outcomeOf(entryOf(report.phones, plan.host)));
    assert.deepEqual(outcomes, ['ok', 'disconnected', 'ok', 'disconnected', 'jump'], run.stdout);
    for (const plan of [first, second]) {
      const truth = setup.fleet.truth.phones[plan.index];
      assert.deepEqual(essentials(entryOf(report.phones, plan.host).alarms), essentials(truth?.alarms ?? []));
    }
    assert.equal(
      entryOf(report.phones, last.host).error?.message,
      `jump host ${jump.hop}: the connection dropped again after it was reopened`,
    );
    assert.deepEqual(
      [first, second, last].map((plan) => setup.fleet.sessionsOf(plan.index)),
      [1, 1, 0],
    );
    // sshd's side: the first login, and the one that reopened the connection.
    const log = await jump.logged(ACCEPTED, 2);
    assert.equal(log.match(ACCEPTED)?.length, 2, log);
  });
});
