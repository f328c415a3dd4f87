import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

it('unreg demo sweeps a simulated fleet, prints the fleet table, exits 0 and leaves nothing behind', async () => {
  const home = await mkdtemp(join(tmpdir(), 'unreg-demo-home-'));
  const tmp = await mkdtemp(join(tmpdir(), 'unreg-demo-tmp-'));
  try {
    const run = await runCli(['demo', '--phones', '12'], { env: { HOME: home, TMPDIR: tmp } });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /ReasonForOutOfService/);
    assert.match(run.stdout, /Phones: 12 total, 7 ok, 5 failed/);
    for (const kind of ['refused', 'shell-login', 'disconnected', 'unsupported', 'timeout']) {
      assert.match(run.stdout, new RegExp(`│ ${kind} +│`), kind);
    }
    assert.match(run.stderr, /Every phone came out as the simulator planned it/);
    // No entry in the user's known-hosts file, no scratch folder left.
    assert.deepEqual(await readdir(home), []);
    assert.deepEqual(await readdir(tmp), []);
  } finally {
    await rm(home, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
  }
});

it('unreg demo refuses a fleet size it cannot serve with one line (exit 2), and writes JSON to a .json file', async () => {
  const tooMany = await runCli(['demo', '--phones', '70000']);
  assert.equal(tooMany.status, 2);
  assert.equal(tooMany.stderr, 'unreg: --phones must be a whole number from 1 to 5000\n');
  const folder = await mkdtemp(join(tmpdir(), 'unreg-demo-out-'));
  try {
    const output = join(folder, 'demo.json');
    const run = await runCli(['demo', '--phones', '3', '-o', output]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(await readFile(output, 'utf8')).summary.phones.total, 3);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
