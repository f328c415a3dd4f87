import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCliOnTerminal } from '../helpers/run-cli-on-terminal.js';
import { FLEET_CREDENTIALS, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';

describe('check and sweep at a terminal (a real pty)', () => {
  let setup: FleetOnDisk;
  before(async () => {
    setup = await fleetOnDisk({ phones: 3, seed: 5 });
  });
  after(() => setup.close());

  it('check asks for a missing SSH password without echoing it, and uses it', async () => {
    const host = setup.fleet.phones[0]?.host ?? '';
    const run = await runCliOnTerminal(
      ['check', host, '--port', String(setup.fleet.port), '-u', 'sshadmin', '--known-hosts', `${setup.folder}/kh`],
      { UNREG_DEBUG_PASSWORD: FLEET_CREDENTIALS.debugPassword },
      { after: /SSH password for .*: $/, text: `${FLEET_CREDENTIALS.password}\n` },
    );
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, new RegExp(`SSH password for sshadmin@${host.replaceAll('.', '\\.')}: `));
    assert.match(run.stdout, /Phones: 1 total, 1 ok, 0 failed/);
    assert.ok(!run.stdout.includes(FLEET_CREDENTIALS.password), 'the typed password is not echoed');
  });

  it('sweep draws a progress bar on the terminal (done/total, ok, failed, rate, ETA), not with --quiet', async () => {
    const args = [
      'sweep',
      setup.inventory,
      '--known-hosts',
      `${setup.folder}/kh`,
      '-f',
      'csv',
      '-o',
      `${setup.folder}/r.csv`,
    ];
    const env = {
      UNREG_SSH_PASSWORD: FLEET_CREDENTIALS.password,
      UNREG_DEBUG_PASSWORD: FLEET_CREDENTIALS.debugPassword,
    };
    const shown = await runCliOnTerminal(args, env);
    assert.equal(shown.status, 0, shown.stdout);
    assert.match(shown.stdout, /3\/3 phones \| ok 3 \| failed 0 \| [\d.]+\/s \| ETA/);
    const quiet = await runCliOnTerminal([...args, '--quiet'], env);
    assert.equal(quiet.status, 0, quiet.stdout);
    assert.equal(quiet.stdout, '');
  });
});
