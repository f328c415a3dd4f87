import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outOfServiceReasonByCode } from '../../src/catalogue/out-of-service-reasons.js';
import type { ParsedAlarm } from '../../src/parser/parsed-alarm.js';
import { alarmAt } from '../../src/simulator/alarm-generator.js';
import type { PhonePlan } from '../../src/simulator/fleet-plan.js';
import { historyFolder } from '../helpers/history-files.js';
import { runCli } from '../helpers/run-cli.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleet } from '../helpers/sweep-cli.js';

const HOUR = 3_600_000;

interface NewAlarm {
  deviceName: string;
  host: string;
  reasonCode: number;
  timestamp: string;
  section: string;
  firstSeenRun: number;
}

/**
 * Three nights of sweeps of the simulator into one history file, the fleet
 * changing between them as real phones do: A gains an alarm (unsent, sent
 * the next night), B is power-cycled (its alarms gone) and unregisters
 * again, C unregisters every night (flapping), D is unplugged after the
 * first night, and one phone refuses every connection.
 */
describe('three nights of sweeps recorded in the history', () => {
  let setup: FleetOnDisk;
  let scratch: Awaited<ReturnType<typeof historyFolder>>;
  let phones: Record<'a' | 'b' | 'c' | 'd' | 'refusing', PhonePlan>;
  const gained: Record<string, ParsedAlarm> = {};
  let night1Alarms = 0;
  const nowMs = Date.now();
  const history = (args: string[]) => runCli(['history', ...args, '--history', scratch.file, '-f', 'json']);
  const json = async (args: string[]) => {
    const run = await history(args);
    assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };
  const sweep = async () => {
    const run = await sweepFleet(setup, ['-f', 'json', '--history', scratch.file]);
    assert.equal(run.status, 1, run.stderr);
  };

  before(async () => {
    setup = await fleetOnDisk({ phones: 8, seed: 11, failures: { refused: 1 } });
    scratch = await historyFolder();
    const plans = setup.fleet.phones;
    const answering = plans.filter((plan) => plan.mode === 'ok');
    const [a, b, c, d] = answering as [PhonePlan, PhonePlan, PhonePlan, PhonePlan];
    phones = { a, b, c, d, refusing: plans.find((plan) => plan.mode === 'refused') as PhonePlan };
    // B and D hold an old alarm (B's to lose in the power cycle; D's names it on night 1).
    setup.fleet.setAlarms(b.index, [alarmAt(b, nowMs - 400 * 24 * HOUR, 16, 'sent')]);
    setup.fleet.setAlarms(d.index, [alarmAt(d, nowMs - 300 * 24 * HOUR, 10, 'sent')]);

    // Night 1.
    gained.c1 = alarmAt(c, nowMs - 50 * HOUR, 10, 'sent');
    setup.fleet.setAlarms(c.index, [...c.alarms, gained.c1]);
    night1Alarms = setup.fleet.phones
      .filter((plan) => plan.mode === 'ok')
      .reduce((sum, plan) => sum + plan.alarms.length, 0);
    await sweep();
    // Night 2.
    gained.a2 = alarmAt(a, nowMs - 30 * HOUR, 16, 'unsent');
    setup.fleet.setAlarms(a.index, [...a.alarms, gained.a2]);
    setup.fleet.setAlarms(b.index, []);
    gained.c2 = alarmAt(c, nowMs - 26 * HOUR, 10, 'sent');
    setup.fleet.setAlarms(c.index, [...c.alarms, gained.c1, gained.c2]);
    await setup.fleet.unplug(d.index);
    await sweep();
    // Night 3: A's alarm went out to CUCM.
    setup.fleet.setAlarms(a.index, [...a.alarms, { ...gained.a2, section: 'sent' }]);
    gained.b3 = alarmAt(b, nowMs - 5 * HOUR, 22, 'unsent');
    setup.fleet.setAlarms(b.index, [gained.b3]);
    gained.c3 = alarmAt(c, nowMs - 2 * HOUR, 12, 'unsent');
    setup.fleet.setAlarms(c.index, [...c.alarms, gained.c1, gained.c2, gained.c3]);
    await sweep();
  });
  after(async () => {
    await setup?.close();
    await scratch?.close();
  });

  const expected = (plan: PhonePlan, alarm: ParsedAlarm, run: number, section = alarm.section) => ({
    deviceName: plan.name,
    host: plan.host,
    reasonCode: Number(alarm.params.ReasonForOutOfService),
    timestamp: new Date(Number(alarm.params.TimeStamp)).toISOString(),
    section,
    firstSeenRun: run,
  });
  const essentials = (alarms: NewAlarm[]) =>
    alarms.map(({ deviceName, host, reasonCode, timestamp, section, firstSeenRun }) => ({
      deviceName,
      host,
      reasonCode,
      timestamp,
      section,
      firstSeenRun,
    }));

  it('runs: three complete sweeps, each with its phones and the alarms it saw first', async () => {
    const { runs } = await json(['runs']);
    assert.deepEqual(
      runs.map(({ id, command, complete, phones: count, ok, failed, newAlarms }: Record<string, unknown>) => ({
        id,
        command,
        complete,
        phones: count,
        ok,
        failed,
        newAlarms,
      })),
      [
        // Night 1: every alarm is new.
        { id: 1, command: 'sweep', complete: true, phones: 8, ok: 7, failed: 1, newAlarms: night1Alarms },
        { id: 2, command: 'sweep', complete: true, phones: 8, ok: 6, failed: 2, newAlarms: 2 },
        { id: 3, command: 'sweep', complete: true, phones: 8, ok: 6, failed: 2, newAlarms: 2 },
      ],
    );
    for (const run of runs) {
      assert.match(run.startedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.ok(run.endedAt >= run.startedAt);
    }
  });

  it('new: by default the alarms first seen by the latest complete run', async () => {
    const answer = await json(['new']);
    assert.deepEqual(answer.since, { given: null, run: 3, after: null });
    assert.deepEqual(essentials(answer.alarms), [
      expected(phones.b, gained.b3 as ParsedAlarm, 3),
      expected(phones.c, gained.c3 as ParsedAlarm, 3),
    ]);
    assert.deepEqual(
      answer.alarms.map(({ reasonName, category }: Record<string, unknown>) => ({ reasonName, category })),
      [22, 12].map((code) => {
        const reason = outOfServiceReasonByCode(code);
        return { reasonName: reason?.name, category: reason?.category };
      }),
    );
  });

  it('new --since 1: everything first seen after night 1, A now sent', async () => {
    const answer = await json(['new', '--since', '1']);
    assert.equal(answer.since.run, 1);
    assert.deepEqual(essentials(answer.alarms), [
      expected(phones.a, gained.a2 as ParsedAlarm, 2, 'sent'),
      expected(phones.c, gained.c2 as ParsedAlarm, 2),
      expected(phones.b, gained.b3 as ParsedAlarm, 3),
      expected(phones.c, gained.c3 as ParsedAlarm, 3),
    ]);
    const sinceDuration = await json(['new', '--since', '7d']);
    assert.equal(
      sinceDuration.alarms.length,
      (await json(['runs'])).runs.reduce((n: number, r: { newAlarms: number }) => n + r.newAlarms, 0),
    );
  });

  it('flapping: C, three distinct unregistrations in the last 7 days; with --min 1 also A and B', async () => {
    const answer = await json(['flapping']);
    assert.equal(answer.window, '7d');
    assert.equal(answer.min, 3);
    assert.deepEqual(
      answer.phones.map(({ deviceName, host, unregistrations, first, last }: Record<string, unknown>) => ({
        deviceName,
        host,
        unregistrations,
        first,
        last,
      })),
      [
        {
          deviceName: phones.c.name,
          host: phones.c.host,
          unregistrations: 3,
          first: new Date(nowMs - 50 * HOUR).toISOString(),
          last: new Date(nowMs - 2 * HOUR).toISOString(),
        },
      ],
    );
    assert.deepEqual(
      answer.phones[0].reasons.map(({ code, count }: { code: number; count: number }) => ({ code, count })),
      [
        { code: 10, count: 2 },
        { code: 12, count: 1 },
      ],
    );
    const all = await json(['flapping', '--min', '1']);
    const byName = [phones.a, phones.b].map((plan) => plan.name).sort();
    assert.deepEqual(
      all.phones.map((phone: { deviceName: string; unregistrations: number }) => [
        phone.deviceName,
        phone.unregistrations,
      ]),
      [[phones.c.name, 3], ...byName.map((name) => [name, 1])],
    );
  });

  it('unreachable: the refusing phone in all three nights; D, named by its night-1 alarm, in the last two', async () => {
    const three = await json(['unreachable']);
    assert.deepEqual(
      three.runs.map((run: { id: number }) => run.id),
      [1, 2, 3],
    );
    assert.deepEqual(three.phones, [
      {
        deviceName: null,
        host: phones.refusing.host,
        site: phones.refusing.site,
        errorKinds: ['refused', 'refused', 'refused'],
        lastOk: null,
      },
    ]);
    const two = await json(['unreachable', '--runs', '2']);
    const runs = (await json(['runs'])).runs;
    assert.deepEqual(
      two.phones,
      [
        {
          deviceName: phones.d.name,
          host: phones.d.host,
          site: phones.d.site,
          errorKinds: ['refused', 'refused'],
          lastOk: runs[0].startedAt,
        },
        {
          deviceName: null,
          host: phones.refusing.host,
          site: phones.refusing.site,
          errorKinds: ['refused', 'refused'],
          lastOk: null,
        },
      ].sort((x, y) => (x.host < y.host ? -1 : 1)),
    );
    const four = await history(['unreachable', '--runs', '4', '-f', 'json']);
    assert.deepEqual(JSON.parse(four.stdout).phones, []);
  });

  it("phone: A's timeline, its alarm seen unsent on night 2 and sent on night 3", async () => {
    const answer = await json(['phone', phones.a.name]);
    const runs = (await json(['runs'])).runs;
    assert.deepEqual(answer.phone, { deviceName: phones.a.name, host: phones.a.host, site: phones.a.site });
    assert.deepEqual(
      answer.runs.map((run: { run: number; status: string }) => [run.run, run.status]),
      [
        [1, 'ok'],
        [2, 'ok'],
        [3, 'ok'],
      ],
    );
    const a2 = answer.alarms.find(
      (alarm: { timestamp: string }) => alarm.timestamp === expected(phones.a, gained.a2 as ParsedAlarm, 2).timestamp,
    );
    assert.deepEqual(
      { first: a2.firstSeenRun, last: a2.lastSeenRun, section: a2.section, sentSeenAt: a2.sentSeenAt },
      { first: 2, last: 3, section: 'sent', sentSeenAt: runs[2].startedAt },
    );
    const byHost = await json(['phone', phones.d.host]);
    assert.deepEqual(
      byHost.runs.map((run: { run: number; errorKind: string | null }) => [run.run, run.errorKind]),
      [
        [1, null],
        [2, 'refused'],
        [3, 'refused'],
      ],
    );
    const unknown = await history(['phone', 'SEP000000000000']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^unreg: no phone SEP000000000000 in the history\n$/);
  });

  it('table and CSV carry the same answer', async () => {
    const table = await runCli(['history', 'new', '--since', '1', '--history', scratch.file, '-f', 'table']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, new RegExp(phones.c.name));
    const csv = await runCli(['history', 'new', '--since', '1', '--history', scratch.file, '-f', 'csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'device_name,host,site,reason_code,reason_name,category,timestamp,section,first_seen_run');
    assert.equal(lines.length, 5);
  });
});
