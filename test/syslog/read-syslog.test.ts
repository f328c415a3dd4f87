import assert from 'node:assert/strict';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  MALFORMED_KEPT,
  openSyslogFile,
  type ReadOptions,
  readSyslogInputs,
  type SyslogInput,
  SyslogInputError,
  stdinSyslogInput,
} from '../../src/syslog/read-syslog.js';
import { withTempDir } from '../helpers/temp-dir.js';
import {
  ciscoHeader,
  endPointUnregistered,
  OLDER_DEVICE_UNREGISTERED,
  SEED_ENDPOINT_UNREGISTERED,
  SEED_LAST_OUT_OF_SERVICE,
  splitInParts,
} from './sample-lines.js';

/** The events read back from the store (closed afterwards), and the summary. */
async function readAll(inputs: SyslogInput[], options?: ReadOptions) {
  const { store, read } = await readSyslogInputs(inputs, options);
  try {
    return { events: [...store.events()], read };
  } finally {
    store.close();
  }
}

describe('readSyslogInputs', () => {
  const folder = withTempDir('unreg-syslog-read-');

  it('reads events from files in order, and reports malformed lines by file and number without stopping', async () => {
    const first = folder.join('CiscoSyslog');
    await writeFile(
      first,
      [
        `${ciscoHeader('Apr 21 2016 09:03:30.123 UTC')}${SEED_ENDPOINT_UNREGISTERED}`,
        'Apr 21 09:03:31 cucm105p local7 6 : %UC_AUDITLOG-5-AdministrativeEvent: %[UserID=admin]: Audit event',
        '%UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEP1][Reason=13',
        endPointUnregistered({ Reason: '13' }),
        SEED_LAST_OUT_OF_SERVICE,
        '',
      ].join('\r\n'),
    );
    const second = folder.join('CiscoSyslog.1');
    await writeFile(second, `${OLDER_DEVICE_UNREGISTERED}\n`);
    const reading = await readAll([await openSyslogFile(first), await openSyslogFile(second)]);
    assert.deepEqual(
      reading.events.map((event) => [event.file, event.line, event.alarm, event.deviceName]),
      [
        [first, 1, 'EndPointUnregistered', 'SEP2834A282656D'],
        [first, 5, 'LastOutOfServiceInformation', 'SEP2834A282656D'],
        [second, 1, 'DeviceUnregistered', 'SEP000B5F327F9A'],
      ],
    );
    assert.equal(reading.events[0]?.params.NodeID, 'cucm105p', 'no CR left on the last value');
    assert.deepEqual(reading.read, {
      lines: 6,
      events: 3,
      skipped: 1,
      malformedTotal: 2,
      malformed: [
        { file: first, line: 3, message: 'EndPointUnregistered: [Reason=... is not closed by ] (line cut short?)' },
        { file: first, line: 4, message: 'EndPointUnregistered: no DeviceName' },
      ],
    });
  });

  it('joins a message CUCM split in parts, and decodes escaped brackets in values', async () => {
    const path = folder.join('parts');
    const seed = `${ciscoHeader('Apr 21 2016 09:03:30.123 UTC')}${SEED_LAST_OUT_OF_SERVICE}`;
    const [first, second] = splitInParts(seed, 2);
    const orphan = splitInParts(seed.replace('SEP2834A282656D', 'SEP000000000009'), 3, 202)[1];
    const escaped = endPointUnregistered({
      DeviceName: 'SEP1',
      Description: 'Room \\[A\\] 3F \\\\ east',
      Reason: '13',
    });
    await writeFile(path, [first, escaped, orphan, second, ''].join('\n'));
    const { events, read } = await readAll([await openSyslogFile(path)]);
    assert.deepEqual(
      events.map((event) => [event.line, event.alarm, event.deviceName]),
      [
        [2, 'EndPointUnregistered', 'SEP1'],
        [1, 'LastOutOfServiceInformation', 'SEP2834A282656D'],
      ],
    );
    assert.equal(events[0]?.params.Description, 'Room [A] 3F \\ east');
    // Every key of the whole message, the last one whole.
    assert.equal(events[1]?.params.NodeID, 'cucm105s');
    assert.equal(events[1]?.params.ReasonForOutOfService, '10');
    assert.equal(events[1]?.time, '2016-04-21T09:03:30.123Z');
    assert.deepEqual(read.malformed, [
      { file: path, line: 3, message: 'LastOutOfServiceInformation: part 1, 3 of 3 of a split message not found' },
    ]);
    assert.equal(read.lines, 4);
  });

  it(`keeps the first ${MALFORMED_KEPT} malformed lines and counts the rest`, async () => {
    const extra = 5;
    const text = `${'%UC_CALLMANAGER-3-EndPointUnregistered: %[Reason=13]\n'.repeat(MALFORMED_KEPT + extra)}other\n`;
    const reading = await readAll([stdinSyslogInput(Readable.from([Buffer.from(text)]))]);
    assert.equal(reading.read.malformed.length, MALFORMED_KEPT);
    assert.equal(reading.read.malformed.at(-1)?.line, MALFORMED_KEPT);
    assert.equal(reading.read.malformedTotal, MALFORMED_KEPT + extra);
    assert.equal(reading.read.skipped, 1);
    assert.equal(reading.read.lines, MALFORMED_KEPT + extra + 1);
  });

  it('reads standard input as -, chunk by chunk, a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from(`${endPointUnregistered({ DeviceName: 'SEP1', Description: '受付' })}\nother\n`);
    const cut = bytes.indexOf(Buffer.from('受')) + 1;
    const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
    const reading = await readAll([stdinSyslogInput(stream)]);
    assert.equal(reading.events[0]?.file, '-');
    assert.equal(reading.events[0]?.params.Description, '受付');
    assert.equal(reading.read.lines, 2);
  });

  it('places RFC 3164 dates in the year before the file was last written', async () => {
    const path = folder.join('new-year');
    await writeFile(path, `Dec 31 23:59:00 cucm ${endPointUnregistered({ DeviceName: 'SEP1' })}\n`);
    await utimes(path, new Date('2017-01-02T00:00:00Z'), new Date('2017-01-02T00:00:00Z'));
    // RFC 3164 times are local: look at the local calendar date.
    const localDate = (iso: string | null | undefined) => {
      const date = new Date(iso ?? '');
      return [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];
    };
    const [event] = (await readAll([await openSyslogFile(path)])).events;
    assert.deepEqual(localDate(event?.time), [2016, 12, 31, 23, 59]);
    const [given] = (await readAll([await openSyslogFile(path)], { year: 2010 })).events;
    assert.deepEqual(localDate(given?.time), [2010, 12, 31, 23, 59]);
  });

  it('reads a gzip file through gunzip, and says so when it is cut short', async () => {
    const text = `${SEED_ENDPOINT_UNREGISTERED}\nother\n${SEED_LAST_OUT_OF_SERVICE}\n`;
    const packed = gzipSync(text);
    const path = folder.join('cucm.log.2.gz');
    await writeFile(path, packed);
    const { events, read } = await readAll([await openSyslogFile(path)]);
    assert.deepEqual(
      events.map((event) => [event.file, event.line, event.alarm]),
      [
        [path, 1, 'EndPointUnregistered'],
        [path, 3, 'LastOutOfServiceInformation'],
      ],
    );
    assert.equal(read.lines, 3);
    const cut = folder.join('cut.gz');
    await writeFile(cut, packed.subarray(0, packed.length - 10));
    await assert.rejects(
      readAll([await openSyslogFile(cut)]),
      /^SyslogInputError: cannot read .*cut\.gz: unexpected end of file$/,
    );
  });

  it('says in one line why a file cannot be opened', async () => {
    await assert.rejects(openSyslogFile(folder.join('missing')), (error: Error) => {
      assert.ok(error instanceof SyslogInputError);
      assert.match(error.message, /^cannot read .*missing: no such file$/);
      return true;
    });
    const sub = folder.join('a-folder');
    await mkdir(sub);
    await assert.rejects(openSyslogFile(sub), /^SyslogInputError: cannot read .*a-folder: is a folder, not a file$/);
  });
});
