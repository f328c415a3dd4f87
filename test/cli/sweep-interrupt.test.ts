import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inventoryYaml } from '../../src/simulator/fleet-files.js';
import { type CliProcess, type CliRun, startCli } from '../helpers/run-cli.js';
import { FLEET_CREDENTIALS, FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { entryOf, essentials, type ReportedDocument } from '../helpers/sweep-report.js';
import { waitUntil } from '../helpers/wait-until.js';

// Slow phones wait this long before each step: far longer than any test, so
// a sweep that did not close its sessions on a signal would visibly hang.
const SLOW_STEP_MS = 60_000;
const CONCURRENCY = 2;
// Phones listed after the fleet's own, never contacted: a sweep interrupted
// early still writes an entry for each, which gives a second signal time to
// arrive before the report is complete.
const UNSTARTED = 4000;

describe('unreg sweep interrupted (real SSH on loopback)', () => {
  let setup: FleetOnDisk;
  /** The fleet's two answering phones first, then its slow ones. */
  let inventory: string;
  before(async () => {
    setup = await fleetOnDisk({ phones: 6, seed: 5, failures: { slow: 4 }, slowStepMs: SLOW_STEP_MS });
  });
  after(() => setup.close());

  const ordered = () => [...setup.fleet.phones].sort((a, b) => Number(a.mode === 'slow') - Number(b.mode === 'slow'));
  const writeInventory = async (name: string, unstarted: number) => {
    const defaults = { port: setup.fleet.port, username: FLEET_CREDENTIALS.username, debugUsername: 'debug' };
    const more = Array.from(
      { length: unstarted },
      (_, at) => `  - host: 127.0.${200 + Math.floor(at / 250)}.${1 + (at % 250)}\n`,
    );
    const path = join(setup.folder, name);
    await writeFile(path, inventoryYaml(ordered(), defaults) + more.join(''));
    return path;
  };

  /** Starts a sweep and waits until the answering phones are done and two slow sessions are open. */
  const startSweep = async (inventoryPath: string, output: string): Promise<CliProcess> => {
    const totalBefore = setup.fleet.stats().total;
    const args = ['sweep', inventoryPath, '-c', String(CONCURRENCY), '--retries', '0', '-f', 'json', '-o', output];
    const sweep = startCli([...args, '--known-hosts', join(setup.folder, 'known_hosts')], { env: FLEET_ENV });
    await waitUntil(() => {
      const stats = setup.fleet.stats();
      return stats.total - totalBefore === 4 && stats.open === CONCURRENCY;
    }, 'two phones read and two slow sessions open');
    return sweep;
  };

  /** Waits for the sweep to end: bounded, so one that waits for its phones fails here. */
  const ended = async (sweep: CliProcess): Promise<CliRun> => {
    let run: CliRun | null = null;
    void sweep.done.then((result) => {
      run = result;
    });
    await waitUntil(() => run !== null, 'the sweep ends soon after the signal', 5000);
    return sweep.done;
  };

  before(async () => {
    inventory = await writeInventory('ordered.yaml', 0);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: closes its sessions, writes the whole report with unfinished phones aborted, exits 130`, async () => {
      const output = join(setup.folder, `report-${signal}.json`);
      const sweep = await startSweep(inventory, output);
      const sessionsBefore = setup.fleet.stats().total;
      sweep.child.kill(signal);
      const run = await ended(sweep);
      assert.equal(run.status, 130, run.stderr);
      assert.equal(run.stdout, '');
      // Without a terminal stderr holds just that line: no blank line, no progress bar.
      assert.match(run.stderr, new RegExp(`^unreg: ${signal}: closing sessions and writing the report.*\n$`));
      await waitUntil(() => setup.fleet.stats().open === 0, 'the simulator sees every session closed', 5000);
      assert.equal(setup.fleet.stats().total, sessionsBefore, 'no session starts after the signal');

      const report: ReportedDocument = JSON.parse(await readFile(output, 'utf8'));
      assert.equal(report.phones.length, 6);
      assert.deepEqual(report.summary.phones, {
        total: 6,
        ok: 2,
        failed: 4,
        skipped: 0,
        withAlarms: report.summary.phones.withAlarms,
      });
      for (const phone of setup.fleet.truth.phones) {
        const entry = entryOf(report.phones, phone.host);
        if (phone.mode === 'slow') {
          assert.equal(entry.status, 'failed');
          assert.equal(entry.error?.kind, 'aborted', entry.error?.message);
        } else {
          assert.equal(entry.status, 'ok', entry.error?.message);
          assert.deepEqual(essentials(entry.alarms), essentials(phone.alarms));
        }
      }
      assert.deepEqual(await temporaryFiles(setup.folder), []);
    });
  }

  it('a second SIGINT quits at once: exit 130, no report, an earlier one kept, no temporary file', async () => {
    const big = await writeInventory('big.yaml', UNSTARTED);
    const output = join(setup.folder, 'report-twice.json');
    await writeFile(output, 'an earlier report\n');
    const sweep = await startSweep(big, output);
    sweep.child.kill('SIGINT');
    await waitUntil(() => sweep.stderrSoFar().includes('closing sessions'), 'the first SIGINT is taken');
    sweep.child.kill('SIGINT');
    const run = await ended(sweep);
    assert.equal(run.status, 130, run.stderr);
    assert.equal(await readFile(output, 'utf8'), 'an earlier report\n');
    assert.deepEqual(await temporaryFiles(setup.folder), []);
    await waitUntil(() => setup.fleet.stats().open === 0, 'the simulator sees every session closed', 5000);
  });
});

async function temporaryFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
}
