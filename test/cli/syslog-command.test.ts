import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import {
  ciscoHeader,
  OLDER_DEVICE_UNREGISTERED,
  SEED_ENDPOINT_UNREGISTERED,
  SEED_LAST_OUT_OF_SERVICE,
} from '../syslog/sample-lines.js';

const EXAMPLE = join(REPO_ROOT, 'examples/show-unreg-cp8861.txt');
const ENV = { TZ: 'UTC' };

// The seed's pair: CUCM saw KeepAliveTimeout at 09:03:30; the phone went out
// with TCPtimeOut at 09:02:53 and told CUCM when it came back at 09:20.
const SYSLOG = [
  `${ciscoHeader('Apr 21 2016 09:03:30.123 UTC')}${SEED_ENDPOINT_UNREGISTERED}`,
  'Apr 21 09:05:00 cucm105p local7 6 : 102: cucm105p.example.com: Apr 21 2016 09:05:00.000 UTC :  %UC_AUDITLOG-5-AdministrativeEvent: %[UserID=admin]: Audit',
  '%UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEP1][Reason=13',
  `${ciscoHeader('Apr 21 2016 09:20:00.000 UTC', 'cucm105s')}${SEED_LAST_OUT_OF_SERVICE}`,
  `${ciscoHeader('Apr 21 2016 11:00:00.000 UTC')}${OLDER_DEVICE_UNREGISTERED}`,
  '',
].join('\n');

