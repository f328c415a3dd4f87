// npm run bench:ssh-algorithms: what each SSH algorithm costs the client in
// node, done the way ssh2 does it (its own key parser and cipher classes):
// the key exchanges, the host key checks and the ciphers that phones and
// OpenSSH's sshd offer. CPU per operation (user + system, process.cpuUsage),
// the median of 5 rounds, the algorithms taking turns within each round.
// Figures: docs/performance.md (bench:sweep, "What sshd negotiates").
import {
  createDiffieHellmanGroup,
  createECDH,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import { createRequire } from 'node:module';
import ssh2 from 'ssh2';
import { machineDescription, median } from './measure.js';

const require = createRequire(import.meta.url);

// ssh2's internals, untyped: only what is used here.
interface ParsedKey {
  type: string;
  sign(data: Buffer, hash?: string): Buffer;
  verify(data: Buffer, signature: Buffer, hash?: string): boolean | Error;
  getPublicSSH(): Buffer;
}
const keyParser = require('ssh2/lib/protocol/keyParser.js') as {
  parseKey(data: string | Buffer): ParsedKey | Error;
  parseDERKey(data: Buffer, type: string): ParsedKey | Error;
};
interface CipherInfo {
  keyLen: number;
  ivLen: number;
  authLen: number;
}
interface MacInfo {
  len: number;
}
const sshCrypto = require('ssh2/lib/protocol/crypto.js') as {
  init: Promise<void>;
  bindingAvailable: boolean;
  CIPHER_INFO: Record<string, CipherInfo>;
  MAC_INFO: Record<string, MacInfo>;
  createCipher(config: object): { allocPacket(length: number): Buffer; encrypt(packet: Buffer): void };
  createDecipher(config: object): { decrypt(data: Buffer, start: number, end: number): void };
};

const ROUNDS = 5;

interface Case {
  readonly label: string;
  readonly times: number;
  readonly run: () => void;
}

function keyExchanges(): Case[] {
  const x25519 = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' });
  const p256 = createECDH('prime256v1').generateKeys();
  const group = (name: string) => createDiffieHellmanGroup(name).generateKeys();
  const modp14 = group('modp14');
  const modp2 = group('modp2');
  return [
    {
      // ssh2: a new X25519 pair, its public half exported, the server's imported from DER.
      label: 'kex curve25519-sha256',
      times: 300,
      run: () => {
        const keys = generateKeyPairSync('x25519');
        keys.publicKey.export({ type: 'spki', format: 'der' });
        const publicKey = createPublicKey({ key: x25519, type: 'spki', format: 'der' });
        diffieHellman({ privateKey: keys.privateKey, publicKey });
      },
    },
    {
      label: 'kex ecdh-sha2-nistp256',
      times: 300,
      run: () => {
        const ecdh = createECDH('prime256v1');
        ecdh.generateKeys();
        ecdh.computeSecret(p256);
      },
    },
    {
      label: 'kex diffie-hellman-group14-sha1 (old firmware)',
      times: 40,
      run: () => {
        const dh = createDiffieHellmanGroup('modp14');
        dh.generateKeys();
        dh.computeSecret(modp14);
      },
    },
    {
      label: 'kex diffie-hellman-group1-sha1 (old firmware)',
      times: 10,
      run: () => {
        const dh = createDiffieHellmanGroup('modp2');
        dh.generateKeys();
        dh.computeSecret(modp2);
      },
    },
  ];
}

/** The client's check of the host key: its blob parsed, the exchange hash's signature verified. */
function hostKeys(): Case[] {
  const data = randomBytes(32);
  const kinds = [
    ['rsa-sha2-512', 'rsa', 'sha512'],
    ['rsa-sha2-256', 'rsa', 'sha256'],
    ['ssh-rsa (old firmware)', 'rsa', 'sha1'],
    ['ssh-ed25519', 'ed25519', undefined],
  ] as const;
  return kinds.map(([name, type, hash]) => {
    const pair = ssh2.utils.generateKeyPairSync(type, type === 'rsa' ? { bits: 2048 } : {});
    const secret = parsed(pair.private);
    const known = parsed(pair.public);
    const signature = secret.sign(data, hash);
    const full = known.getPublicSSH();
    const blob = full.subarray(4 + full.readUInt32BE(0));
    return {
      label: `host key ${name}`,
      times: 300,
      run: () => {
        // A fresh copy each time: ssh2's parser keeps its position on the buffer.
        const key = keyParser.parseDERKey(Buffer.from(blob), known.type);
        if (key instanceof Error || key.verify(data, signature, hash) !== true)
          throw new Error(`${name}: not verified`);
      },
    };
  });
}

function parsed(key: string | Buffer): ParsedKey {
  const result = keyParser.parseKey(key);
  if (result instanceof Error) throw result;
  return result;
}

// A session's traffic, roughly: 8 packets of 1 KiB (the output) and 22 small ones.
const PACKETS = [...Array(8).fill(1024), ...Array(22).fill(64)] as number[];

const CIPHER_PAIRS = [
  ['aes128-gcm@openssh.com', undefined],
  ['chacha20-poly1305@openssh.com', undefined],
  ['aes128-ctr', 'hmac-sha2-256-etm@openssh.com'],
  ['aes128-cbc', 'hmac-sha1'],
] as const;

/**
 * ssh2's own cipher classes: their node versions, and their native binding's
 * where npm install compiled it (unreg then offers AES-GCM first).
 */
function ciphers(): Case[] {
  const natives = sshCrypto.bindingAvailable ? [false, true] : [false];
  const pairs = natives.flatMap((native) => CIPHER_PAIRS.map(([name, macName]) => [name, macName, native] as const));
  return pairs.map(([name, macName, native]) => {
    const cipherInfo = sshCrypto.CIPHER_INFO[name] as CipherInfo;
    const macInfo = macName === undefined ? undefined : sshCrypto.MAC_INFO[macName];
    const key = randomBytes(cipherInfo.keyLen);
    const iv = randomBytes(cipherInfo.ivLen);
    const macKey = macInfo === undefined ? undefined : randomBytes(macInfo.len);
    return {
      label: `cipher ${name}${macName === undefined ? '' : ` + ${macName}`}, ${PACKETS.length} packets${native ? ', native binding' : ''}`,
      times: 300,
      run: () => {
        const sent: Buffer[] = [];
        let received = 0;
        const common = { seqno: 0, macInfo, macKey, forceNative: !native };
        const cipher = sshCrypto.createCipher({
          outbound: {
            ...common,
            onWrite: (data: Buffer) => sent.push(Buffer.from(data)),
            cipherInfo,
            cipherKey: key,
            cipherIV: Buffer.from(iv),
          },
        });
        const decipher = sshCrypto.createDecipher({
          inbound: {
            ...common,
            onPayload: () => {
              received += 1;
            },
            decipherInfo: cipherInfo,
            decipherKey: key,
            decipherIV: Buffer.from(iv),
          },
        });
        for (const length of PACKETS) cipher.encrypt(cipher.allocPacket(length));
        const wire = Buffer.concat(sent);
        decipher.decrypt(wire, 0, wire.length);
        if (received !== PACKETS.length) throw new Error(`${name}: ${received} packets`);
      },
    };
  });
}

function cpuMicroseconds(test: Case): number {
  const start = process.cpuUsage();
  for (let i = 0; i < test.times; i += 1) test.run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / test.times;
}

async function main(): Promise<void> {
  await sshCrypto.init;
  const cases = [...keyExchanges(), ...hostKeys(), ...ciphers()];
  for (const test of cases) for (let i = 0; i < Math.min(test.times, 20); i += 1) test.run();
  const figures = new Map<Case, number[]>(cases.map((test) => [test, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const test of cases) figures.get(test)?.push(cpuMicroseconds(test));
  }
  console.log(['bench:ssh-algorithms', ...machineDescription(), `rounds: ${ROUNDS} (median)`, ''].join('\n'));
  console.log('| what (client side, as ssh2 does it) | CPU per operation |');
  console.log('|---|---:|');
  for (const test of cases) console.log(`| ${test.label} | ${Math.round(median(figures.get(test) ?? []))} us |`);
}

await main();
