import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PhoneTruth } from '../../src/simulator/fleet-truth.js';
import { type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import { sweepFleetJson } from '../helpers/sweep-cli.js';
import { entryOf, type ReportedDocument } from '../helpers/sweep-report.js';
import { ciscoHeader, endPointUnregistered } from '../syslog/sample-lines.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** CUCM's own stamp, `May 21 2024 08:35:28 UTC`. */
function cucmStamp(ms: number): string {
  const time = new Date(ms);
  const day = String(time.getUTCDate()).padStart(2, '0');
  const clock = time.toISOString().slice(11, 19);
  return `${MONTHS[time.getUTCMonth()]} ${day} ${time.getUTCFullYear()} ${clock} UTC`;
}

function unregisteredLine(deviceName: string, ms: number): string {
  return endPointUnregistered(
    { DeviceName: deviceName, IPAddress: '192.168.1.37', Protocol: 'SIP', Reason: '13' },
    { header: ciscoHeader(cucmStamp(ms)) },
  );
}

describe('unreg sweep --cucm-syslog against the phone simulator', () => {
  let setup: FleetOnDisk;
  let phone: PhoneTruth;
  let report: ReportedDocument;
  // CUCM noticed the phone gone 40 s after the phone lost it (whole seconds: CUCM's stamp has no ms).
  let eventMs: number;
  // The same phone a year earlier: CUCM's, but far from every alarm.
  let earlierMs: number;
  const paired = 1;

  before(async () => {
    setup = await fleetOnDisk({ phones: 3, seed: 19 });
    const found = setup.fleet.truth.phones.find((candidate) => candidate.alarms.length >= 2);
    assert.ok(found, 'a phone with two alarms or more');
    phone = found;
    const alarmMs = Date.parse(phone.alarms[paired]?.timestamp ?? '');
    eventMs = Math.floor(alarmMs / 1000) * 1000 + 40_000;
    earlierMs = eventMs - 366 * 86_400_000;
    const syslog = join(setup.folder, 'CiscoSyslog');
    await writeFile(
      syslog,
      [
        unregisteredLine(phone.name, eventMs),
        unregisteredLine(phone.name, earlierMs),
        // Another device: belongs to no phone swept.
        unregisteredLine('SEP000000000001', eventMs),
        '',
      ].join('\n'),
    );
    const swept = await sweepFleetJson(setup, ['--cucm-syslog', syslog]);
    assert.equal(swept.run.status, 0, swept.run.stderr);
    assert.equal(swept.run.stderr, '');
    report = swept.report;
  });
  after(() => setup.close());

  it("gives the phone CUCM's events for its device name, in time order", () => {
    const entry = entryOf(report.phones, phone.host);
    assert.deepEqual(
      entry.cucmEvents?.map((event) => [event.alarm, event.deviceName, event.time]),
      [
        ['EndPointUnregistered', phone.name, new Date(earlierMs).toISOString()],
        ['EndPointUnregistered', phone.name, new Date(eventMs).toISOString()],
      ],
    );
  });

  it('pairs the alarm close in time with that event, and no other alarm', () => {
    const entry = entryOf(report.phones, phone.host);
    entry.alarms.forEach((alarm, at) => {
      if (at === paired) assert.equal(alarm.cucmEvent?.time, new Date(eventMs).toISOString());
      else assert.equal(alarm.cucmEvent, null, `alarm ${at}`);
    });
  });

  it('gives the other phones no CUCM event', () => {
    for (const other of setup.fleet.truth.phones.filter((candidate) => candidate.host !== phone.host)) {
      const entry = entryOf(report.phones, other.host);
      assert.deepEqual(entry.cucmEvents, []);
      assert.ok(entry.alarms.every((alarm) => alarm.cucmEvent === null));
    }
  });
});
