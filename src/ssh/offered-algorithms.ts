import { connect } from 'node:net';

const UNKNOWN = 'the phone did not say what it offers';
const SSH_MSG_KEXINIT = 20;
// No phone's KEXINIT comes near this; a larger length means it is not one.
const MAX_PACKET = 64 * 1024;
// The name-lists of SSH_MSG_KEXINIT in wire order (RFC 4253, 7.1), labelled
// as ssh2's own messages do; null: not worth naming (S->C repeats C->S).
const LIST_LABELS = ['KEX method', 'Host key format', 'C->S cipher', null, 'C->S MAC', null] as const;
// Names that announce protocol extensions, not algorithms a user can pick.
const MARKER = /^(kex-strict-[cs]-v00@openssh\.com|ext-info-[cs])$/;

/**
 * What a phone offers, for the message of a failed negotiation: a bare TCP
 * connection that sends our identification and reads the phone's and its
 * KEXINIT, then closes. It names every list (key exchange, host key, cipher,
 * MAC) whichever one failed to match, and it never gets as far as
 * authentication, so no password is sent.
 */
export function offeredAlgorithms(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ host, port });
    const finish = (text: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    const timer = setTimeout(() => finish(UNKNOWN), timeoutMs);
    socket
      .on('connect', () => socket.write('SSH-2.0-unreg_probe\r\n'))
      .on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const offer = describeOffer(received);
        if (offer !== null) finish(offer);
      })
      .on('error', () => finish(UNKNOWN))
      .on('close', () => finish(UNKNOWN));
  });
}

/**
 * The phone's identification and KEXINIT lists as one line, from the bytes
 * it sent first; null while they are incomplete.
 */
export function describeOffer(bytes: Buffer): string | null {
  const ident = identification(bytes);
  if (ident === null) return null;
  if (ident === 'malformed') return UNKNOWN;
  const lists = kexInitLists(bytes.subarray(ident.end));
  if (lists === null) return null;
  if (lists === 'malformed') return UNKNOWN;
  const named = LIST_LABELS.flatMap((label, at) => {
    if (label === null) return [];
    const names = (lists[at] ?? '').split(',').filter((name) => name !== '' && !MARKER.test(name));
    return [`${label}: ${names.join(',')}`];
  });
  return `the phone (${ident.text}) offers ${named.join('; ')}`;
}

type Parsed<T> = T | null | 'malformed';

/** The `SSH-` line (lines before it are allowed, RFC 4253 4.2), printable. */
function identification(bytes: Buffer): Parsed<{ text: string; end: number }> {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline < 0) return bytes.length > 8192 ? 'malformed' : null;
    const line = bytes.subarray(start, newline).toString('latin1').replace(/\r$/, '');
    if (line.startsWith('SSH-')) return { text: line.replace(/[^\x20-\x7e]/g, '?').slice(0, 255), end: newline + 1 };
    start = newline + 1;
  }
  return null;
}

/** The name-lists of the first binary packet, which must be KEXINIT (sent unencrypted). */
function kexInitLists(bytes: Buffer): Parsed<string[]> {
  if (bytes.length < 5) return null;
  const packetLength = bytes.readUInt32BE(0);
  if (packetLength > MAX_PACKET) return 'malformed';
  if (bytes.length < 4 + packetLength) return null;
  const payloadEnd = 4 + packetLength - (bytes[4] ?? 0);
  if (payloadEnd <= 5 || bytes[5] !== SSH_MSG_KEXINIT) return 'malformed';
  const lists: string[] = [];
  // Message number, then a 16-byte cookie.
  for (let at = 5 + 1 + 16; lists.length < LIST_LABELS.length; ) {
    if (at + 4 > payloadEnd) return 'malformed';
    const length = bytes.readUInt32BE(at);
    if (at + 4 + length > payloadEnd) return 'malformed';
    lists.push(
      bytes
        .subarray(at + 4, at + 4 + length)
        .toString('latin1')
        .replace(/[^\x21-\x7e]/g, '?'),
    );
    at += 4 + length;
  }
  return lists;
}
