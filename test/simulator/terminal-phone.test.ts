import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { PhoneOutput } from '../../src/simulator/phone-output.js';
import { runShellOnTerminal } from '../../src/simulator/terminal-phone.js';

const SETTINGS = {
  mode: 'ok' as const,
  debugUsername: 'debug',
  debugPassword: 'secret',
  timings: { loginPromptMs: 0, passwordPromptMs: 0, commandPromptMs: 0, outputMs: 0 },
  output: new PhoneOutput([]),
};

/** Streams standing in for a pty (isTTY) or for pipes, and what the shell wrote and did. */
function terminal(onPty: boolean) {
  const stdin = Object.assign(new PassThrough(), { isTTY: onPty, rawModes: [] as boolean[] });
  const raw = (mode: boolean) => stdin.rawModes.push(mode);
  const stdout = Object.assign(new PassThrough(), { isTTY: onPty });
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exits: number[] = [];
  runShellOnTerminal(SETTINGS, {
    stdin: Object.assign(stdin, { setRawMode: raw }),
    stdout,
    exit: (code) => exits.push(code),
  });
  const type = async (text: string) => {
    stdin.write(text);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { stdin, exits, type, written: () => Buffer.concat(chunks).toString('utf8') };
}

describe('runShellOnTerminal: a phone shell on a process terminal (sshd ForceCommand)', () => {
  it('puts the pty in raw mode and writes LF only, which the pty turns into CR LF', async () => {
    const session = terminal(true);
    await session.type('debug\nsecret\nshow unreg\nexit\n');
    assert.deepEqual(session.stdin.rawModes, [true]);
    const text = session.written();
    assert.ok(!text.includes('\r'), JSON.stringify(text));
    assert.match(text, /^login: debug\nPassword: \nDEBUG> show unreg\n[\s\S]*<EOT>\nDEBUG> exit\n$/);
    assert.ok(!text.includes('secret'));
    assert.deepEqual(session.exits, [0]);
  });

  it('keeps the CR LF on pipes (no pty to add the CR) and leaves them in their mode', async () => {
    const session = terminal(false);
    await session.type('debug\n');
    assert.deepEqual(session.stdin.rawModes, []);
    assert.equal(session.written(), 'login: debug\r\nPassword: ');
  });

  it('ends when the client hangs up (end of input)', async () => {
    const session = terminal(true);
    session.stdin.end();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(session.exits, [0]);
  });
});
