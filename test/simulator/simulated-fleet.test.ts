import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ssh2 from 'ssh2';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import type { PhonePlan } from '../../src/simulator/fleet-plan.js';
import { type SimulatedFleet, startSimulatedFleet } from '../../src/simulator/simulated-fleet.js';
import { ONE_OF_EACH_FAILURE } from '../helpers/simulated-fleet-files.js';
import { LEGACY_CLIENT_ALGORITHMS, PhoneSession, type SessionLogin } from './phone-session.js';

const { Client } = ssh2;
const CREDENTIALS = {
  username: 'sshadmin',
  password: 'ssh-secret',
  debugUsername: 'debug',
  debugPassword: 'dbg-secret',
};

describe('a simulated fleet over real SSH on loopback', () => {
  let fleet: SimulatedFleet;
  before(async () => {
    fleet = await startSimulatedFleet({
      phones: 16,
      seed: 42,
      legacy: 2,
      failures: ONE_OF_EACH_FAILURE,
      slowStepMs: 20,
      loginLatencyMs: 5,
      outputLatencyMs: 5,
      credentials: CREDENTIALS,
    });
  });
  after(() => fleet.close());

  const phone = (mode: string, legacy = false): PhonePlan => {
    const found = fleet.phones.find((plan) => plan.mode === mode && plan.legacy === legacy);
    assert.ok(found, `a ${mode} phone`);
    return found;
  };
  const login = (plan: PhonePlan, more: Partial<SessionLogin> = {}): SessionLogin => ({
    host: plan.host,
    port: fleet.port,
    username: CREDENTIALS.username,
    password: CREDENTIALS.password,
    ...(plan.legacy ? { algorithms: LEGACY_CLIENT_ALGORITHMS } : {}),
    ...more,
  });

  /** Logs in, runs show unreg, exits; returns the whole transcript. */
  async function readPhone(plan: PhonePlan, more: Partial<SessionLogin> = {}): Promise<string> {
    const session = await PhoneSession.open(login(plan, more));
    await session.debugLogin(CREDENTIALS.debugUsername, CREDENTIALS.debugPassword);
    session.send('show unreg\n');
    await session.waitFor(/<EOT>\r\nDEBUG> $/);
    session.send('exit\n');
    await session.closed;
    return session.transcript;
  }

  function assertReadsAsTruth(plan: PhonePlan, transcript: string): void {
    const parsed = parseShowUnreg(transcript);
    assert.equal(parsed.failure, null);
    assert.deepEqual(parsed.warnings, []);
    const truth = fleet.truth.phones[plan.index];
    assert.equal(truth?.expected, 'ok');
    assert.deepEqual(
      parsed.alarms.map((alarm) => alarm.params),
      truth.alarms.map((alarm) => alarm.params),
    );
    assert.deepEqual(
      parsed.alarms.map((alarm) => alarm.section),
      truth.alarms.map((alarm) => alarm.section),
    );
  }

  it('runs the debug login and show unreg like a phone, echoing all but the password', async () => {
    const plan = phone('ok');
    const transcript = await readPhone(plan);
    assert.ok(transcript.startsWith('login: debug\r\nPassword: \r\nDEBUG> show unreg\r\n-----'), transcript);
    assert.ok(transcript.endsWith('<EOT>\r\nDEBUG> exit\r\n'));
    assert.doesNotMatch(transcript, /dbg-secret/);
    assertReadsAsTruth(plan, transcript);
  });

  it('accepts keyboard-interactive answered with the SSH password', async () => {
    const plan = phone('ok');
    assertReadsAsTruth(plan, await readPhone(plan, { keyboardInteractiveOnly: true }));
  });

  it('gives every truth alarm its reason code, device name and ISO time stamp', () => {
    const alarms = fleet.truth.phones.flatMap((truth) => truth.alarms);
    assert.ok(alarms.length > 0);
    for (const alarm of alarms) {
      assert.equal(alarm.reasonCode, Number(alarm.params.ReasonForOutOfService));
      assert.equal(alarm.deviceName, alarm.params.DeviceName);
      assert.equal(alarm.timestamp, new Date(Number(alarm.params.TimeStamp)).toISOString());
    }
  });

  it('answers unknown commands and empty lines with an error line or the prompt', async () => {
    const session = await PhoneSession.open(login(phone('ok')));
    await session.debugLogin('debug', CREDENTIALS.debugPassword);
    session.send('\n');
    await session.waitFor(/^\r\nDEBUG> $/);
    session.send('show  version\n');
    await session.waitFor(/^show {2}version\r\nUnknown command: show version\r\nDEBUG> $/);
    await session.end();
  });

  it('takes lines typed ahead of the prompts', async () => {
    const session = await PhoneSession.open(login(phone('slow')));
    session.send(`debug\n${CREDENTIALS.debugPassword}\nshow unreg\nexit\n`);
    await session.closed;
    assert.match(
      session.transcript,
      /^login: debug\r\nPassword: \r\nDEBUG> show unreg\r\n[\s\S]*<EOT>\r\nDEBUG> exit\r\n$/,
    );
  });

  it('serves a slow phone in full', async () => {
    const plan = phone('slow');
    assertReadsAsTruth(plan, await readPhone(plan));
  });

  it('refuses a wrong SSH password, and a phone that expects another one refuses the right one', async () => {
    await assert.rejects(PhoneSession.open(login(phone('ok'), { password: 'wrong' })), {
      level: 'client-authentication',
    });
    await assert.rejects(PhoneSession.open(login(phone('wrong-ssh-password'))), { level: 'client-authentication' });
    assert.equal(fleet.truth.phones[phone('wrong-ssh-password').index]?.expected, 'ssh-auth');
  });

  it('ends the connection after three wrong SSH passwords', async () => {
    const plan = phone('ok');
    const before = fleet.stats().authFailures;
    const client = new Client();
    const closed = once(client, 'close');
    client.on('error', () => {});
    client.connect({
      host: plan.host,
      port: fleet.port,
      username: CREDENTIALS.username,
      authHandler: ['a', 'b', 'c', 'd', CREDENTIALS.password].map((password) => ({
        type: 'password' as const,
        username: CREDENTIALS.username,
        password,
      })),
    });
    await closed;
    assert.equal(fleet.stats().authFailures, before + 3);
  });

  it('says Login incorrect and asks again for wrong debug credentials', async () => {
    const session = await PhoneSession.open(login(phone('wrong-debug-password')));
    await session.answer(/login: $/, 'debug');
    await session.answer(/Password: $/, CREDENTIALS.debugPassword);
    await session.waitFor(/^\r\nLogin incorrect\r\nlogin: $/);
    await session.end();
    assert.equal(fleet.truth.phones[phone('wrong-debug-password').index]?.expected, 'shell-login');
  });

  it('fails a debug password line ending in CR LF, as an 8800 does', async () => {
    const session = await PhoneSession.open(login(phone('ok')));
    await session.answer(/login: $/, 'debug');
    await session.waitFor(/Password: $/);
    session.send(`${CREDENTIALS.debugPassword}\r\n`);
    await session.waitFor(/Login incorrect\r\nlogin: $/);
    await session.end();
  });

  it('closes the session after three failed debug logins', async () => {
    const session = await PhoneSession.open(login(phone('ok')));
    for (let attempt = 0; attempt < 3; attempt++) {
      await session.answer(/login: $/, 'debug');
      await session.answer(/Password: $/, 'guess');
    }
    await session.closed;
    assert.match(session.transcript, /Login incorrect\r\n$/);
  });

  it('answers show unreg with Unknown command on old firmware', async () => {
    const session = await PhoneSession.open(login(phone('no-show-unreg')));
    await session.debugLogin('debug', CREDENTIALS.debugPassword);
    session.send('show unreg\n');
    await session.waitFor(/DEBUG> $/);
    assert.equal(session.reply, 'show unreg\r\nUnknown command: show unreg\r\nDEBUG> ');
    assert.equal(parseShowUnreg(session.reply).failure?.kind, 'unsupported');
    await session.end();
  });

  it('never answers show unreg on a hung phone, and keeps the session open', async () => {
    const session = await PhoneSession.open(login(phone('hang')));
    await session.debugLogin('debug', CREDENTIALS.debugPassword);
    session.send('show unreg\n');
    await assert.rejects(session.waitFor(/DEBUG> $/, 300), /timed out/);
    assert.equal(session.reply, 'show unreg\r\n');
    assert.ok(fleet.stats().open >= 1);
    await session.end();
    assert.equal(fleet.truth.phones[phone('hang').index]?.expected, 'timeout');
  });

  it('drops the connection in the middle of an alarm block', async () => {
    const plan = phone('drop');
    const session = await PhoneSession.open(login(plan));
    await session.debugLogin('debug', CREDENTIALS.debugPassword);
    session.send('show unreg\n');
    await session.closed;
    const parsed = parseShowUnreg(session.transcript);
    const truth = fleet.truth.phones[plan.index];
    assert.equal(truth?.expected, 'disconnected');
    assert.equal(truth.alarms.length, plan.alarms.length - 1);
    assert.deepEqual(
      parsed.alarms.map((alarm) => alarm.params),
      truth.alarms.map((alarm) => alarm.params),
    );
    assert.match(parsed.warnings.join('\n'), /cut off \(the output ended/);
    assert.doesNotMatch(session.transcript, /<EOT>/);
  });

  it('refuses connections on a refused phone address', async () => {
    const plan = phone('refused');
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const socket = connect({ host: plan.host, port: fleet.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(new Error('connected') as NodeJS.ErrnoException);
      });
      socket.on('error', resolve);
    });
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(fleet.truth.phones[plan.index]?.expected, 'refused');
  });

  it('serves legacy phones only to a client offering the old algorithms, with an ssh-rsa key', async () => {
    const plan = phone('ok', true);
    await assert.rejects(PhoneSession.open(login(plan, { algorithms: {} })), /no matching/i);
    assertReadsAsTruth(plan, await readPhone(plan));
    assert.equal(fleet.truth.phones[plan.index]?.hostKey.type, 'ssh-rsa');
  });

  it('counts sessions: open now, most at once, total, and per phone', async () => {
    const before = fleet.stats();
    const plans = fleet.phones.filter((plan) => plan.mode === 'ok' && !plan.legacy).slice(0, 3);
    const sessions = await Promise.all(plans.map((plan) => PhoneSession.open(login(plan))));
    await Promise.all(sessions.map((session) => session.waitFor(/login: $/)));
    assert.equal(fleet.stats().open, before.open + 3);
    assert.ok(fleet.stats().maxOpen >= 3);
    await Promise.all(sessions.map((session) => session.end()));
    const later = fleet.stats();
    assert.equal(later.open, before.open);
    assert.equal(later.total, before.total + 3);
    const sessionsOfFirst = fleet.sessionsOf(plans[0]?.index ?? -1);
    assert.ok(sessionsOfFirst >= 1);
  });
});

