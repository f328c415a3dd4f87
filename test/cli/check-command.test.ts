import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { FLEET_CREDENTIALS, FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { essentials, type ReportedDocument } from '../helpers/sweep-report.js';

describe('unreg check against the phone simulator (real SSH on loopback)', () => {
  let setup: FleetOnDisk;
  before(async () => {
    setup = await fleetOnDisk({ phones: 3, seed: 17 });
  });
  after(() => setup.close());

  const checkArgs = (host: string) => [
    'check',
    host,
    '--port',
    String(setup.fleet.port),
    '-u',
    FLEET_CREDENTIALS.username,
    '--known-hosts',
    join(setup.folder, 'known_hosts'),
    '-f',
    'json',
  ];

  it('reads one phone with the passwords from the environment: exit 0, its alarms exactly', async () => {
    const phone = setup.fleet.truth.phones.find((candidate) => candidate.alarms.length > 0);
    assert.ok(phone, 'a phone holding alarms');
    const run = await runCli(checkArgs(phone.host), { env: FLEET_ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const report: ReportedDocument = JSON.parse(run.stdout);
    assert.equal(report.phones.length, 1);
    const [entry] = report.phones;
    assert.equal(entry?.host, phone.host);
    assert.equal(entry?.port, setup.fleet.port);
    assert.equal(entry?.status, 'ok', entry?.error?.message);
    assert.deepEqual(essentials(entry?.alarms ?? []), essentials(phone.alarms));
    assert.equal(setup.fleet.sessionsOf(phone.index), 1);
    for (const secret of [FLEET_CREDENTIALS.password, FLEET_CREDENTIALS.debugPassword]) {
      assert.ok(!run.stdout.includes(secret));
    }
  });

  it('without an SSH password and no terminal to ask on: exit 2, one line naming what is missing, no session', async () => {
    const phone = setup.fleet.truth.phones[2];
    assert.ok(phone);
    const run = await runCli(checkArgs(phone.host), { env: { UNREG_DEBUG_PASSWORD: FLEET_CREDENTIALS.debugPassword } });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.split('\n').length, 2, run.stderr);
    assert.match(run.stderr, /^unreg: .*no SSH password.*UNREG_SSH_PASSWORD/);
    assert.equal(setup.fleet.sessionsOf(phone.index), 0);
  });
});
