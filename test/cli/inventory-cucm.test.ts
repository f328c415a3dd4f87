import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { CucmTruth } from '../../src/simulator/cucm/cucm-truth.js';
import { runCli } from '../helpers/run-cli.js';
import { FAST_MINUTE, PHONE_PASSWORDS, type RunningSimulator, startSimulatedCucm } from '../helpers/simulated-cucm.js';
import type { ReportedDocument } from '../helpers/sweep-report.js';
import { withTempDir } from '../helpers/temp-dir.js';

const ENV = { ...FAST_MINUTE };

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The simulator's flags without one flag and its value. */
function without(flags: readonly string[], name: string): string[] {
  return flags.filter((flag, at, all) => flag !== name && all[at - 1] !== name);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('unreg inventory cucm against the simulated CUCM (2,500 phones, every trap)', () => {
  let sim: RunningSimulator;
  // Declared before the folder's own hooks: after-hooks run in order, and the
  // simulator writes its stats file into the folder as it stops.
  after(async () => {
    await sim?.stop();
  });
  const folder = withTempDir('unreg-cucm-');
  let truth: CucmTruth;
  let written = '';

  before(async () => {
    sim = await startSimulatedCucm(folder.join('fleet'), ['--phones', '2500', '--cp6900', '40']);
    truth = JSON.parse(await readFile(sim.ready.cucm.truth, 'utf8'));
  });

  it('writes exactly the phones CUCM has addresses for, newest address and status, the rest in comments', async () => {
    const output = folder.join('inventory.yaml');
    const run = await runCli(['inventory', 'cucm', ...sim.flags, '--template', sim.ready.inventory, '-o', output], {
      env: ENV,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    written = await readFile(output, 'utf8');
    const inventory = parse(written);
    assert.deepEqual(inventory.defaults, parse(await readFile(sim.ready.inventory, 'utf8')).defaults);
    const phones = inventory.phones.map((phone: Record<string, unknown>) => ({ groups: [], ...phone }));
    assert.equal(phones.length, 2500);
    assert.deepEqual(phones, truth.phones);
    assert.deepEqual(new Set(phones.map((phone: { site: string }) => phone.site)).size, 3);
    // A stale address of an older node's entry would send the sweep to the wrong phone.
    assert.doesNotMatch(written, /127\.1\./);
    for (const name of truth.unaddressed) assert.match(written, new RegExp(`^# +${name} `, 'm'));
    for (const name of truth.softClientsListed) assert.doesNotMatch(written, new RegExp(name));
    const notes = run.stderr;
    assert.match(notes, /AXL: CUCM found a page of 1000 phones too large; asking 700 at a time/);
    assert.match(notes, /RisPort70: CUCM cut an answer at 1000 of \d+ entries: asking 500 names at a time/);
    assert.match(notes, new RegExp(`^unreg: ${truth.softClientsListed.length} soft clients left out`, 'm'));
    assert.match(notes, new RegExp(`^unreg: ${truth.unaddressed.length} phones with no address in RisPort70`, 'm'));
  });

  it('gives an inventory that `unreg sweep -` reads from stdin, reaching the simulated phones', async () => {
    assert.notEqual(written, '', 'the inventory of the test above');
    const knownHosts = folder.join('known_hosts');
    const run = await runCli(['sweep', '-', '--host', '127.0.1.*', '-f', 'json', '--known-hosts', knownHosts], {
      input: written,
      env: PHONE_PASSWORDS,
    });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ReportedDocument;
    const expected = truth.phones.filter((phone) => phone.host.startsWith('127.0.1.'));
    assert.equal(report.phones.length, expected.length);
    assert.deepEqual(
      report.phones.map((phone) => [phone.host, phone.name, phone.status]).sort(),
      expected.map((phone) => [phone.host, phone.name, 'ok']).sort(),
    );
  });

  it('keeps only the device pools and models asked for; --insecure works, with a warning', async () => {
    const flags = without(sim.flags, '--cacert');
    const run = await runCli(
      ['inventory', 'cucm', ...flags, '--insecure', '--device-pool', 'hq-*', '--model', 'Cisco 69??'],
      { env: ENV },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^unreg: warning: --insecure: /m);
    const phones = parse(run.stdout).phones;
    const expected = truth.phones.filter((phone) => phone.site === 'HQ-Tokyo_DP' && phone.groups.includes('cp6900'));
    assert.ok(expected.length > 0);
    assert.deepEqual(
      phones.map((phone: { name: string }) => phone.name),
      expected.map((phone) => phone.name),
    );
  });

  const cases: { what: string; args: () => string[]; env: NodeJS.ProcessEnv; status: number; pattern: RegExp }[] = [
    {
      what: 'a refused login (401, an HTML page) names the roles',
      args: () => [...without(sim.flags, '--password-file'), '--password-env', 'CUCM_PW'],
      env: { ...ENV, CUCM_PW: 'wrong' },
      status: 2,
      pattern:
        /^unreg: AXL: CUCM refused the login of unreg-axl \(HTTP 401\): .*Standard AXL API Access and Standard RealtimeAndTraceCollection$/,
    },
    {
      what: 'an untrusted certificate names --cacert and --insecure',
      args: () => without(sim.flags, '--cacert'),
      env: ENV,
      status: 2,
      pattern:
        /^unreg: 127\.0\.0\.1:\d+: CUCM's certificate is not trusted \(.*\): trust it with --cacert FILE .* or skip the check with --insecure$/,
    },
    {
      what: 'an AXL version CUCM does not serve names the newest it does',
      args: () => [...sim.flags, '--axl-version', '11.0'],
      env: ENV,
      status: 1,
      pattern:
        /^unreg: AXL: CUCM does not serve AXL version 11\.0 \(it serves 12\.x, 14\.0 and 15\.0\): run again with --axl-version 15\.0$/,
    },
  ];
  for (const { what, args, env, status, pattern } of cases) {
    it(`${what}: one line, exit ${status}, no file`, async () => {
      const output = folder.join('failed.yaml');
      const run = await runCli(['inventory', 'cucm', ...args(), '-o', output], { env });
      assert.equal(run.status, status, run.stderr);
      assert.equal(lines(run.stderr).length, 1, run.stderr);
      assert.match(run.stderr.trimEnd(), pattern);
      assert.equal(run.stdout, '');
      assert.equal(await exists(output), false);
    });
  }
});

describe('unreg inventory cucm when CUCM is not itself', () => {
  const folder = withTempDir('unreg-cucm-');

  it('quotes the title of a page that is not XML: one line, exit 1, no file', async () => {
    const sim = await startSimulatedCucm(folder.join('down'), ['--phones', '3', '--cucm-unavailable']);
    try {
      const output = folder.join('down.yaml');
      const run = await runCli(['inventory', 'cucm', ...sim.flags, '-o', output], { env: ENV });
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(lines(run.stderr), [
        'unreg: AXL listPhone: CUCM answered HTTP 503 with a page that is not SOAP: "HTTP Status 503 – Service Unavailable"',
      ]);
      assert.equal(await exists(output), false);
    } finally {
      await sim.stop();
    }
  });

  it('waits when another client has used the RisPort70 allowance, and finishes without a storm of retries', async () => {
    // An answer holds 2 devices: some 30 requests paced at 15 a "minute", the first minute already spent.
    const sim = await startSimulatedCucm(folder.join('busy'), [
      '--phones',
      '40',
      '--cucm-rate',
      '18',
      '--cucm-rate-used',
      '18',
      '--cucm-ceiling',
      '2',
      '--cucm-unaddressed',
      '0',
    ]);
    let stats: Awaited<ReturnType<RunningSimulator['stop']>>;
    try {
      const run = await runCli(['inventory', 'cucm', ...sim.flags], { env: ENV });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(parse(run.stdout).phones.length, 40);
      assert.match(
        run.stderr,
        /^unreg: RisPort70: CUCM refused for its rate limit although unreg keeps to 15 a minute: another client of the cluster uses the shared allowance; waiting \d+ ms \(1 of 4\)$/m,
      );
    } finally {
      stats = await sim.stop();
    }
    // Refusals come only while the other client's minute lasts: a back-off each, never a burst.
    assert.ok(stats !== null);
    assert.ok(stats.cucm.rateRefusals >= 1 && stats.cucm.rateRefusals <= 3, JSON.stringify(stats.cucm));
    assert.ok(stats.cucm.requests > 20, JSON.stringify(stats.cucm));
  });
});
