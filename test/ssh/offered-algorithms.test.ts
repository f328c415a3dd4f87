import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeOffer } from '../../src/ssh/offered-algorithms.js';

function nameList(names: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(names.length);
  return Buffer.concat([length, Buffer.from(names, 'latin1')]);
}

/** A server's first bytes: identification, then its KEXINIT as an unencrypted packet (RFC 4253). */
function serverHello(lists: string[], banner = ''): Buffer {
  const payload = Buffer.concat([Buffer.from([20]), Buffer.alloc(16, 7), ...lists.map(nameList), Buffer.alloc(5)]);
  const padding = 8 - ((payload.length + 5) % 8) + 8;
  const header = Buffer.alloc(5);
  header.writeUInt32BE(1 + payload.length + padding);
  header[4] = padding;
  return Buffer.concat([Buffer.from(`${banner}SSH-2.0-OpenSSH_5.3\r\n`), header, payload, Buffer.alloc(padding)]);
}

const LISTS = [
  'diffie-hellman-group1-sha1,kex-strict-s-v00@openssh.com',
  'ssh-rsa',
  'aes128-cbc,3des-cbc',
  'aes128-cbc,3des-cbc',
  'hmac-sha1',
  'hmac-sha1',
  'none',
  'none',
  '',
  '',
];

describe('describeOffer', () => {
  it('names the identification and each list, without the extension markers', () => {
    assert.equal(
      describeOffer(serverHello(LISTS, 'a banner line first\r\n')),
      'the phone (SSH-2.0-OpenSSH_5.3) offers KEX method: diffie-hellman-group1-sha1; Host key format: ssh-rsa; ' +
        'C->S cipher: aes128-cbc,3des-cbc; C->S MAC: hmac-sha1',
    );
  });

  it('waits for more bytes while the identification or the packet is incomplete', () => {
    const hello = serverHello(LISTS);
    for (const cut of [0, 5, 21, 25, hello.length - 1])
      assert.equal(describeOffer(hello.subarray(0, cut)), null, `${cut}`);
  });

  it('gives up on what is not a KEXINIT', () => {
    const notKexInit = serverHello(LISTS);
    notKexInit[26] = 21;
    assert.equal(describeOffer(notKexInit), 'the phone did not say what it offers');
    const huge = Buffer.concat([Buffer.from('SSH-2.0-x\r\n'), Buffer.from([0x7f, 0, 0, 0, 4])]);
    assert.equal(describeOffer(huge), 'the phone did not say what it offers');
  });
});
