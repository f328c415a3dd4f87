import { createServer, type Socket } from 'node:net';

export interface SilentListener {
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * A TCP listener on host:port that accepts connections and never sends a
 * byte: an SSH client waits there for the server's identification, its
 * session held open for as long as the test likes.
 */
export async function startSilentListener(host: string, port: number): Promise<SilentListener> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, resolve);
  });
  return {
    accepted: () => sockets.length,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
