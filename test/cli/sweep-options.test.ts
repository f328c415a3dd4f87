import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CSV_COLUMNS } from '../../src/render/csv-renderer.js';
import type { PhoneTruth } from '../../src/simulator/fleet-truth.js';
import { readCsv } from '../helpers/read-csv.js';
import { runCli } from '../helpers/run-cli.js';
import { FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleet, sweepFleetJson } from '../helpers/sweep-cli.js';
import { entryOf, outcomeOf } from '../helpers/sweep-report.js';

describe('unreg sweep options against the phone simulator', () => {
  let setup: FleetOnDisk;
  let truth: readonly PhoneTruth[];
  before(async () => {
    setup = await fleetOnDisk({ phones: 8, seed: 11, legacy: 2 });
    truth = setup.fleet.truth.phones;
  });
  after(() => setup.close());

  /** Sessions each phone served during `action`. */
  const sessionsDuring = async (action: () => Promise<void>): Promise<number[]> => {
    const before = truth.map((phone) => setup.fleet.sessionsOf(phone.index));
    await action();
    return truth.map((phone, at) => setup.fleet.sessionsOf(phone.index) - (before[at] ?? 0));
  };

  describe('--no-legacy-algorithms', () => {
    it('fails old-firmware phones with ssh-negotiation naming what they offer; modern ones are read', async () => {
      const { run, report } = await sweepFleetJson(setup, ['--no-legacy-algorithms']);
      assert.equal(run.status, 1, run.stderr);
      for (const phone of truth) {
        const entry = entryOf(report.phones, phone.host);
        if (!phone.legacy) {
          assert.equal(outcomeOf(entry), 'ok', entry.error?.message);
          continue;
        }
        assert.equal(outcomeOf(entry), 'ssh-negotiation');
        const message = entry.error?.message ?? '';
        for (const offered of ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1', 'ssh-rsa', '3des-cbc']) {
          assert.ok(message.includes(offered), `${offered} in: ${message}`);
        }
        assert.match(message, /--no-legacy-algorithms/);
      }
    });
  });

  describe('cron use', () => {
    it('-o DIR/sub/unreg-{date}.csv makes the folder and writes the CSV there; stdout and stderr stay empty', async () => {
      const dayBefore = new Date().toISOString().slice(0, 10);
      const run = await sweepFleet(setup, ['-o', join(setup.folder, 'reports', 'nightly', 'unreg-{date}.csv')]);
      const dayAfter = new Date().toISOString().slice(0, 10);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, '', 'no progress output without a terminal');
      const written = await readdir(join(setup.folder, 'reports', 'nightly'));
      assert.equal(written.length, 1, written.join(' '));
      assert.ok([`unreg-${dayBefore}.csv`, `unreg-${dayAfter}.csv`].includes(written[0] ?? ''), written[0]);

      const [header, ...rows] = readCsv(
        await readFile(join(setup.folder, 'reports', 'nightly', written[0] ?? ''), 'utf8'),
      );
      assert.deepEqual(header, [...CSV_COLUMNS]);
      const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
      const expected = truth.flatMap((phone) =>
        phone.alarms.length === 0
          ? [[phone.host, '']]
          : phone.alarms.map((alarm) => [phone.host, alarm.timestamp ?? '']),
      );
      const got = rows.map((row) => [row[column('host')], row[column('timestamp')]]);
      assert.deepEqual(got.sort(), expected.sort());
      assert.ok(rows.every((row) => row[column('status')] === 'ok'));
    });
  });

  describe('filters', () => {
    const selects = async (flags: string[], expected: (phone: PhoneTruth) => boolean) => {
      const wanted = truth.filter(expected).map((phone) => phone.host);
      assert.ok(wanted.length > 0 && wanted.length < truth.length, 'a filter that selects some phones');
      let hosts: string[] = [];
      const sessions = await sessionsDuring(async () => {
        const { run, report } = await sweepFleetJson(setup, flags);
        assert.equal(run.status, 0, run.stderr);
        hosts = report.phones.map((phone) => phone.host);
      });
      assert.deepEqual(hosts.sort(), [...wanted].sort());
      assert.deepEqual(
        sessions,
        truth.map((phone) => (expected(phone) ? 1 : 0)),
        'only the phones selected were contacted',
      );
    };

    it('--site given twice selects the phones of either site', async () => {
      await selects(['--site', 'tokyo', '--site', 'london'], (phone) => ['tokyo', 'london'].includes(phone.site));
    });

    it('--tag with --site selects the phones with the tag at that site', async () => {
      const site = truth.find((phone) => phone.legacy)?.site ?? '';
      await selects(['--tag', 'legacy', '--site', site], (phone) => phone.legacy && phone.site === site);
    });

    it('--host GLOB selects the matching addresses', async () => {
      await selects(['--host', '*.[2-4]'], (phone) => /\.[2-4]$/.test(phone.host));
    });

    it('takes filters before the inventory path too', async () => {
      const run = await runCli(['sweep', '--site', 'nowhere', '--tag', 'none', setup.inventory], { env: FLEET_ENV });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `unreg: no phone of ${setup.inventory} matches --site/--tag/--host\n`);
    });

    it('no phone matching: exit 2, one line saying so, no connection', async () => {
      const sessions = await sessionsDuring(async () => {
        const run = await sweepFleet(setup, ['--site', 'nowhere', '-f', 'json']);
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, `unreg: no phone of ${setup.inventory} matches --site/--tag/--host\n`);
      });
      assert.deepEqual(
        sessions,
        truth.map(() => 0),
      );
    });
  });
});
