import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import ssh2 from 'ssh2';
import { DEFAULT_PROMPTS, type PhoneTarget } from '../../src/inventory/phone-target.js';
import { Secret } from '../../src/inventory/secret.js';
import { KnownHostsStore } from '../../src/ssh/host-keys/known-hosts-store.js';
import { openSshConnection } from '../../src/ssh/ssh-connection.js';
import { sshKeyPair } from '../helpers/ssh-key-pair.js';

const { Server } = ssh2;
const HOST_KEY = sshKeyPair('ed25519').privateText;

/** An SSH server that offers only the given methods and counts the passwords it was sent. */
function passwordServer(methods: ('password' | 'keyboard-interactive')[], password: string) {
  const received: string[] = [];
  const server = new Server({ hostKeys: [HOST_KEY] }, (client) => {
    client.on('error', () => undefined);
    client.on('authentication', (context) => {
      if (context.method === 'password' && methods.includes('password')) {
        received.push(`password:${context.password}`);
        return context.password === password ? context.accept() : context.reject(methods);
      }
      if (context.method === 'keyboard-interactive' && methods.includes('keyboard-interactive')) {
        return context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          received.push(`keyboard-interactive:${answers[0]}`);
          if (answers[0] === password) context.accept();
          else context.reject(methods);
        });
      }
      context.reject(methods);
    });
  });
  return { server, received };
}

async function listen(server: InstanceType<typeof Server>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function target(port: number, password: string): PhoneTarget {
  return {
    host: '127.0.0.1',
    port,
    name: null,
    site: null,
    tags: [],
    username: 'sshadmin',
    password: new Secret(password),
    debugUsername: 'debug',
    debugPassword: new Secret('debug'),
    prompts: DEFAULT_PROMPTS,
  };
}

describe('SSH password authentication', () => {
  const servers: InstanceType<typeof Server>[] = [];
  let hostKeys: KnownHostsStore;
  before(async () => {
    hostKeys = await KnownHostsStore.open('/nonexistent/known_hosts', 'off');
  });
  after(() => {
    for (const server of servers) server.close();
  });
  const options = () => ({ legacyAlgorithms: true, connectTimeoutMs: 5000, hostKeys });
  /** A server that hands each authentication request to `authenticate`; its port. */
  const serve = async (authenticate: (context: ssh2.AuthContext, client: ssh2.Connection) => void): Promise<number> => {
    const server = new Server({ hostKeys: [HOST_KEY] }, (client) => {
      client.on('error', () => undefined);
      client.on('authentication', (context) => authenticate(context, client));
    });
    servers.push(server);
    return listen(server);
  };

  it('sends a wrong password once, never again by keyboard-interactive', async () => {
    const { server, received } = passwordServer(['password', 'keyboard-interactive'], 'right');
    servers.push(server);
    const port = await listen(server);
    await assert.rejects(openSshConnection(target(port, 'wrong'), options(), new AbortController().signal), {
      kind: 'ssh-auth',
    });
    assert.deepEqual(received, ['password:wrong']);
  });

  it('takes a phone hanging up once it has the password as a refusal (ssh-auth, never retried)', async () => {
    const received: string[] = [];
    const port = await serve((context, client) => {
      if (context.method !== 'password') return context.reject(['password']);
      received.push(context.password);
      client.end(); // as MaxAuthTries=1 servers do, without a word
    });
    await assert.rejects(openSshConnection(target(port, 'wrong'), options(), new AbortController().signal), {
      kind: 'ssh-auth',
      message: /after the SSH password was sent: taken as refused, not retried$/,
    });
    assert.deepEqual(received, ['wrong']);
  });

  it('never answers a second keyboard-interactive round asking for the password', async () => {
    const received: string[] = [];
    const port = await serve((context) => {
      if (context.method !== 'keyboard-interactive') return context.reject(['keyboard-interactive']);
      const ask = () =>
        context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          received.push(answers[0] ?? '');
          ask(); // wrong: ask again in the same exchange
        });
      ask();
    });
    await assert.rejects(openSshConnection(target(port, 'wrong'), options(), new AbortController().signal), {
      kind: 'ssh-auth',
      message: 'the phone asked for the password again: it refused it',
    });
    assert.deepEqual(received, ['wrong']);
  });

  it('keeps a drop as disconnected (retried) when the phone refused the password method, not the password', async () => {
    const port = await serve((context, client) => {
      if (context.method !== 'keyboard-interactive') return context.reject(['keyboard-interactive']);
      client.end(); // gone before asking anything
    });
    await assert.rejects(openSshConnection(target(port, 'right'), options(), new AbortController().signal), {
      kind: 'disconnected',
    });
  });

  it('answers keyboard-interactive with the password when the phone offers only that', async () => {
    const { server, received } = passwordServer(['keyboard-interactive'], 'right');
    servers.push(server);
    const port = await listen(server);
    const { client } = await openSshConnection(target(port, 'right'), options(), new AbortController().signal);
    client.end();
    assert.deepEqual(received, ['keyboard-interactive:right']);
  });
});
