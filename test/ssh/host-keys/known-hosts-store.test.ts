import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fingerprint } from '../../../src/ssh/host-keys/host-key.js';
import { KnownHostsStore } from '../../../src/ssh/host-keys/known-hosts-store.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const KEY_A = { type: 'ssh-ed25519', base64: Buffer.from('key A').toString('base64') };
const KEY_B = { type: 'ssh-ed25519', base64: Buffer.from('key B').toString('base64') };

describe('KnownHostsStore', () => {
  const folder = withTempDir('unreg-known-hosts-');

  it('accept-new records a new phone (creating the folder) and accepts it again', async () => {
    const path = folder.join('new/known_hosts');
    const store = await KnownHostsStore.open(path, 'accept-new');
    assert.deepEqual(store.verify('127.0.1.1', 2222, KEY_A), { accepted: true });
    assert.equal(await store.flush(), null);
    assert.equal(await readFile(path, 'utf8'), `[127.0.1.1]:2222 ssh-ed25519 ${KEY_A.base64}\n`);
    const reopened = await KnownHostsStore.open(path, 'strict');
    assert.deepEqual(reopened.verify('127.0.1.1', 2222, KEY_A), { accepted: true });
  });

  it('refuses a changed key naming both SHA256 fingerprints, and writes nothing', async () => {
    const path = folder.join('changed');
    await writeFile(path, `10.1.2.3 ssh-ed25519 ${KEY_A.base64}\n`);
    const store = await KnownHostsStore.open(path, 'accept-new');
    const verdict = store.verify('10.1.2.3', 22, KEY_B);
    assert.equal(verdict.accepted, false);
    assert.ok(
      !verdict.accepted && verdict.reason.includes(fingerprint(KEY_A)) && verdict.reason.includes(fingerprint(KEY_B)),
    );
    await store.flush();
    assert.equal(await readFile(path, 'utf8'), `10.1.2.3 ssh-ed25519 ${KEY_A.base64}\n`);
  });

  it('accepts a key a pattern line gives; a changed one is refused, saying to edit that line', async () => {
    const path = folder.join('patterns');
    await writeFile(path, `10.20.*,!10.20.0.9 ssh-ed25519 ${KEY_A.base64}\n`);
    const store = await KnownHostsStore.open(path, 'strict');
    assert.deepEqual(store.verify('10.20.3.4', 22, KEY_A), { accepted: true });
    const verdict = store.verify('10.20.3.4', 22, KEY_B);
    assert.ok(!verdict.accepted && verdict.reason.endsWith(`edit the line for 10.20.*,!10.20.0.9 in ${path}`));
    const negated = store.verify('10.20.0.9', 22, KEY_A);
    assert.ok(!negated.accepted && /not in .*strict/.test(negated.reason));
  });

  it('refuses a @revoked key for the hosts its line names, even a new phone, and records nothing', async () => {
    const path = folder.join('revoked');
    const text = `@revoked * ssh-ed25519 ${KEY_B.base64}\n`;
    await writeFile(path, text);
    const store = await KnownHostsStore.open(path, 'accept-new');
    const verdict = store.verify('10.1.2.5', 22, KEY_B);
    assert.ok(!verdict.accepted && verdict.reason.includes(`${fingerprint(KEY_B)} of 10.1.2.5 is @revoked in ${path}`));
    assert.equal(await store.flush(), null);
    assert.equal(await readFile(path, 'utf8'), text);
  });

  it('finds a phone named in another case, and records names in lower case as OpenSSH does', async () => {
    const path = folder.join('case');
    await writeFile(path, `phone1.example.com ssh-ed25519 ${KEY_A.base64}\n`);
    const store = await KnownHostsStore.open(path, 'accept-new');
    assert.deepEqual(store.verify('PHONE1.example.com', 22, KEY_A), { accepted: true });
    assert.deepEqual(store.verify('Phone2.Example.com', 22, KEY_B), { accepted: true });
    assert.equal(await store.flush(), null);
    assert.match(await readFile(path, 'utf8'), /\nphone2\.example\.com ssh-ed25519 /);
  });

  it('strict refuses an unknown phone; off accepts anything without a file', async () => {
    const strict = await KnownHostsStore.open(folder.join('absent'), 'strict');
    const verdict = strict.verify('10.1.2.4', 22, KEY_A);
    assert.ok(!verdict.accepted && /not in .*strict/.test(verdict.reason));
    const off = await KnownHostsStore.open(folder.join('absent-too'), 'off');
    assert.deepEqual(off.verify('10.1.2.4', 22, KEY_B), { accepted: true });
    assert.equal(await off.flush(), null);
    await assert.rejects(readFile(folder.join('absent-too')));
  });
});
