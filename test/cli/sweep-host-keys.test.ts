import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';
import { entryOf, outcomeOf } from '../helpers/sweep-report.js';

/** A known_hosts line's SHA256 fingerprint, worked out here rather than by the code under test. */
function lineFingerprint(line: string): string {
  const [, , base64] = line.split(' ');
  const digest = createHash('sha256')
    .update(Buffer.from(base64 ?? '', 'base64'))
    .digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

async function knownHostLines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
}

describe('unreg sweep: host keys against the phone simulator', () => {
  let setup: FleetOnDisk;
  let knownHosts: string;
  before(async () => {
    setup = await fleetOnDisk({ phones: 4, seed: 3, legacy: 1 });
    knownHosts = join(setup.folder, 'scratch_known_hosts');
  });
  after(() => setup.close());

  const hostsOf = () => setup.fleet.truth.phones.map((phone) => phone.host);
  const changed = 2;

  it('accept-new records every phone once, in OpenSSH format, with the key the phone holds', async () => {
    const { run, report } = await sweepFleetJson(setup, ['--known-hosts', knownHosts]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(report.phones.map(outcomeOf), ['ok', 'ok', 'ok', 'ok']);
    const lines = await knownHostLines(knownHosts);
    assert.equal(lines.length, 4, lines.join('\n'));
    const port = setup.fleet.port;
    for (const phone of setup.fleet.truth.phones) {
      const line = lines.find((entry) => entry.startsWith(`[${phone.host}]:${port} `));
      assert.ok(line, `a line for ${phone.host}`);
      assert.match(line, /^\[[0-9.]+\]:\d+ (ssh-ed25519|ssh-rsa) [A-Za-z0-9+/]+={0,2}$/);
      assert.equal(line.split(' ')[1], phone.hostKey.type);
      assert.equal(lineFingerprint(line), phone.hostKey.fingerprint);
    }
    // OpenSSH refuses a known_hosts file others can write; ours is private.
    assert.equal((await stat(knownHosts)).mode & 0o077, 0);
  });

  it('refuses a changed key with kind hostkey and both fingerprints; the other phones are read', async () => {
    const before = await readFile(knownHosts, 'utf8');
    const oldKey = setup.fleet.truth.phones[changed]?.hostKey.fingerprint;
    setup.fleet.changeHostKey(changed);
    const newKey = setup.fleet.truth.phones[changed]?.hostKey.fingerprint;
    assert.ok(oldKey && newKey && oldKey !== newKey);
    const { run, report } = await sweepFleetJson(setup, ['--known-hosts', knownHosts]);
    assert.equal(run.status, 1, run.stderr);
    hostsOf().forEach((host, index) => {
      const entry = entryOf(report.phones, host);
      assert.equal(outcomeOf(entry), index === changed ? 'hostkey' : 'ok', host);
    });
    const refused = entryOf(report.phones, hostsOf()[changed] ?? '');
    assert.ok(refused.error?.message.includes(oldKey), refused.error?.message);
    assert.ok(refused.error?.message.includes(newKey), refused.error?.message);
    // The refused phone was never logged into, and its old key is kept.
    assert.equal(refused.alarms.length, 0);
    assert.equal(await readFile(knownHosts, 'utf8'), before);
  });

  it('reads the phone again once forget-host removed its old key, and records the new one', async () => {
    const host = hostsOf()[changed] ?? '';
    const port = String(setup.fleet.port);
    const forget = await runCli(['forget-host', host, '--port', port, '--known-hosts', knownHosts]);
    assert.equal(forget.status, 0, forget.stderr);
    assert.equal(forget.stdout, `1 key of [${host}]:${port} removed from ${knownHosts}\n`);
    assert.equal((await knownHostLines(knownHosts)).length, 3);
    const { run, report } = await sweepFleetJson(setup, ['--known-hosts', knownHosts]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(outcomeOf(entryOf(report.phones, host)), 'ok');
    const lines = await knownHostLines(knownHosts);
    assert.equal(lines.length, 4);
    const line = lines.find((entry) => entry.startsWith(`[${host}]:${port} `)) ?? '';
    assert.equal(lineFingerprint(line), setup.fleet.truth.phones[changed]?.hostKey.fingerprint);
  });

  it('strict with an empty known_hosts refuses every phone, naming its key, and records nothing', async () => {
    const empty = join(setup.folder, 'empty_known_hosts');
    await writeFile(empty, '', { mode: 0o600 });
    // Given twice, the last --host-key-check wins (a wrapper's default, then the user's).
    for (const checks of [['strict'], ['off', 'strict']]) {
      const flags = checks.flatMap((check) => ['--host-key-check', check]);
      const { run, report } = await sweepFleetJson(setup, ['--known-hosts', empty, ...flags]);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(report.phones.length, 4);
      for (const phone of setup.fleet.truth.phones) {
        const entry = entryOf(report.phones, phone.host);
        assert.equal(outcomeOf(entry), 'hostkey', checks.join(' then '));
        assert.ok(entry.error?.message.includes(phone.hostKey.fingerprint), entry.error?.message);
      }
      assert.equal(await readFile(empty, 'utf8'), '');
    }
  });

  it('off reads every phone and records nothing', async () => {
    const none = join(setup.folder, 'never_written');
    const { run, report } = await sweepFleetJson(setup, ['--known-hosts', none, '--host-key-check', 'off']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(report.phones.map(outcomeOf), ['ok', 'ok', 'ok', 'ok']);
    await assert.rejects(stat(none), { code: 'ENOENT' });
  });
});
