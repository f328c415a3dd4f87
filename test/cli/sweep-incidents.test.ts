import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Incident } from '../../src/report/report-document.js';
import { runCli } from '../helpers/run-cli.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';

// The simulator tells stories (a switch reload, a DHCP scope running dry, a
// CUCM node restart) and its truth file records them: a sweep must find
// exactly those, each with its suspect and its devices.

const sortedDevices = (devices: readonly string[]) => [...devices].sort();

describe('incidents from a sweep of the simulated fleet (real SSH on loopback)', () => {
  let setup: FleetOnDisk;
  let report = '';
  before(async () => {
    setup = await fleetOnDisk({ phones: 60, seed: 4, legacy: 4, failures: { hang: 1, refused: 2, drop: 2 } });
  });
  after(async () => {
    await setup.close();
  });

  it("finds the truth's incidents: each story's suspect and devices, nothing else", async () => {
    const truth = setup.fleet.truth.incidents;
    assert.deepEqual(truth.map((incident) => incident.story).sort(), [
      'cucm-node-restart',
      'dhcp-scope-exhausted',
      'switch-reload',
    ]);
    const { run, report: document } = await sweepFleetJson(setup, ['--concurrency', '20']);
    report = run.stdout;
    const found = (document as unknown as { incidents: Incident[] }).incidents;
    assert.deepEqual(
      found.map((incident) => ({ ...incident.suspect, devices: sortedDevices(incident.devices) })),
      truth.map((incident) => ({
        kind: incident.suspect.kind,
        value: incident.suspect.value,
        phones: incident.devices.length,
        devices: sortedDevices(incident.devices),
      })),
    );
    assert.deepEqual(
      found.map((incident) => incident.start),
      truth.map((incident) => incident.start),
    );
  });

  it('unreg incidents reads the saved report (JSON and NDJSON), each alarm once across files', async () => {
    const saved = join(setup.folder, 'night-1.json');
    await writeFile(saved, report);
    const ndjson = join(setup.folder, 'night-2.ndjson');
    const document = JSON.parse(report);
    await writeFile(ndjson, document.phones.map((entry: unknown) => `${JSON.stringify(entry)}\n`).join(''));
    const one = await runCli(['incidents', saved, '-f', 'json']);
    assert.equal(one.status, 0, one.stderr);
    const both = await runCli(['incidents', saved, ndjson, '-f', 'json']);
    assert.equal(both.status, 0, both.stderr);
    assert.deepEqual(JSON.parse(both.stdout).incidents, document.incidents);
    assert.deepEqual(JSON.parse(one.stdout).incidents, document.incidents);
    const table = await runCli(['incidents', saved, ndjson, '-f', 'table', '--detail']);
    const alarms = document.phones.reduce((sum: number, entry: { alarms: unknown[] }) => sum + entry.alarms.length, 0);
    assert.match(table.stdout, new RegExp(`Read ${alarms} distinct alarms of \\d+ phones from 2 files`));
    assert.match(table.stdout, /CUCM node cucm-sub\d/);
    assert.match(await readFile(saved, 'utf8'), /"incidents"/);
  });
});

describe('unreg demo', () => {
  it("opens with the simulated fleet's incidents, before the reason counts", async () => {
    const run = await runCli(['demo', '--quiet', '--format', 'table']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('Incidents\n'), run.stdout.slice(0, 200));
    assert.ok(run.stdout.indexOf('Incidents') < run.stdout.indexOf('ReasonForOutOfService'));
    for (const suspect of [
      /switch \w+-sw\d+, \d+ of its \d+ phones/,
      /subnet 10\.\d+\.\d+\.0\/24/,
      /CUCM node cucm-sub\d/,
    ]) {
      assert.match(run.stdout, suspect);
    }
  });
});
