import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleet } from '../helpers/sweep-cli.js';

describe('unreg sweep: inventory errors name file:line, before any connection', () => {
  let setup: FleetOnDisk;
  before(async () => {
    setup = await fleetOnDisk({ phones: 3, seed: 7 });
  });
  after(() => setup.close());

  it('an unknown key, a duplicate host and a bad port: exit 2, one stderr line each, nothing read', async () => {
    const [first, second, third] = setup.fleet.phones.map((phone) => phone.host);
    const port = setup.fleet.port;
    const inventory = join(setup.folder, 'broken.yaml');
    await writeFile(
      inventory,
      [
        'defaults:',
        `  port: ${port}`,
        '  username: sshadmin',
        'phones:',
        `  - host: ${first}`,
        '    colour: blue',
        `  - host: ${second}`,
        `  - host: ${first}`,
        `  - host: ${third}`,
        '    port: 70000',
        '',
      ].join('\n'),
    );
    const run = await sweepFleet(setup, ['-f', 'json'], inventory);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      [
        `unreg: ${inventory}:6: colour: unknown key`,
        `unreg: ${inventory}:8: host: ${first} port ${port} is listed twice (lines 5 and 8)`,
        `unreg: ${inventory}:10: port: must be an integer 1-65535, got 70000`,
        '',
      ].join('\n'),
    );
    assert.equal(setup.fleet.stats().total, 0, 'no phone was contacted');
  });
});