describe('fleet host keys', () => {
  const keyOf = async (fleet: SimulatedFleet, index: number) => {
    const plan = fleet.phones[index];
    assert.ok(plan);
    const session = await PhoneSession.open({ host: plan.host, port: fleet.port, ...CREDS_FOR_KEYS });
    await session.end();
    return session.hostKey?.toString('base64');
  };
  const CREDS_FOR_KEYS = { username: 'sshadmin', password: 'x' };

  it('keeps host keys across a restart, and changes one on request', async () => {
    const options = { phones: 2, seed: 8, credentials: { ...CREDENTIALS, password: 'x' } };
    const first = await startSimulatedFleet(options);
    const keys = [await keyOf(first, 0), await keyOf(first, 1)];
    first.changeHostKey(1);
    const changedLive = await keyOf(first, 1);
    await first.close();
    const again = await startSimulatedFleet({ ...options, changedHostKeys: [0] });
    try {
      assert.notEqual(keys[0], keys[1]);
      assert.notEqual(changedLive, keys[1]);
      assert.notEqual(await keyOf(again, 0), keys[0]);
      assert.equal(await keyOf(again, 1), keys[1]);
      assert.equal(
        again.truth.phones[1]?.hostKey.fingerprint,
        `SHA256:${(await import('node:crypto'))
          .createHash('sha256')
          .update(Buffer.from(keys[1] ?? '', 'base64'))
          .digest('base64')
          .replace(/=+$/, '')}`,
      );
    } finally {
      await again.close();
    }
  });
});

describe('closing a fleet', () => {
  it('ends open sessions and listeners at once: the process then exits by itself', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./close-fleet-child.js', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    // The phones wait a minute before their login prompt: only close() can end this early.
    const killer = setTimeout(() => child.kill(), 20_000);
    const [status, signal] = await once(child, 'exit');
    clearTimeout(killer);
    assert.deepEqual([status, signal], [0, null]);
    const stats = JSON.parse(stdout);
    assert.equal(stats.open, 0);
    assert.equal(stats.maxOpen, 3);
  });

  it('refuses connections once closed', async () => {
    const fleet = await startSimulatedFleet({ phones: 1, credentials: CREDENTIALS });
    await fleet.close();
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = connect({ host: fleet.phones[0]?.host, port: fleet.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    assert.equal(refused, 'ECONNREFUSED');
  });

  it('names the address when its fixed port is taken', async () => {
    const holder = await startSimulatedFleet({ phones: 1, credentials: CREDENTIALS });
    try {
      await assert.rejects(startSimulatedFleet({ phones: 2, port: holder.port, credentials: CREDENTIALS }), {
        message: `cannot listen on 127.0.1.1:${holder.port}: the address is in use`,
      });
    } finally {
      await holder.close();
    }
  });
});
