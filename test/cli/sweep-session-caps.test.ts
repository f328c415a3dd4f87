import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FLEET_CREDENTIALS, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';
import type { ReportedDocument } from '../helpers/sweep-report.js';

// 8 phones of a site capped at 2 listed first, then 12 of a site that
// defaults: caps at 4, three of them in a group capped at 1. A sweep that
// waited for the capped site would never open more than 2 sessions.
const CAPPED = [0, 1, 2, 3, 4, 5, 6, 7];
const OTHERS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const SLOW_LINK = [9, 12, 15];
const CONCURRENCY = 5;

describe('unreg sweep with max_sessions: caps per site and group, counted by the simulator', () => {
  let setup: FleetOnDisk;
  let report: ReportedDocument;
  const most = { capped: () => 0, others: () => 0, slowLink: () => 0 };
  before(async () => {
    // Each login takes a while, so sessions overlap as they would on a real fleet.
    setup = await fleetOnDisk({ phones: 20, seed: 31, loginLatencyMs: 150 });
    const { fleet } = setup;
    const phones = fleet.phones.map((plan) => {
      const site = CAPPED.includes(plan.index) ? 'branch' : 'hq';
      const groups = SLOW_LINK.includes(plan.index) ? ', groups: [slow-link]' : '';
      return `  - { host: ${plan.host}, site: ${site}${groups} }`;
    });
    const inventory = join(setup.folder, 'capped.yaml');
    const yaml = [
      'defaults:',
      `  port: ${fleet.port}`,
      `  username: ${FLEET_CREDENTIALS.username}`,
      '  password_env: UNREG_SSH_PASSWORD',
      '  debug_password_env: UNREG_DEBUG_PASSWORD',
      '  max_sessions: 4',
      'groups:',
      '  slow-link: { max_sessions: 1 }',
      'sites:',
      '  branch: { max_sessions: 2 }',
      'phones:',
      ...phones,
    ];
    await writeFile(inventory, `${yaml.join('\n')}\n`);
    most.capped = fleet.watchOpen(CAPPED);
    most.others = fleet.watchOpen(OTHERS);
    most.slowLink = fleet.watchOpen(SLOW_LINK);
    const swept = await sweepFleetJson(setup, ['-c', String(CONCURRENCY)], inventory);
    assert.equal(swept.run.status, 0, swept.run.stderr);
    report = swept.report;
  });
  after(() => setup.close());

  it('reads every phone', () => {
    assert.equal(report.summary.phones.ok, 20);
  });

  it('never has more sessions of a capped site or group open at once than its max_sessions', () => {
    assert.equal(most.capped(), 2);
    assert.ok(most.others() <= 4, `${most.others()} sessions of site hq at once`);
    assert.equal(most.slowLink(), 1);
  });

  it('keeps every worker busy meanwhile: the sweep reaches --concurrency', () => {
    assert.equal(setup.fleet.stats().maxOpen, CONCURRENCY);
  });
});
