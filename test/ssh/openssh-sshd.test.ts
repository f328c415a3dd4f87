import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { planFleet } from '../../src/simulator/fleet-plan.js';
import { phoneTruth } from '../../src/simulator/fleet-truth.js';
import {
  type OpenSshPhones,
  type OpenSshPhonesOptions,
  type SshdAlgorithms,
  startOpenSshPhones,
} from '../helpers/openssh-phones.js';
import { openSshPhonesEnv, openSshPhonesInventory } from '../helpers/openssh-phones-inventory.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../helpers/sshd-test-user.js';
import { essentials, type ReportedPhone } from '../helpers/sweep-report.js';
import { withTempDir } from '../helpers/temp-dir.js';

/**
 * Phones served by OpenSSH's sshd (Debian's openssh-server), a second SSH
 * implementation beside the simulator's ssh2 server, as real phones run one
 * of their own. Two "firmware generations", each one sshd restricted to the
 * old algorithms such phones offer; the phone behind each address is the
 * simulator's debug shell, run by sshd as a forced command on a pty.
 * Needs root (a local account for sshd to log into, see sshd-test-user.ts)
 * and /usr/sbin/sshd (scripts/ensure-test-tools.mjs installs it).
 */

const SEED = 5;
const FLEET_SIZE = 4;
const DEBUG_PASSWORD = 'sshd-phone-debug-secret';

interface Firmware {
  readonly indices: readonly number[];
  readonly algorithms: SshdAlgorithms;
}

// The chosen algorithm of each kind is the one the client must fall back to.
const FIRMWARES: readonly Firmware[] = [
  {
    indices: [0, 1],
    algorithms: {
      kex: ['diffie-hellman-group14-sha1'],
      hostKey: ['ssh-rsa'],
      ciphers: ['aes128-cbc'],
      macs: ['hmac-sha1'],
    },
  },
  {
    indices: [2, 3],
    algorithms: {
      kex: ['diffie-hellman-group1-sha1'],
      hostKey: ['ssh-rsa'],
      ciphers: ['3des-cbc'],
      macs: ['hmac-sha1'],
    },
  },
];

// sshd's DEBUG1 line for a key exchange agreed on, and its refusal.
const KEX_CHOSEN = /kex: algorithm: (?!\(no match\))/;
const NO_KEX = /no matching key exchange method found/;
// sshd's line for each SSH login it accepted.
const ACCEPTED = /Accepted password for /;

const reported = (run: CliRun): ReportedPhone[] => JSON.parse(run.stdout).phones;

