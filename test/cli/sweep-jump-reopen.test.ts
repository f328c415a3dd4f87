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
    setup = await fleetOnDisk({ phones: 4, seed: 47, failures: { 'silent-after-ssh-password': 1 } });
    jump = await startOpenSshJumpHost('127.0.3.41');
    held = await Promise.all(HELD_HOSTS.map((host) => startSilentListener(host, setup.fleet.port)));
  });
  after(async () => {
    await Promise.all([setup?.close(), jump?.close(), ...held.map((listener) => listener.close())]);
  });

  const readable = () => setup.fleet.phones.filter((plan) => plan.mode === 'ok') as [PhonePlan, PhonePlan, PhonePlan];
  const keys = () => [`jump: ${jump.hop}`, `jump_identity_file: ${jump.identityFile}`];
  // Held phones wait for the test, not for a deadline.
  const slack = ['--connect-timeout', '120', '--timeout', '120', '--retries', '0'];
  const sweepArgs = (inventory: string, ...extra: string[]) => [
    'sweep',
    inventory,
    '-c',
    '1',
    ...slack,
    ...extra,
    '-f',
    'json',
    '--known-hosts',
    join(setup.folder, 'known'),
  ];

  it('reopens it once; after a second drop the phones left fail with kind jump naming the jump host', async () => {
    const [first, second, last] = readable();
    const [cut, cutAgain] = HELD_HOSTS.map((host) => ({ ...first, host, name: `held ${host}` }));
    const order = [first, cut, second, cutAgain, last] as PhonePlan[];
    const inventory = await inventoryBehindJump(setup, 'drops', keys(), order);
    const from = jump.log().length;
    const sweep = startCli(sweepArgs(inventory), { env: FLEET_ENV });
    for (const listener of held) {
      await waitUntil(() => listener.accepted() === 1, 'a held phone reached', 30_000);
      await jump.dropConnections();
    }
    const run = await sweep.done;
    assert.equal(run.status, 1, run.stderr);
    const report: ReportedDocument = JSON.parse(run.stdout);
    const outcomes = order.map((plan) => outcomeOf(entryOf(report.phones, plan.host)));
    assert.deepEqual(outcomes, ['ok', 'disconnected', 'ok', 'disconnected', 'jump'], run.stdout);
    for (const plan of [cut, cutAgain] as PhonePlan[]) {
      assert.equal(
        entryOf(report.phones, plan.host).error?.message,
        `the connection to jump host ${jump.hop} dropped during SSH handshake`,
      );
    }
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
    const log = await jump.logged(ACCEPTED, 2, from);
    assert.equal(log.match(ACCEPTED)?.length, 2, log);
  });

  it('a phone whose SSH password is out when the drop comes is disconnected: no refusal, the breaker not tripped', async () => {
    const silent = setup.fleet.phones.find((plan) => plan.mode === 'silent-after-ssh-password') as PhonePlan;
    const after = readable()[0];
    const inventory = await inventoryBehindJump(setup, 'drop-after-password', keys(), [silent, after]);
    const from = jump.log().length;
    const held = setup.fleet.passwordsHeld();
    // A limit of 1: were the cut session taken as a refused password, the next phone would be skipped.
    const sweep = startCli(sweepArgs(inventory, '--auth-failure-limit', '1'), { env: FLEET_ENV });
    await waitUntil(() => setup.fleet.passwordsHeld() === held + 1, 'the SSH password held', 30_000);
    await jump.dropConnections();
    const run = await sweep.done;
    const report: ReportedDocument = JSON.parse(run.stdout);
    const cut = entryOf(report.phones, silent.host).error;
    assert.equal(cut?.kind, 'disconnected', run.stdout);
    assert.equal(
      cut?.message,
      `the connection to jump host ${jump.hop} dropped during SSH authentication, after the SSH password was sent; ` +
        'not retried, so the password is not sent again',
    );
    assert.equal(outcomeOf(entryOf(report.phones, after.host)), 'ok', run.stdout);
    assert.equal(setup.fleet.sessionsOf(silent.index), 1);
    const log = await jump.logged(ACCEPTED, 2, from);
    assert.equal(log.match(ACCEPTED)?.length, 2, log);
  });
});
