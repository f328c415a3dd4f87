import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PhoneTruth } from '../../src/simulator/fleet-truth.js';
import type { FailureMode } from '../../src/simulator/phone-modes.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';
import { entryOf, outcomeOf, type ReportedDocument } from '../helpers/sweep-report.js';

describe('unreg sweep --retries against the phone simulator', () => {
  let setup: FleetOnDisk;
  let report: ReportedDocument;
  before(async () => {
    setup = await fleetOnDisk({
      phones: 7,
      seed: 13,
      failures: {
        refused: 1,
        'wrong-ssh-password': 1,
        'wrong-debug-password': 1,
        'debug-login-closes': 1,
        'silent-after-ssh-password': 1,
        'silent-after-debug-password': 1,
      },
    });
    // Two retries: waits of 1 s and 2 s for the refused phone. The silent
    // phones fail by the connect and login timeouts.
    const limits = ['--connect-timeout', '2', '--login-timeout', '2'];
    const swept = await sweepFleetJson(setup, ['--retries', '2', ...limits]);
    assert.equal(swept.run.status, 1, swept.run.stderr);
    report = swept.report;
  });
  after(() => setup.close());

  const phone = (mode: FailureMode | 'ok'): PhoneTruth => {
    const found = setup.fleet.truth.phones.find((candidate) => candidate.mode === mode);
    assert.ok(found, `a ${mode} phone`);
    return found;
  };

  it('tries a refused phone again, naming each earlier attempt in its warnings, and reports it refused', () => {
    const entry = entryOf(report.phones, phone('refused').host);
    assert.equal(outcomeOf(entry), 'refused');
    assert.equal(entry.warnings.length, 2, entry.warnings.join('\n'));
    entry.warnings.forEach((warning, at) => {
      assert.match(warning, new RegExp(`^attempt ${at + 1} failed \\(refused: connection refused.*\\); retrying$`));
    });
  });

  it('never tries a wrong SSH password or a wrong debug password twice, even when the shell hangs up', () => {
    for (const [mode, kind] of [
      ['wrong-ssh-password', 'ssh-auth'],
      ['wrong-debug-password', 'shell-login'],
      ['debug-login-closes', 'shell-login'],
    ] as const) {
      const truth = phone(mode);
      const entry = entryOf(report.phones, truth.host);
      assert.equal(outcomeOf(entry), kind);
      assert.deepEqual(entry.warnings, []);
      assert.equal(setup.fleet.sessionsOf(truth.index), 1, `${mode}: one session`);
    }
    // Within its one session the wrong SSH password went once: not again by keyboard-interactive.
    assert.equal(setup.fleet.stats().authFailures, 1);
  });

  it('reports a phone silent after either password as a timeout naming the password, and never tries it again', () => {
    for (const [mode, silence] of [
      ['silent-after-ssh-password', /^no answer within [\d.]+ s after the SSH password was sent; /],
      ['silent-after-debug-password', /^no prompt within [\d.]+ s after the debug password was sent; /],
    ] as const) {
      const truth = phone(mode);
      const entry = entryOf(report.phones, truth.host);
      assert.equal(outcomeOf(entry), 'timeout', mode);
      assert.match(entry.error?.message ?? '', silence);
      assert.match(entry.error?.message ?? '', /; not retried, so the password is not sent again$/);
      assert.deepEqual(entry.warnings, [], mode);
      assert.equal(setup.fleet.sessionsOf(truth.index), 1, `${mode}: one session, the password sent once`);
    }
  });

  it('reads the other phone once, without warnings', () => {
    const truth = phone('ok');
    const entry = entryOf(report.phones, truth.host);
    assert.equal(outcomeOf(entry), 'ok');
    assert.deepEqual(entry.warnings, []);
    assert.equal(setup.fleet.sessionsOf(truth.index), 1);
  });
});
