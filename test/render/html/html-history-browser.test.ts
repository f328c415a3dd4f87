import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { historyFolder, writeTranscripts } from '../../helpers/history-files.js';
import { runCli } from '../../helpers/run-cli.js';

// `unreg history ... -f html`: the answer's tables as a page of the same
// self-contained kind as the report's, opened in Chromium.

describe('unreg history as an HTML page', () => {
  let scratch: Awaited<ReturnType<typeof historyFolder>>;
  let browser: TestBrowser;
  let page = '';

  before(async () => {
    scratch = await historyFolder();
    const files = await writeTranscripts(scratch.folder, 4, 3);
    for (const file of files.slice(0, 3)) {
      const run = await runCli(['parse', file, '--history', scratch.file, '-f', 'json']);
      assert.equal(run.status, 0, run.stderr);
    }
    const answer = await runCli(['history', 'runs', '--history', scratch.file, '-f', 'html']);
    assert.equal(answer.status, 0, answer.stderr);
    page = `${scratch.folder}/runs.html`;
    await writeFile(page, answer.stdout);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await scratch?.close();
  });

  it('lists the runs in a table that sorts, with no console error and no request', async () => {
    const { page: tab, problems, requests } = await browser.open(page);
    assert.equal(await tab.locator('table.sortable tbody tr').count(), 3);
    const firstColumn = () =>
      tab.$$eval('table.sortable tbody tr td:first-child', (cells) => cells.map((cell) => cell.textContent ?? ''));
    const before = await firstColumn();
    await tab.click('table.sortable th >> nth=0');
    await tab.click('table.sortable th >> nth=0');
    const after = await firstColumn();
    assert.deepEqual(after, [...before].sort().reverse());
    assert.match((await tab.textContent('header')) ?? '', /unreg history runs/);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
    await tab.close();
  });
});
