import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inventoryYaml } from '../../src/simulator/fleet-files.js';
import type { PhonePlan } from '../../src/simulator/fleet-plan.js';
import { type OpenSshPhones, startOpenSshPhones } from '../helpers/openssh-phones.js';
import { runCli } from '../helpers/run-cli.js';
import { FLEET_CREDENTIALS, FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import type { ReportedDocument } from '../helpers/sweep-report.js';

const SSH_TRIPPED =
  "not tried: 2 phones refused user sshadmin's password and none accepted it; fix it or raise --auth-failure-limit";

describe('unreg sweep --auth-failure-limit: the credential breaker, counted by the phones', () => {
  let setup: FleetOnDisk;
  before(async () => {
    setup = await fleetOnDisk({ phones: 16, seed: 29, failures: { 'wrong-ssh-password': 3 } });
  });
  after(() => setup.close());

  /** Sweeps with `env`, and what reached the phones meanwhile. */
  async function sweep(env: NodeJS.ProcessEnv, extra: readonly string[], inventory = setup.inventory) {
    const before = setup.fleet.stats();
    const args = ['sweep', inventory, '--retries', '1', '--timeout', '5', '--known-hosts'];
    const run = await runCli([...args, join(setup.folder, 'known_hosts'), ...extra], { env });
    const now = setup.fleet.stats();
    return { run, passwordsRefused: now.authFailures - before.authFailures, sessions: now.total - before.total };
  }
  const kinds = (report: ReportedDocument) => report.phones.map((phone) => phone.error?.kind ?? 'ok');
  const count = (report: ReportedDocument, kind: string) => kinds(report).filter((seen) => seen === kind).length;

  it('with a wrong fleet password and --concurrency 3, at most N + C - 1 passwords reach the phones', async () => {
    const wrong = { ...FLEET_ENV, UNREG_SSH_PASSWORD: 'not-the-fleet-password' };
    const { run, passwordsRefused, sessions } = await sweep(wrong, [
      '-c',
      '3',
      '--auth-failure-limit',
      '2',
      '-f',
      'json',
    ]);
    assert.equal(run.status, 1, run.stderr);
    const report: ReportedDocument = JSON.parse(run.stdout);
    assert.ok(passwordsRefused >= 2 && passwordsRefused <= 2 + 3 - 1, `${passwordsRefused} passwords refused`);
    assert.equal(count(report, 'ssh-auth'), passwordsRefused);
    assert.equal(sessions, passwordsRefused, 'a skipped phone is never connected to, nor retried');
    assert.equal(count(report, 'skipped'), 16 - passwordsRefused);
    for (const phone of report.phones.filter((entry) => entry.error?.kind === 'skipped')) {
      assert.equal(phone.error?.message, SSH_TRIPPED);
    }
    assert.equal(report.summary.phones.skipped, 16 - passwordsRefused);
    assert.deepEqual(report.summary.skipped, [{ message: SSH_TRIPPED, phones: 16 - passwordsRefused }]);
    assert.match(run.stderr, new RegExp(`unreg: ${16 - passwordsRefused} phone\\(s\\) skipped, not tried: 2 phones`));
  });

  it('counts the debug shell login apart: a wrong debug password stops the same way', async () => {
    const wrong = { ...FLEET_ENV, UNREG_DEBUG_PASSWORD: 'not-the-debug-password' };
    const { run, sessions } = await sweep(wrong, ['-c', '2', '--auth-failure-limit', '3', '-f', 'json']);
    const report: ReportedDocument = JSON.parse(run.stdout);
    const debugRefused = count(report, 'shell-login');
    assert.ok(debugRefused >= 3 && debugRefused <= 3 + 2 - 1, `${debugRefused} debug passwords refused`);
    // The wrong-ssh-password phones tried refused the SSH password first: no debug login there.
    assert.equal(debugRefused + count(report, 'ssh-auth'), sessions);
    assert.equal(count(report, 'skipped'), 16 - sessions);
    const skipped = report.phones.find((entry) => entry.error?.kind === 'skipped');
    assert.match(skipped?.error?.message ?? '', /^not tried: 3 phones refused debug user debug's password and none/);
  });

  it('says how many were skipped and why at the top of the table', async () => {
    const wrong = { ...FLEET_ENV, UNREG_SSH_PASSWORD: 'not-the-fleet-password' };
    const { run, passwordsRefused } = await sweep(wrong, ['-c', '1', '--auth-failure-limit', '2', '-f', 'table']);
    assert.equal(passwordsRefused, 2);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Skipped');
    assert.equal(lines[1], `14 phones ${SSH_TRIPPED}`);
    assert.match(run.stdout, /Phones: 16 total, 0 ok, 16 failed \(14 skipped\), 0 with alarms/);
  });

  it('tries every phone with --auth-failure-limit 0', async () => {
    const wrong = { ...FLEET_ENV, UNREG_SSH_PASSWORD: 'not-the-fleet-password' };
    const { passwordsRefused } = await sweep(wrong, ['-c', '4', '--auth-failure-limit', '0', '-f', 'json']);
    assert.equal(passwordsRefused, 16);
  });

  it('stays off for credentials a phone accepted, and trips for them while none has', async () => {
    const wrongFirst = (plans: readonly PhonePlan[]) =>
      [...plans].sort((a, b) => Number(b.mode === 'wrong-ssh-password') - Number(a.mode === 'wrong-ssh-password'));
    const defaults = { port: setup.fleet.port, ...FLEET_CREDENTIALS };
    const inventories = {
      acceptedFirst: [...wrongFirst(setup.fleet.phones)].reverse(),
      refusedFirst: wrongFirst(setup.fleet.phones),
    };
    const outcome: Record<string, ReportedDocument> = {};
    for (const [name, phones] of Object.entries(inventories)) {
      const path = join(setup.folder, `${name}.yaml`);
      await writeFile(path, inventoryYaml(phones, defaults));
      const { run } = await sweep(FLEET_ENV, ['-c', '1', '--auth-failure-limit', '2', '-f', 'json'], path);
      outcome[name] = JSON.parse(run.stdout);
    }
    const accepted = outcome.acceptedFirst as ReportedDocument;
    assert.deepEqual([count(accepted, 'ssh-auth'), count(accepted, 'skipped'), count(accepted, 'ok')], [3, 0, 13]);
    const refused = outcome.refusedFirst as ReportedDocument;
    assert.deepEqual([count(refused, 'ssh-auth'), count(refused, 'skipped')], [2, 14]);
  });
});

describe("unreg sweep's credential breaker against OpenSSH sshd, counted in sshd's own log", () => {
  const FLEET = 6;
  let server: OpenSshPhones;
  let folder = '';
  before(async () => {
    ensureSshdTestUser();
    folder = await mkdtemp(join(tmpdir(), 'unreg-sshd-breaker-'));
    const algorithms = {
      kex: ['diffie-hellman-group14-sha1'],
      hostKey: ['ssh-rsa'],
      ciphers: ['aes128-cbc'],
      macs: ['hmac-sha1'],
    };
    const indices = Array.from({ length: FLEET }, (_, index) => index);
    server = await startOpenSshPhones({ seed: 5, fleetSize: FLEET, indices, algorithms, debugPassword: 'unused' });
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('lets at most N + C - 1 wrong passwords reach sshd', async () => {
    const inventory = join(folder, 'inventory.yaml');
    const phones = server.hosts.map((host) => `  - { host: ${host}, port: ${server.port} }`);
    const yaml = ['defaults:', `  username: ${SSHD_TEST_USER.username}`, '  password_env: WRONG', 'phones:', ...phones];
    await writeFile(inventory, `${yaml.join('\n')}\n`);
    const args = ['sweep', inventory, '-c', '2', '--auth-failure-limit', '2', '-f', 'json', '--known-hosts'];
    const run = await runCli([...args, join(folder, 'known_hosts')], { env: { WRONG: 'not-the-password' } });
    const report: ReportedDocument = JSON.parse(run.stdout);
    const tried = report.phones.filter((phone) => phone.error?.kind === 'ssh-auth').length;
    assert.ok(tried >= 2 && tried <= 2 + 2 - 1, `${tried} phones tried`);
    assert.equal(report.phones.filter((phone) => phone.error?.kind === 'skipped').length, FLEET - tried);
    const log = await server.logged(FAILED_PASSWORD, tried);
    assert.equal(log.match(new RegExp(FAILED_PASSWORD, 'g'))?.length, tried, log);
  });
});

const FAILED_PASSWORD = /Failed password for /;
