import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import type { ReportedDocument } from '../helpers/sweep-report.js';
import { withTempDir } from '../helpers/temp-dir.js';

// The CLI runs in a network namespace of its own (`unshare --net`, as root):
// it has no interface up, not even loopback, so a DNS lookup fails at once
// (the resolver cannot send) and a connection to 127.0.0.1 has no route. No
// packet is sent anywhere, and the errors are the kernel's and the
// resolver's own, not simulated ones.
const ISOLATED = ['unshare', '--net'];

describe('network errors of a sweep with no network (unshare --net)', () => {
  const folder = withTempDir('unreg-netns-');
  let report: ReportedDocument;
  let run: Awaited<ReturnType<typeof runCli>>;

  before(async () => {
    const inventory = folder.join('inventory.yaml');
    const yaml =
      'defaults:\n  username: sshadmin\n  password_env: SSH_PASSWORD\nphones:\n  - host: phone-7.example.com\n  - host: 127.0.0.1\n';
    await writeFile(inventory, yaml);
    await chmod(inventory, 0o600);
    const args = ['sweep', inventory, '--retries', '0', '--known-hosts', folder.join('known_hosts'), '-f', 'json'];
    run = await runCli(args, { env: { SSH_PASSWORD: 'netns-secret' }, wrapper: ISOLATED });
    assert.notEqual(run.stdout, '', `no report: ${run.stderr}`);
    report = JSON.parse(run.stdout);
  });

  it('reports a name that does not resolve as dns, naming the phase', () => {
    const phone = report.phones.find((entry) => entry.host === 'phone-7.example.com');
    assert.equal(phone?.error?.kind, 'dns', run.stderr);
    assert.equal(phone?.error?.message, 'DNS did not answer (TCP connect)');
  });

  it('reports an address with no route as unreachable', () => {
    const phone = report.phones.find((entry) => entry.host === '127.0.0.1');
    assert.equal(phone?.error?.kind, 'unreachable', run.stderr);
    assert.equal(phone?.error?.message, 'no route to the phone network (TCP connect)');
  });

  it('reports both, and exits 1', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(report.summary.phones, { total: 2, ok: 0, failed: 2, skipped: 0, withAlarms: 0 });
  });
});
