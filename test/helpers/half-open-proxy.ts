import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface HalfOpenProxy {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 to `host:port` that passes everything on except
 * the phone's end of the connection: the client never sees the FIN nor the
 * close, as behind a path that drops them. The client's own FIN is passed on.
 */
export async function halfOpenProxy(host: string, port: number): Promise<HalfOpenProxy> {
  const sockets: Socket[] = [];
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = connect({ host, port, allowHalfOpen: true });
    sockets.push(client, upstream);
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => client.write(data));
    client.on('end', () => upstream.end());
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
