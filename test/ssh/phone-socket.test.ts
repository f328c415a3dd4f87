import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { phoneSocket } from '../../src/ssh/phone-socket.js';

describe('phoneSocket', () => {
  it("holds a tick's writes and sends them together once the tick ends", async () => {
    const received: Buffer[] = [];
    const server = createServer((peer: Socket) => peer.on('data', (chunk: Buffer) => received.push(chunk)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    const socket = phoneSocket({ host: '127.0.0.1', port: address.port });
    try {
      await once(socket, 'connect');
      // ssh2 writes a packet as its length, its body and its MAC.
      const pieces = [Buffer.from('len.'), Buffer.from('body'), Buffer.from('mac!')];
      for (const piece of pieces) socket.write(piece);
      assert.equal(socket.writableLength, 12, 'nothing goes out before the tick ends');
      while (Buffer.concat(received).length < 12) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(Buffer.concat(received).toString(), 'len.bodymac!');
    } finally {
      socket.destroy();
      server.close();
    }
  });
});
