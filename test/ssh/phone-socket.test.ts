import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { phoneSocket } from '../../src/ssh/phone-socket.js';

// ssh2 writes a packet as its length, its body and its MAC.
const PIECES = ['len.', 'body', 'mac!'];

describe('phoneSocket', () => {
  let server: Server;
  let port = 0;
  /** Resolves the next connection's text, all it received once it has closed. */
  let onConnection: (received: Promise<string>) => void = () => undefined;
  const nextConnection = () => new Promise<Promise<string>>((resolve) => (onConnection = resolve));

  before(async () => {
    server = createServer((peer: Socket) => {
      const received: Buffer[] = [];
      peer.on('data', (chunk: Buffer) => received.push(chunk));
      peer.on('error', () => undefined);
      onConnection(once(peer, 'close').then(() => Buffer.concat(received).toString()));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    port = address.port;
  });
  after(() => server.close());

  it("holds a tick's writes and sends them together once the tick ends", async () => {
    const accepted = nextConnection();
    const socket = phoneSocket({ host: '127.0.0.1', port });
    await once(socket, 'connect');
    for (const piece of PIECES) socket.write(piece);
    assert.equal(socket.writableLength, 12, 'nothing goes out before the tick ends');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(socket.writableLength, 0, 'all of it went out once the tick ended');
    socket.end();
    assert.equal(await await accepted, 'len.bodymac!');
  });

  it('sends what it held when destroyed in the tick that wrote it (a failed negotiation)', async () => {
    const accepted = nextConnection();
    const socket = phoneSocket({ host: '127.0.0.1', port });
    await once(socket, 'connect');
    for (const piece of PIECES) socket.write(piece);
    socket.destroy();
    assert.equal(await await accepted, 'len.bodymac!');
  });
});
