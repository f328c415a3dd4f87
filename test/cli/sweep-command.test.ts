import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { PhoneTruth } from '../../src/simulator/fleet-truth.js';
import { runCli } from '../helpers/run-cli.js';
import {
  FLEET_CREDENTIALS,
  FLEET_ENV,
  type FleetOnDisk,
  fleetOnDisk,
  ONE_OF_EACH_FAILURE,
} from '../helpers/simulated-fleet-files.js';
import { essentials, type ReportedPhone } from '../helpers/sweep-report.js';

const CONCURRENCY = 3;
// A seed whose dropping phone holds several alarms, so some come before the cut.
const SEED = 1;

describe('unreg sweep against the phone simulator (real SSH on loopback)', () => {
  let setup: FleetOnDisk;
  let phones: ReportedPhone[];
  let truth: readonly PhoneTruth[];
  let run: Awaited<ReturnType<typeof runCli>>;

  before(async () => {
    setup = await fleetOnDisk({
      phones: 16,
      seed: SEED,
      legacy: 3,
      cp6900: 2,
      slowStepMs: 150,
      failures: ONE_OF_EACH_FAILURE,
    });
    truth = setup.fleet.truth.phones;
    run = await runCli(
      [
        'sweep',
        setup.inventory,
        '--concurrency',
        String(CONCURRENCY),
        '--retries',
        '0',
        '--timeout',
        '3',
        '--known-hosts',
        `${setup.folder}/known_hosts`,
        '-f',
        'json',
      ],
      { env: FLEET_ENV },
    );
    phones = JSON.parse(run.stdout).phones;
  });
  after(() => setup.close());

  it('reports every phone of the inventory once and exits 1 because some failed', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(phones.map((phone) => phone.host).sort(), truth.map((phone) => phone.host).sort());
  });

  it('gives each phone the outcome the simulator planned: ok, or the exact error.kind', () => {
    for (const expected of truth) {
      const phone = phones.find((entry) => entry.host === expected.host);
      assert.equal(phone?.error?.kind ?? phone?.status, expected.expected, `${expected.host} (${expected.mode})`);
    }
  });

  it('reports every simulated alarm exactly: section, code, device, timestamp (drop: those before the cut)', () => {
    for (const expected of truth.filter((phone) => phone.alarms.length > 0)) {
      const phone = phones.find((entry) => entry.host === expected.host);
      assert.deepEqual(essentials(phone?.alarms ?? []), essentials(expected.alarms), expected.host);
    }
    assert.ok(truth.some((phone) => phone.mode === 'drop' && phone.alarms.length > 0));
  });

  it('reads the phones that offer only old algorithms', () => {
    const legacy = truth.filter((phone) => phone.legacy && phone.mode === 'ok');
    assert.ok(legacy.length > 0);
    for (const expected of legacy) assert.equal(phones.find((p) => p.host === expected.host)?.status, 'ok');
  });

  it('reads the 6900 series phones through their inventory group (debug login admin, empty password)', () => {
    const cp6900 = truth.filter((phone) => phone.cp6900);
    assert.equal(cp6900.length, 2);
    for (const expected of cp6900) assert.equal(phones.find((p) => p.host === expected.host)?.status, 'ok');
  });

  it('fails a 6900 series phone with shell-login when no group gives it the admin login', async () => {
    const withoutGroups = `${setup.folder}/no-groups.yaml`;
    const inventory = await readFile(setup.inventory, 'utf8');
    await writeFile(withoutGroups, inventory.replace(/^groups:\n(?: {2}.*\n)+|^ {4}groups: .*\n/gm, ''));
    const hosts = truth.filter((phone) => phone.cp6900).flatMap((phone) => ['--host', phone.host]);
    const known = ['--known-hosts', `${setup.folder}/known_hosts`];
    const rerun = await runCli(['sweep', withoutGroups, ...hosts, ...known, '-f', 'json'], { env: FLEET_ENV });
    const entries: ReportedPhone[] = JSON.parse(rerun.stdout).phones;
    assert.equal(entries.length, 2, rerun.stderr);
    for (const entry of entries) {
      assert.equal(entry.error?.kind, 'shell-login');
      assert.match(entry.error?.message ?? '', /debug user "debug" or its password was refused/);
    }
  });

  it('fails the hung phone by its session deadline while the others finish', () => {
    const hung = truth.find((phone) => phone.mode === 'hang');
    const phone = phones.find((entry) => entry.host === hung?.host);
    assert.equal(phone?.error?.kind, 'timeout');
    assert.match(phone?.error?.message ?? '', /session not done within 3 s \(during show unreg\)/);
  });

  it('never had more sessions open at the simulator than --concurrency', () => {
    const stats = setup.fleet.stats();
    assert.ok(stats.maxOpen >= 2, `sessions ran in parallel (max ${stats.maxOpen})`);
    assert.ok(stats.maxOpen <= CONCURRENCY, `max open ${stats.maxOpen}`);
  });

  it('never prints a password, in the report or on stderr', () => {
    for (const secret of [FLEET_CREDENTIALS.password, FLEET_CREDENTIALS.debugPassword]) {
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret));
    }
  });
});
