import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { fixturePath, REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliOnTerminal } from '../helpers/run-cli-on-terminal.js';
import { FLEET_ENV, type FleetOnDisk, fleetOnDisk } from '../helpers/simulated-fleet-files.js';
import {
  ciscoHeader,
  endPointUnregistered,
  SEED_ENDPOINT_UNREGISTERED,
  SEED_LAST_OUT_OF_SERVICE,
} from '../syslog/sample-lines.js';

// Every table kind, printed by the built CLI on a real pty of 80, 100 and 40
// columns, from real inputs: the sample transcripts (long file names, every
// warning the parser gives, failed files), a simulated fleet with failing
// phones (long error messages), CUCM syslog, the code catalogues.

const WIDTHS = [80, 100, 40];
const ANSI = /\u001b\[[0-9;]*m/g;

const TRANSCRIPTS = [
  ...readdirSync(fixturePath('show-unreg'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => fixturePath('show-unreg', name)),
  join(REPO_ROOT, 'examples/show-unreg-cp8861.txt'),
];

/**
 * Lines wider than the terminal (colour codes do not count). The pty also
 * shows stderr: its one-line `unreg: ...` messages are left to the terminal.
 */
function overflowing(text: string, columns: number): string[] {
  return text
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => !line.startsWith('unreg: ') && stringWidth(line) > columns);
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(line)));
}

async function onTerminal(args: string[], columns: number, env: NodeJS.ProcessEnv = {}) {
  const run = await runCliOnTerminal(args, env, undefined, columns);
  const text = run.stdout.replace(ANSI, '');
  assert.deepEqual(overflowing(text, columns), [], `wider than ${columns} columns:\n${text}`);
  return { run, text };
}

describe('every table fits the terminal (a real pty of 80, 100 and 40 columns)', () => {
  let fleet: FleetOnDisk;
  let syslog = '';
  before(async () => {
    fleet = await fleetOnDisk({
      phones: 8,
      seed: 29,
      failures: { 'wrong-ssh-password': 1, 'no-show-unreg': 1, drop: 1, refused: 1, 'wrong-debug-password': 1 },
    });
    syslog = join(fleet.folder, 'CiscoSyslog');
    const header = ciscoHeader('Apr 21 2016 09:03:30.123 UTC');
    const fleetLines = fleet.fleet.truth.phones.map((phone) =>
      endPointUnregistered(
        { DeviceName: phone.name, IPAddress: '127.0.1.9', Protocol: 'SIP', Reason: '8', Description: 'Lobby 3F' },
        { header },
      ),
    );
    const seedLines = [SEED_ENDPOINT_UNREGISTERED, SEED_LAST_OUT_OF_SERVICE].map((line) => header + line);
    await writeFile(
      syslog,
      [...seedLines, ...fleetLines, '%UC_CALLMANAGER-3-EndPointUnregistered: %[Reason=13]', ''].join('\n'),
    );
  });
  after(() => fleet.close());

  for (const columns of WIDTHS) {
    it(`parse of the sample transcripts with --detail: reasons, alarms, failed, warnings (${columns})`, async () => {
      const { run, text } = await onTerminal(['parse', ...TRANSCRIPTS, '--detail'], columns);
      assert.equal(run.status, 1, 'some sample transcripts hold no show unreg output');
      for (const heading of ['ReasonForOutOfService', 'Alarms', 'Failed', 'Warnings']) {
        assert.match(text, new RegExp(`^${heading}$`, 'm'));
      }
      assert.match(text, /Phones: 26 total, 24 ok, 2/);
      assert.match(text, /DHCPv4Status=good/);
      // At 40 columns no grid of six columns fits: each alarm is key: value lines.
      if (columns === 40) assert.match(text, /^device: SEP2834A282656D$/m);
    });

    it(`sweep of a simulated fleet with failing phones, --detail (${columns})`, async () => {
      const args = ['sweep', fleet.inventory, '--retries', '0', '--timeout', '5', '--detail', '--quiet'];
      const { run, text } = await onTerminal([...args, '--known-hosts', join(fleet.folder, 'kh')], columns, FLEET_ENV);
      assert.equal(run.status, 1, text);
      assert.match(text, /Phones: 8 total, 3 ok, 5/);
      for (const kind of ['ssh-auth', 'unsupported', 'disconnected', 'refused', 'shell-login']) {
        assert.match(text, new RegExp(kind));
      }
    });

    it(`syslog --detail: the pair counts and the device pairs (${columns})`, async () => {
      const { run, text } = await onTerminal(['syslog', syslog, '--detail'], columns);
      assert.equal(run.status, 0, text);
      assert.match(text, /Events by device/);
      assert.match(text, /KeepAlive/);
      assert.match(text, /Malformed lines/);
    });

    it(`the code catalogues and one code explained (${columns})`, async () => {
      for (const args of [['reasons'], ['reasons', '--cucm'], ['reasons', '16'], ['reasons', '--cucm', '13']]) {
        const { run, text } = await onTerminal(args, columns);
        assert.equal(run.status, 0, text);
        assert.match(text, /TCP|KeepAlive|code/);
      }
    });
  }

  it('drops the category before it wraps names at 80 columns, and shows it at 100', async () => {
    const at80 = (await onTerminal(['parse', ...TRANSCRIPTS], 80)).text;
    const at100 = (await onTerminal(['parse', ...TRANSCRIPTS], 100)).text;
    assert.doesNotMatch(at80, /category/);
    assert.match(at80, /│ TCPclosedConnectHighPriorityUcm │/);
    assert.match(at100, /│ category +│/);
  });

  it('into a pipe, a table keeps its natural width (as wide as its longest line needs)', async () => {
    const run = await runCli(['parse', ...TRANSCRIPTS, '--detail', '-f', 'table']);
    assert.ok(widest(run.stdout) > 100, `widest line ${widest(run.stdout)}`);
    assert.match(run.stdout, /│ category +│/);
    assert.match(run.stdout, /ansi-escapes\.txt +│ SEP2834A282656D │ unsent +│ 2016-04-21T09:02:53\.181Z │/);
  });
});
