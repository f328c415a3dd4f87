import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_PROMPTS, type PhoneTarget } from '../../src/inventory/phone-target.js';
import { Secret } from '../../src/inventory/secret.js';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import { type SimulatedFleet, startSimulatedFleet } from '../../src/simulator/simulated-fleet.js';
import { KnownHostsStore } from '../../src/ssh/host-keys/known-hosts-store.js';
import { captureShowUnreg, type SessionOptions } from '../../src/ssh/phone-session.js';
import { type HalfOpenProxy, halfOpenProxy } from '../helpers/half-open-proxy.js';
import { FLEET_CREDENTIALS } from '../helpers/simulated-fleet-files.js';

// Without the guard, a session that never ends would hang the suite instead of failing it.
const GUARD = { timeout: 30_000 };

describe('a phone session behind a path that never passes the phone’s close on', () => {
  let fleet: SimulatedFleet;
  const proxies: HalfOpenProxy[] = [];
  let options: SessionOptions;
  before(async () => {
    fleet = await startSimulatedFleet({ phones: 2, seed: 5, failures: { hang: 1 }, credentials: FLEET_CREDENTIALS });
    const hostKeys = await KnownHostsStore.open('/nonexistent/known_hosts', 'off');
    options = {
      legacyAlgorithms: true,
      connectTimeoutMs: 5000,
      hostKeys,
      loginTimeoutMs: 5000,
      commandIdleMs: 5000,
      sessionTimeoutMs: 60_000,
    };
  });
  after(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await fleet.close();
  });

  const viaProxy = async (mode: 'ok' | 'hang') => {
    const phone = fleet.phones.find((plan) => plan.mode === mode);
    assert.ok(phone);
    const proxy = await halfOpenProxy(phone.host, fleet.port);
    proxies.push(proxy);
    const target: PhoneTarget = {
      host: '127.0.0.1',
      port: proxy.port,
      name: null,
      site: null,
      tags: [],
      username: FLEET_CREDENTIALS.username,
      password: new Secret(FLEET_CREDENTIALS.password),
      debugUsername: FLEET_CREDENTIALS.debugUsername,
      debugPassword: new Secret(FLEET_CREDENTIALS.debugPassword),
      prompts: DEFAULT_PROMPTS,
    };
    return target;
  };

  it('gives the output once the close wait runs out (it used to wait for ever)', GUARD, async () => {
    const target = await viaProxy('ok');
    const output = await captureShowUnreg(target, options, new AbortController().signal);
    assert.equal(parseShowUnreg(output).failure, null);
  });

  it('fails a hung phone by the session deadline and closes at once', GUARD, async () => {
    const target = await viaProxy('hang');
    const session = captureShowUnreg(target, { ...options, sessionTimeoutMs: 1500 }, new AbortController().signal);
    await assert.rejects(session, { kind: 'timeout', message: /session not done within 1\.5 s \(during show unreg\)/ });
  });
});
