import { Socket } from 'node:net';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { coalesceWrites } from './coalesced-writes.js';

/**
 * The phone's TCP connection, made here rather than by ssh2 to tune it:
 * Nagle's algorithm off (ssh2 writes a packet in pieces, and each line we
 * type would wait ~40 ms for the phone's delayed ACK), and a tick's writes
 * in one system call.
 */
export function phoneSocket(target: Pick<PhoneTarget, 'host' | 'port'>): Socket {
  const socket = new Socket();
  socket.setNoDelay(true);
  socket.connect({ host: target.host, port: target.port });
  // Only now: connect() puts the prototype's write back on the socket,
  // undoing a wrapper set before it (net.js, for sockets that are reused).
  coalesceWrites(socket);
  return socket;
}