/** sshd's DEBUG1 lines naming what one connection settled on. */
function chosen(log: string, what: RegExp): string[] {
  return log
    .split('\n')
    .map((line) => what.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('unreg sweep against phones served by OpenSSH sshd with old algorithms only', () => {
  const env = openSshPhonesEnv(DEBUG_PASSWORD);
  const servers: OpenSshPhones[] = [];
  const folder = withTempDir('unreg-sshd-sweep-');
  let inventory = '';
  let sweep: CliRun;
  let sweepLogs: string[];
  let modernOnly: CliRun;
  let modernLogs: string[];

  const sweepArgs = (...extra: string[]) => [
    'sweep',
    inventory,
    '--retries',
    '0',
    '--known-hosts',
    folder.join('known_hosts'),
    '-f',
    'json',
    ...extra,
  ];

  before(async () => {
    ensureSshdTestUser();
    for (const firmware of FIRMWARES) {
      servers.push(
        await startOpenSshPhones({ ...firmware, seed: SEED, fleetSize: FLEET_SIZE, debugPassword: DEBUG_PASSWORD }),
      );
    }
    inventory = folder.join('inventory.yaml');
    await writeFile(inventory, openSshPhonesInventory(servers));
    sweep = await runCli(sweepArgs(), { env });
    sweepLogs = await Promise.all(servers.map((server) => server.logged(KEX_CHOSEN, server.hosts.length)));
    modernOnly = await runCli(sweepArgs('--no-legacy-algorithms'), { env });
    modernLogs = await Promise.all(
      servers.map((server, at) => server.logged(NO_KEX, server.hosts.length, sweepLogs[at]?.length)),
    );
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('reads every phone, with exactly the alarms it holds (section, code, device, timestamp)', () => {
    assert.equal(sweep.status, 0, `${sweep.stderr}\n${sweepLogs.join('\n')}`);
    const phones = reported(sweep);
    const plans = planFleet({ phones: FLEET_SIZE, seed: SEED, legacy: 0, failures: {} });
    assert.equal(phones.length, plans.length);
    servers.forEach((server) => {
      for (const host of server.hosts) {
        const plan = plans.find((entry) => entry.host === host);
        const phone = phones.find((entry) => entry.host === host);
        assert.ok(plan !== undefined && phone !== undefined, host);
        const truth = phoneTruth(plan, server.port, server.hostKey);
        assert.equal(phone.status, 'ok', `${host}: ${JSON.stringify(phone.error)}`);
        assert.deepEqual(essentials(phone.alarms), essentials(truth.alarms), host);
      }
    });
    // The seed gives alarms in both sections, and a phone with none.
    const held = plans.map((plan) => plan.alarms.length);
    assert.ok(held.includes(0) && held.some((count) => count > 1), held.join(','));
  });

  it('negotiated only the old algorithms each sshd allows (its own log of every connection)', () => {
    FIRMWARES.forEach(({ algorithms, indices }, at) => {
      const log = sweepLogs[at] ?? '';
      const expect = (what: RegExp, name: string | undefined) =>
        assert.deepEqual(chosen(log, what), Array(indices.length).fill(name), `${what}\n${log}`);
      expect(/kex: algorithm: (\S+)/, algorithms.kex[0]);
      expect(/kex: host key algorithm: (\S+)/, algorithms.hostKey[0]);
      // Both directions: the same cipher and MAC.
      for (const direction of ['client->server', 'server->client']) {
        expect(new RegExp(`kex: ${direction} cipher: (\\S+)`), algorithms.ciphers[0]);
        expect(new RegExp(`kex: ${direction} cipher: \\S+ MAC: (\\S+)`), algorithms.macs[0]);
      }
    });
  });

  it("recorded each phone's ssh-rsa host key, the one sshd was given", async () => {
    const knownHosts = (await readFile(folder.join('known_hosts'), 'utf8')).trim().split('\n').sort();
    const expected = servers.flatMap((server) =>
      server.hosts.map((host) => `[${host}]:${server.port} ${server.hostKey.publicKey}`),
    );
    assert.deepEqual(knownHosts, expected.sort());
  });

  it('fails every phone with ssh-negotiation under --no-legacy-algorithms, naming what sshd offers', () => {
    assert.equal(modernOnly.status, 1, modernOnly.stderr);
    const phones = reported(modernOnly);
    FIRMWARES.forEach(({ algorithms }, at) => {
      const { kex, hostKey, ciphers, macs } = algorithms;
      const offers = `offers KEX method: ${kex}; Host key format: ${hostKey}; C->S cipher: ${ciphers}; C->S MAC: ${macs}`;
      for (const host of servers[at]?.hosts ?? []) {
        const error = phones.find((entry) => entry.host === host)?.error;
        assert.equal(error?.kind, 'ssh-negotiation', `${host}: ${error?.message}`);
        // sshd's own identification, and every list it offers.
        assert.match(error?.message ?? '', /the phone \(SSH-2\.0-OpenSSH_[^)]+\) /, host);
        assert.ok(error?.message.endsWith(offers), `${host}: ${error?.message}`);
      }
      // sshd's side of it: each phone's connection refused for want of a key exchange.
      const log = modernLogs[at] ?? '';
      assert.ok((log.match(new RegExp(NO_KEX.source, 'g'))?.length ?? 0) >= (servers[at]?.hosts.length ?? 1), log);
      assert.doesNotMatch(log, KEX_CHOSEN, log);
    });
  });

  it('never prints a password, in the report or on stderr', () => {
    for (const secret of [SSHD_TEST_USER.password, DEBUG_PASSWORD]) {
      for (const run of [sweep, modernOnly]) assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret));
    }
  });
});

/** One sshd serving the first firmware's phones (`options` narrows or changes them). */
function startOldFirmwarePhones(options: Partial<OpenSshPhonesOptions>): Promise<OpenSshPhones> {
  ensureSshdTestUser();
  const firmware = FIRMWARES[0] as Firmware;
  return startOpenSshPhones({
    ...firmware,
    seed: SEED,
    fleetSize: FLEET_SIZE,
    debugPassword: DEBUG_PASSWORD,
    ...options,
  });
}

describe('unreg sweep against an sshd phone whose debug shell goes silent after the password', () => {
  const env = openSshPhonesEnv(DEBUG_PASSWORD);
  let server: OpenSshPhones;
  const folder = withTempDir('unreg-sshd-silent-');
  let sweep: CliRun;
  let sshdLog = '';

  before(async () => {
    server = await startOldFirmwarePhones({ indices: [0], mode: 'silent-after-debug-password' });
    const inventory = folder.join('inventory.yaml');
    await writeFile(inventory, openSshPhonesInventory([server]));
    const known = folder.join('known_hosts');
    // Retries allowed: a retried phone would log in again (after 1 s).
    const args = ['--retries', '2', '--login-timeout', '1', '--known-hosts', known];
    sweep = await runCli(['sweep', inventory, ...args, '-f', 'json'], { env });
    sshdLog = await server.logged(ACCEPTED, 1);
  });
  after(async () => {
    await server?.close();
  });

  it('reports a timeout naming the debug password, not a refused login', () => {
    assert.equal(sweep.status, 1, sweep.stderr);
    const [phone] = reported(sweep);
    assert.equal(phone?.error?.kind, 'timeout', JSON.stringify(phone?.error));
    assert.match(
      phone?.error?.message ?? '',
      /^no prompt within [\d.]+ s after the debug password was sent; not retried, so the password is not sent again$/,
    );
    assert.deepEqual(phone?.warnings, []);
  });

  it('logged into sshd once: the debug password went out once', () => {
    assert.equal(sshdLog.match(new RegExp(ACCEPTED.source, 'g'))?.length, 1, sshdLog);
  });

  it('never prints a password', () => {
    for (const secret of [SSHD_TEST_USER.password, DEBUG_PASSWORD]) {
      assert.ok(!sweep.stdout.includes(secret) && !sweep.stderr.includes(secret));
    }
  });
});

describe("unreg sweep against sshd phones whose debug shell is bench:sweep's POSIX sh one", () => {
  const env = openSshPhonesEnv(DEBUG_PASSWORD);
  let server: OpenSshPhones;
  const folder = withTempDir('unreg-sshd-sh-');
  let sweep: CliRun;

  before(async () => {
    server = await startOldFirmwarePhones({ phone: 'sh' });
    const inventory = folder.join('inventory.yaml');
    await writeFile(inventory, openSshPhonesInventory([server]));
    const args = ['--retries', '0', '--known-hosts', folder.join('known_hosts'), '-f', 'json'];
    sweep = await runCli(['sweep', inventory, ...args], { env });
  });
  after(async () => {
    await server?.close();
  });

  it('reads every phone with exactly the alarms the simulator gives it', () => {
    assert.equal(sweep.status, 0, `${sweep.stderr}\n${server.log()}`);
    const plans = planFleet({ phones: FLEET_SIZE, seed: SEED, legacy: 0, failures: {} });
    for (const host of server.hosts) {
      const plan = plans.find((entry) => entry.host === host);
      const phone = reported(sweep).find((entry) => entry.host === host);
      assert.ok(plan !== undefined && phone !== undefined, host);
      assert.equal(phone.status, 'ok', `${host}: ${JSON.stringify(phone.error)}`);
      assert.deepEqual(
        essentials(phone.alarms),
        essentials(phoneTruth(plan, server.port, server.hostKey).alarms),
        host,
      );
    }
  });
  it('asks sshd for no proof of the host keys it announces after login (ssh2 would, for every connection)', async () => {
    // The sessions' processes log on their own time: wait until each has ended.
    const log = await server.logged(/Disconnected from user/, server.hosts.length);
    assert.match(log, /Accepted password/);
    assert.doesNotMatch(log, /hostkeys-prove-00@openssh\.com/);
  });
});
