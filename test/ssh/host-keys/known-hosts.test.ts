import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { fingerprint, hostKeyFromBlob } from '../../../src/ssh/host-keys/host-key.js';
import {
  entryMatches,
  formatKnownHostLine,
  knownHostName,
  parseKnownHosts,
  removeHost,
} from '../../../src/ssh/host-keys/known-hosts.js';

// An ed25519 public key blob: string "ssh-ed25519", then 32 key bytes.
const BLOB = Buffer.concat([
  Buffer.from([0, 0, 0, 11]),
  Buffer.from('ssh-ed25519'),
  Buffer.from([0, 0, 0, 32]),
  Buffer.alloc(32, 7),
]);

describe('known_hosts (OpenSSH format)', () => {
  it('reads the key type from the blob and gives the OpenSSH SHA256 fingerprint', () => {
    const key = hostKeyFromBlob(BLOB);
    assert.equal(key.type, 'ssh-ed25519');
    assert.equal(key.base64, BLOB.toString('base64'));
    assert.match(fingerprint(key), /^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('names hosts as OpenSSH does: the port only when it is not 22', () => {
    assert.equal(knownHostName('10.1.2.3', 22), '10.1.2.3');
    assert.equal(knownHostName('127.0.1.5', 2222), '[127.0.1.5]:2222');
    assert.equal(
      formatKnownHostLine('127.0.1.5', 2222, { type: 'ssh-rsa', base64: 'AAAA' }),
      '[127.0.1.5]:2222 ssh-rsa AAAA\n',
    );
  });

  it('skips comments, blank, @cert-authority and short lines; reads @revoked ones as such', () => {
    const entries = parseKnownHosts(
      '# comment\n\n@cert-authority *.corp ssh-rsa AAAA\n@revoked * ssh-rsa BBBB\nonlyhost\n' +
        'phone1,10.0.0.1 ssh-ed25519 AAAAB comment here\n',
    );
    assert.deepEqual(entries, [
      { hosts: '*', key: { type: 'ssh-rsa', base64: 'BBBB' }, revoked: true },
      { hosts: 'phone1,10.0.0.1', key: { type: 'ssh-ed25519', base64: 'AAAAB' }, revoked: false },
    ]);
  });

  it('matches patterns as OpenSSH does: * and ?, negation, ports in brackets, any case', () => {
    const matches = (hosts: string, name: string) => {
      const [entry] = parseKnownHosts(`${hosts} ssh-ed25519 AAAA\n`);
      return entry !== undefined && entryMatches(entry, name);
    };
    assert.ok(matches('*.example.com', 'phone7.example.com'));
    assert.ok(!matches('*.example.com', 'example.com'));
    assert.ok(matches('10.20.?.1', '10.20.5.1') && !matches('10.20.?.1', '10.20.15.1'));
    assert.ok(matches('[10.0.0.*]:2222', '[10.0.0.9]:2222') && !matches('[10.0.0.*]:2222', '10.0.0.9'));
    assert.ok(matches('10.20.*,!10.20.0.9', '10.20.0.8') && !matches('10.20.*,!10.20.0.9', '10.20.0.9'));
    assert.ok(matches('Phone1.Example.COM', 'phone1.example.com'));
    assert.ok(!matches('10.1.2.3', '10x1x2x3'), 'a dot is a dot, not any character');
    assert.equal(knownHostName('Phone1.Example.COM', 22), 'phone1.example.com');
  });

  it('removes the lines that name a host, never a pattern line or a @revoked one (forget-host)', () => {
    const kept = '10.20.* ssh-ed25519 AAAA\n10.20.0.9,10.21.* ssh-ed25519 DDDD\n@revoked 10.20.0.9 ssh-rsa CCCC\n';
    const text = `${kept}10.20.0.9,other ssh-ed25519 BBBB\n# 10.20.0.9\n`;
    assert.deepEqual(removeHost(text, '10.20.0.9'), { text: `${kept}# 10.20.0.9\n`, removed: 1 });
  });

  it('matches plain comma lists and hashed (HashKnownHosts) names', () => {
    const [plain] = parseKnownHosts('phone1,[10.0.0.1]:2222 ssh-ed25519 AAAA\n');
    assert.ok(plain && entryMatches(plain, '[10.0.0.1]:2222'));
    assert.ok(plain && !entryMatches(plain, '10.0.0.1'));
    const salt = Buffer.alloc(20, 1);
    const hash = createHmac('sha1', salt).update('10.9.9.9').digest('base64');
    const [hashed] = parseKnownHosts(`|1|${salt.toString('base64')}|${hash} ssh-rsa AAAA\n`);
    assert.ok(hashed && entryMatches(hashed, '10.9.9.9'));
    assert.ok(hashed && !entryMatches(hashed, '10.9.9.8'));
  });
});
