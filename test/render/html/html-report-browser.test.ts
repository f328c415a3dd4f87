import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { runCli } from '../../helpers/run-cli.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// The HTML report of `unreg demo` (a simulated fleet with sites and five
// phones failing on purpose) and of `unreg parse`, made by the built CLI and
// opened from its file in Debian's Chromium.

describe('the HTML report in Chromium', () => {
  const folder = withTempDir('unreg-html-');
  let browser: TestBrowser;
  let demoPage = '';

  before(async () => {
    demoPage = folder.join('demo.html');
    const demo = await runCli(['demo', '-q', '-f', 'html', '-o', demoPage]);
    assert.equal(demo.status, 0, demo.stderr);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  // The test compiles without the DOM's types: what it reads of a row.
  interface TableRow {
    readonly hidden: boolean;
    readonly cells: ArrayLike<{ readonly textContent: string | null }>;
  }

  /** The phones table's rows the reader can see, as cell texts. */
  function visibleRows(page: Page): Promise<string[][]> {
    return page.$$eval('#phone-table tbody tr:not(.more)', (rows) =>
      (rows as unknown as TableRow[])
        .filter((row) => !row.hidden)
        .map((row) => Array.from(row.cells, (cell) => cell.textContent ?? '')),
    );
  }

  describe('the HTML report of unreg demo', () => {
    it('opens with no console error and makes no request of any kind', async () => {
      const { page, problems, requests } = await browser.open(demoPage);
      await page.waitForSelector('html.js');
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
      await page.close();
    });

    it('draws the timeline and a bar per reason', async () => {
      const { page } = await browser.open(demoPage);
      const bars = await page.$$eval('svg.timeline path.bars', (paths) =>
        paths.map((path) => (path.getAttribute('d') ?? '').split('z').length - 1),
      );
      assert.ok(bars.length >= 3, 'several categories drawn');
      const box = await page.$eval('svg.timeline', (svg) => svg.getBoundingClientRect().height);
      assert.ok(box > 100, `timeline drawn ${box}px high`);
      const reasonRows = await page.$$eval('table.reasons tbody tr', (rows) => rows.length);
      const reasonBars = await page.$$eval(
        'table.reasons svg.bar rect',
        (rects) => rects.filter((rect) => Number(rect.getAttribute('width')) > 0).length,
      );
      assert.ok(reasonRows > 5);
      assert.ok(reasonBars >= reasonRows, 'every reason has a bar');
      await page.close();
    });

    it('lists the failed phones by kind, each kind with what to check', async () => {
      const { page } = await browser.open(demoPage);
      const kinds = await page.$$eval('#failed .failed-kind', (groups) =>
        groups.map((group) => ({
          kind: group.getAttribute('data-kind'),
          phones: group.querySelectorAll('tbody tr').length,
          advice: group.querySelector('.advice')?.textContent ?? '',
        })),
      );
      assert.deepEqual(kinds.map((group) => group.kind).sort(), [
        'disconnected',
        'refused',
        'shell-login',
        'timeout',
        'unsupported',
      ]);
      for (const group of kinds) {
        assert.equal(group.phones, 1);
        assert.match(group.advice, /^What to check: \S/);
      }
      const header = await page.$eval('header', (element) => element.textContent ?? '');
      assert.match(header, /30phones/);
      assert.match(header, /5could not be read/);
      await page.close();
    });

    it('shades sites by reason category', async () => {
      const { page } = await browser.open(demoPage);
      const sites = await page.$$eval('table.heat tbody tr td:first-child', (cells) =>
        cells.map((cell) => cell.textContent),
      );
      assert.deepEqual(sites, ['austin', 'london', 'osaka', 'sydney', 'tokyo']);
      await page.close();
    });

    it('sorts the phones by any column, both ways', async () => {
      const { page } = await browser.open(demoPage);
      await page.click('#phone-table th:has-text("alarms")');
      let counts = (await visibleRows(page)).map((row) => Number(row[7]));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => a - b),
      );
      await page.click('#phone-table th:has-text("alarms")');
      counts = (await visibleRows(page)).map((row) => Number(row[7]));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );
      assert.ok((counts[0] ?? 0) > (counts.at(-1) ?? 0));
      await page.click('#phone-table th:has-text("site")');
      const sites = (await visibleRows(page)).map((row) => row[2] ?? '');
      assert.deepEqual(sites, [...sites].sort());
      assert.equal(sites.length, 30);
      await page.close();
    });

    it('filters the phones by text and by status', async () => {
      const { page } = await browser.open(demoPage);
      await page.fill('#phone-filter', 'osaka');
      await page.locator('#phone-count', { hasText: ' of ' }).waitFor();
      const osaka = await visibleRows(page);
      assert.ok(osaka.length > 0 && osaka.length < 30);
      assert.ok(osaka.every((row) => row.join(' ').toLowerCase().includes('osaka')));
      await page.fill('#phone-filter', '');
      await page.selectOption('#status-filter', 'failed');
      const failed = await visibleRows(page);
      assert.equal(failed.length, 5);
      assert.ok(failed.every((row) => row[4]?.startsWith('failed: ')));
      assert.equal(await page.textContent('#phone-count'), '5 of 30 phones');
      await page.close();
    });

    it("expands a phone's row to its alarms with every parameter decoded", async () => {
      const { page, problems } = await browser.open(demoPage);
      await page.selectOption('#status-filter', 'alarms');
      const row = page.locator('#phone-table tbody tr:not([hidden])').first();
      const alarms = Number(await row.locator('td').nth(7).textContent());
      await row.click();
      const detail = page.locator('#phone-table tr.more');
      assert.equal(await detail.locator('.alarm').count(), alarms);
      const text = (await detail.textContent()) ?? '';
      assert.match(text, /DHCPv4Status\s*good/);
      assert.match(text, /DNSStatusUnifiedCM1\s*good/);
      assert.match(text, /UTC · (sent to CUCM|not yet sent) · \d+ \w+/);
      await row.click();
      assert.equal(await page.locator('#phone-table tr.more').count(), 0);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });

  describe('the HTML report with scripts off', () => {
    it('still shows every figure, chart and phone; the script-only controls stay hidden', async () => {
      const plain = await launchBrowser({ javaScriptEnabled: false });
      try {
        const { page, problems, requests } = await plain.open(demoPage);
        assert.equal(await page.$$eval('#phone-table tbody tr', (rows) => rows.length), 30);
        assert.ok(await page.isVisible('svg.timeline path.bars'));
        assert.equal(await page.isVisible('.filters'), false);
        assert.equal(await page.$$eval('#failed .failed-kind', (groups) => groups.length), 5);
        assert.deepEqual(problems, []);
        assert.deepEqual(requests, []);
      } finally {
        await plain.close();
      }
    });
  });

  describe('the HTML report of unreg parse', () => {
    it('is chosen by an --output ending .html, and lists a file that is no show unreg output as failed', async () => {
      const notes = folder.join('notes.txt');
      await writeFile(notes, 'nothing from a phone here\n');
      const output = folder.join('parse.html');
      const example = join(REPO_ROOT, 'examples/show-unreg-cp8861.txt');
      const run = await runCli(['parse', example, notes, '-o', output]);
      assert.equal(run.status, 1, run.stderr);
      const { page, problems, requests } = await browser.open(output);
      assert.equal(await page.$$eval('#phone-table tbody tr', (rows) => rows.length), 2);
      assert.equal(await page.$eval('#failed .failed-kind', (group) => group.getAttribute('data-kind')), 'parse');
      assert.match((await page.textContent('table.reasons')) ?? '', /TCPtimeOut/);
      assert.ok(await page.isVisible('svg.timeline path.bars'));
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
      await page.close();
    });
  });
});
