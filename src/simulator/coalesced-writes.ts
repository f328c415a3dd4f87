import type { Socket } from 'node:net';

/**
 * Makes the socket gather every write of one tick into a single system call.
 * ssh2 writes each SSH packet on its own (a handshake reply is several), and
 * on loopback each write also runs the client's receive path: corking until
 * the tick ends cuts the simulator's kernel time per session.
 */
export function coalesceWrites(socket: Socket): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
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
}