describe('unreg syslog (built CLI under plain node)', () => {
  const folder = withTempDir('unreg-syslog-cli-');
  let syslogFile = '';
  before(async () => {
    syslogFile = folder.join('CiscoSyslog.txt');
    await writeFile(syslogFile, SYSLOG);
  });

  it('writes the documented JSON, pairs CUCM and phone reasons, reports a malformed line and exits 0', async () => {
    const run = await runCli(['syslog', syslogFile, '--format', 'json'], { env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stderr,
      `unreg: ${syslogFile}:3: skipped: EndPointUnregistered: [Reason=... is not closed by ] (line cut short?)\n`,
    );
    const document = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(document), ['schemaVersion', 'tool', 'generatedAt', 'events', 'pairs', 'read']);
    assert.deepEqual(
      document.events.map((event: Record<string, unknown>) => [event.deviceName, event.alarm, event.line, event.time]),
      [
        ['SEP000B5F327F9A', 'DeviceUnregistered', 5, '2016-04-21T11:00:00.000Z'],
        ['SEP2834A282656D', 'EndPointUnregistered', 1, '2016-04-21T09:03:30.123Z'],
        ['SEP2834A282656D', 'LastOutOfServiceInformation', 4, '2016-04-21T09:20:00.000Z'],
      ],
    );
    assert.deepEqual(document.pairs, [
      {
        cucmReasonCode: 12,
        cucmReasonName: 'SCCPDeviceThrottling',
        phoneReasonCode: null,
        phoneReasonName: 'no phone event',
        devices: 1,
        events: 1,
      },
      {
        cucmReasonCode: 13,
        cucmReasonName: 'KeepAliveTimeout',
        phoneReasonCode: 10,
        phoneReasonName: 'TCPtimeOut',
        devices: 1,
        events: 1,
      },
    ]);
    assert.deepEqual(document.read, {
      lines: 5,
      events: 3,
      skipped: 1,
      malformedTotal: 1,
      malformed: [
        {
          file: syslogFile,
          line: 3,
          message: 'EndPointUnregistered: [Reason=... is not closed by ] (line cut short?)',
        },
      ],
    });
  });

  it('reads standard input as -, one event per line in ndjson', async () => {
    const run = await runCli(['syslog', '-', '-f', 'ndjson'], { input: SYSLOG, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      events.map((event) => [event.file, event.line]),
      [
        ['-', 5],
        ['-', 1],
        ['-', 4],
      ],
    );
  });

  it('writes one CSV row per device pair to --output, atomically, with the documented columns', async () => {
    const output = folder.join('out', 'pairs-{date}.csv');
    const run = await runCli(['syslog', syslogFile, '--output', output], { env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const written = await readdir(folder.join('out'));
    assert.equal(written.length, 1);
    assert.match(written[0] ?? '', /^pairs-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = (await readFile(folder.join('out', written[0] ?? ''), 'utf8')).split('\r\n');
    assert.equal(
      rows[0],
      'device_name,cucm_alarm,cucm_time,cucm_reason_code,cucm_reason_name,cucm_ip_address,cucm_node,cucm_file,cucm_line,' +
        'phone_time,phone_timestamp,phone_reason_code,phone_reason_name,phone_ip_address,phone_node,phone_file,phone_line,seconds_apart',
    );
    assert.equal(
      rows[2],
      `SEP2834A282656D,EndPointUnregistered,2016-04-21T09:03:30.123Z,13,KeepAliveTimeout,192.168.1.37,cucm105p,${syslogFile},1,` +
        `2016-04-21T09:20:00.000Z,2016-04-21T09:02:53.000Z,10,TCPtimeOut,192.168.1.37,cucm105s,${syslogFile},4,37.123`,
    );
    assert.equal(rows.length, 4, 'header, two pairs, and the final line break');
  });

  it('quotes a CSV cell holding a lone CR or LF, so that each pair stays one record', async () => {
    const line = `${ciscoHeader('Apr 21 2016 09:03:30.123 UTC')}${SEED_ENDPOINT_UNREGISTERED.replace('[NodeID=cucm105p]', '[NodeID=a\rb]')}\n`;
    const run = await runCli(['syslog', '-', '-f', 'csv'], { input: line, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    const records = run.stdout.split('\r\n');
    assert.equal(records.length, 3, 'header, one pair, and the final line break');
    assert.match(records[1] ?? '', /,"a\rb",'-,1,/);
  });

  it('shows the fleet table, every device pair with --detail, and the malformed line', async () => {
    const run = await runCli(['syslog', syslogFile, '-f', 'table', '--detail', '--window', '1m'], { env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /paired per device within 1m/);
    assert.match(run.stdout, /║ +13 │ KeepAliveTimeout +│ +10 │ TCPtimeOut +│ +1 │ +1 ║/);
    assert.match(
      run.stdout,
      /SEP2834A282656D │ 2016-04-21 09:03:30\.123Z │ 13 KeepAliveTimeout +│ 2016-04-21 09:02:53\.000Z/,
    );
    assert.match(run.stdout, /Read: 5 lines, 3 events \(2 CUCM, 1 phone\), 1 other lines skipped, 1 malformed/);
    assert.match(run.stdout, /CiscoSyslog\.txt:3: EndPointUnregistered: \[Reason=/);
  });

  it('counts every malformed line but lists only the first 1,000', async () => {
    const input = '%UC_CALLMANAGER-3-EndPointUnregistered: %[Reason=13]\n'.repeat(1005);
    const run = await runCli(['syslog', '-', '-f', 'table'], { input, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /, 1005 malformed\n/);
    assert.match(run.stdout, /\n-:1000: EndPointUnregistered: no DeviceName\n\.\.\. and 5 more, not kept\n$/);
    assert.match(run.stderr, /\.\.\. and 995 more malformed lines \(the first 1000 listed in the report\)\n$/);
  });

  it('leaves pairs apart when the window is shorter than the time between them', async () => {
    const run = await runCli(['syslog', syslogFile, '-f', 'json', '--window', '37s'], { env: ENV });
    const pairs = JSON.parse(run.stdout).pairs.map((pair: Record<string, unknown>) => [
      pair.cucmReasonCode,
      pair.phoneReasonCode,
    ]);
    assert.deepEqual(pairs, [
      [12, null],
      [13, null],
      [null, 10],
    ]);
  });

  it('takes the last value of a one-value flag given twice', async () => {
    const run = await runCli(['syslog', syslogFile, '-f', 'json', '--window', '10m', '--window', '37s'], { env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).pairs.length, 3, 'paired within 37s: nothing pairs');
    const year = await runCli(['syslog', syslogFile, '-f', 'json', '--year', '19', '--year', '2016'], { env: ENV });
    assert.equal(year.status, 0, year.stderr);
    const table = await runCli(['syslog', syslogFile, '-f', 'table', '--detail', '--no-detail'], { env: ENV });
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /KeepAliveTimeout/);
    assert.doesNotMatch(table.stdout, /SEP2834A282656D │ 2016-04-21T09:03:30\.123Z/);
  });

  it('exits 2 with one line for an unreadable file, writing nothing', async () => {
    const output = folder.join('never.json');
    const run = await runCli(['syslog', syslogFile, folder.join('missing.log'), '--output', output], { env: ENV });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^unreg: cannot read .*missing\.log: no such file\n$/);
    assert.ok(!(await readdir(folder.path)).includes('never.json'));
  });

  it('exits 2 for a bad --window, a bad --year and an unknown flag', async () => {
    for (const [args, message] of [
      [['--window', 'soon'], /--window soon: not a duration/],
      [['--window', '0'], /--window 0: not a duration/],
      [['--year', '19'], /--year 19: not a year/],
      [['--bogus-flag'], /bogus-flag/],
    ] as const) {
      const run = await runCli(['syslog', syslogFile, ...args], { env: ENV });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
  describe('unreg parse --cucm-syslog', () => {
    it("adds CUCM's events to the phone and to its alarm the one it pairs with", async () => {
      const run = await runCli(['parse', EXAMPLE, '--cucm-syslog', syslogFile, '-f', 'json'], { env: ENV });
      assert.equal(run.status, 0, run.stderr);
      const [phone] = JSON.parse(run.stdout).phones;
      assert.deepEqual(
        phone.cucmEvents.map((event: Record<string, unknown>) => [event.alarm, event.reasonCode, event.line]),
        [['EndPointUnregistered', 13, 1]],
      );
      assert.equal(phone.alarms[0].cucmEvent.reasonName, 'KeepAliveTimeout');
      assert.equal(phone.alarms[0].cucmEvent.file, syslogFile);
    });

    it('gives null when the CUCM event is outside --cucm-window, and reads the syslog from stdin', async () => {
      const run = await runCli(['parse', EXAMPLE, '--cucm-syslog', '-', '--cucm-window', '30s', '-f', 'ndjson'], {
        input: SYSLOG,
        env: ENV,
      });
      assert.equal(run.status, 0, run.stderr);
      const phone = JSON.parse(run.stdout);
      assert.equal(phone.cucmEvents.length, 1);
      assert.equal(phone.alarms[0].cucmEvent, null);
    });

    it('exits 2 when stdin is asked to feed both inputs, or the syslog file is missing', async () => {
      const both = await runCli(['parse', '-', '--cucm-syslog', '-'], { input: '', env: ENV });
      assert.equal(both.status, 2);
      assert.match(both.stderr, /standard input \(-\) can feed only one input/);
      const missing = await runCli(['parse', EXAMPLE, '--cucm-syslog', folder.join('nope')], { env: ENV });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^unreg: cannot read .*nope: no such file\n$/);
    });

    it('leaves the report as it was without --cucm-syslog', async () => {
      const run = await runCli(['parse', EXAMPLE, '-f', 'json'], { env: ENV });
      const [phone] = JSON.parse(run.stdout).phones;
      assert.equal('cucmEvents' in phone, false);
      assert.equal('cucmEvent' in phone.alarms[0], false);
    });
  });
});
