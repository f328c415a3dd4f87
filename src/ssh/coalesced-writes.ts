import type { Socket } from 'node:net';

/**
 * Makes the socket gather every write of one tick into a single system call.
 * ssh2 writes each SSH packet on its own, often in pieces (a handshake reply
 * is several). With Nagle's algorithm off each piece would be a segment of
 * its own, and on loopback each one also runs the peer's receive path:
 * corking until the tick ends cuts the kernel time of both sides. On a
 * client socket, call it after connect() (see phone-socket.ts).
 */
export function coalesceWrites(socket: Socket): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  socket.write = function coalescedWrite(this: Socket, ...args: Parameters<Socket['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as Socket['write'];
  // Destroyed in the tick that wrote (ssh2 failing a negotiation right after
  // sending its KEXINIT): what was held goes out first, so that the phone
  // still gets it and logs why it failed.
  const destroy = socket.destroy;
  socket.destroy = function flushedDestroy(this: Socket, ...args: Parameters<Socket['destroy']>) {
    uncork();
    return destroy.apply(this, args);
  } as Socket['destroy'];
}
