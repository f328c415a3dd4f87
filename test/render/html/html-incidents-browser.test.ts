import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { formatShowUnreg } from '../../../src/simulator/show-unreg-text.js';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { runCli } from '../../helpers/run-cli.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { seedParams } from '../../parser/seed-alarm.js';

// Saved output of eight phones: five on switch sw-b2-lobby that dropped
// within 40 seconds (an incident, found by the report writer), three on
// other switches at unrelated times. Parsed by the built CLI into a page.

const BURST_START = Date.parse('2026-11-20T03:12:04.181Z');

function transcript(phone: number, time: number, neighbour: string, reason: string): string {
  const mac = `00AABBCC01${phone.toString(16).padStart(2, '0').toUpperCase()}`;
  const params = seedParams({
    DeviceName: `SEP${mac}`,
    DeviceIPv4Address: `10.2.${phone}.${10 + phone}/24`,
    IPv4DefaultGateway: `10.2.${phone}.254`,
    NeighborDeviceID: neighbour,
    NeighborPortID: `GigabitEthernet1/0/${phone}`,
    TimeStamp: String(time),
    ReasonForOutOfService: reason,
  });
  return `DEBUG> show unreg\n${formatShowUnreg([{ section: 'sent', name: 'LastOutOfServiceInformation', params }])}\nDEBUG>\n`;
}

describe('the HTML report of a burst', () => {
  const folder = withTempDir('unreg-html-incidents-');
  let output = '';
  let browser: TestBrowser;

  before(async () => {
    const files: string[] = [];
    for (let phone = 1; phone <= 8; phone += 1) {
      const inBurst = phone <= 5;
      const time = inBurst ? BURST_START + phone * 8000 : BURST_START - phone * 86_400_000;
      const file = folder.join(`phone-${phone}.txt`);
      await writeFile(
        file,
        transcript(phone, time, inBurst ? 'sw-b2-lobby' : `sw-other-${phone}`, inBurst ? '10' : '23'),
      );
      files.push(file);
    }
    output = folder.join('report.html');
    const run = await runCli(['parse', ...files, '-o', output]);
    assert.equal(run.status, 0, run.stderr);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  describe('incidents on the HTML page', () => {
    it('lists each incident with its span, suspect, phones and reasons, and marks it on the timeline', async () => {
      const { page, problems, requests } = await browser.open(output);
      const rows = await page.$$eval('table.incidents tbody tr', (cells) => cells.map((row) => row.textContent ?? ''));
      assert.equal(rows.length, 1);
      const row = rows[0] ?? '';
      assert.match(row, /^#1/);
      assert.match(row, /2026-11-20 03:12:12/);
      assert.match(row, /switch sw-b2-lobby: 5 of its 5 phones/);
      assert.match(row, /10 TCPtimeOut \(5\)/);
      assert.match(row, /SEP00AABBCC0101 \(sw-b2-lobby GigabitEthernet1\/0\/1\)/);
      assert.equal(await page.locator('svg.timeline g.incident-band').count(), 1);
      assert.match((await page.textContent('header')) ?? '', /1incident/);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
      await page.close();
    });
  });
});

describe('unreg incidents -f html', () => {
  const folder = withTempDir('unreg-html-incidents-command-');
  let browser: TestBrowser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the incidents found again in a saved report as a page of its own', async () => {
    const files: string[] = [];
    for (let phone = 1; phone <= 4; phone += 1) {
      const file = folder.join(`phone-${phone}.txt`);
      await writeFile(file, transcript(phone, BURST_START + phone * 5000, 'sw-<b>lobby</b>', '10'));
      files.push(file);
    }
    const saved = folder.join('saved.json');
    const parsed = await runCli(['parse', ...files, '-o', saved]);
    assert.equal(parsed.status, 0, parsed.stderr);
    const page = folder.join('incidents.html');
    const run = await runCli(['incidents', saved, '-o', page]);
    assert.equal(run.status, 0, run.stderr);
    const opened = await browser.open(page);
    const rows = await opened.page.$$eval('table.incidents tbody tr', (cells) => cells.map((row) => row.textContent));
    assert.equal(rows.length, 1);
    assert.match(rows[0] ?? '', /switch sw-<b>lobby<\/b>: 4 of its 4 phones/);
    assert.match((await opened.page.textContent('header')) ?? '', /Read 4 distinct alarms of 4 phones from 1 file/);
    assert.deepEqual(opened.problems, []);
    assert.deepEqual(opened.requests, []);
    await opened.page.close();
  });
});
