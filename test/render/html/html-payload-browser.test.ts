import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SEED_PARAMS } from '../../../src/simulator/alarm-generator.js';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { runCli } from '../../helpers/run-cli.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// Phone data is untrusted: a transcript whose every parameter (name and
// value) holds markup or script, in a file whose name holds some too. In the
// browser nothing of it may run or become an element; it must read as text.

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '"><svg onload=alert(3)>',
  '\'><iframe srcdoc="<script>alert(4)</script>"></iframe>',
  '<!-- <a href="javascript:alert(5)">x</a> \u2028\u2029 &amp; &lt;b&gt;',
];
// Directories and a file, so that the path as given holds a whole </script>.
const FILE_NAME = 'x</script><script>alert(6)</script><img src=x onerror=alert(7)>.txt';

function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** One alarm block; every value a payload but those in `keep`. */
function alarmBlock(keep: Record<string, string>, offset: number): string {
  const parameters = Object.keys(SEED_PARAMS).map((name, index) => {
    const value = keep[name] ?? `${name}:${PAYLOADS[(index + offset) % PAYLOADS.length]}`;
    return `<String name="${name}">${xmlEscape(value)}</String>`;
  });
  const odd = `<String name="${xmlEscape(PAYLOADS[0] ?? '')}">${xmlEscape(PAYLOADS[1] ?? '')}</String>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<x-cisco-alarm><Alarm Name="${xmlEscape(PAYLOADS[2] ?? '')}"><ParameterList>`,
    ...parameters,
    odd,
    '</ParameterList></Alarm></x-cisco-alarm>',
  ].join('\n');
}

const TRANSCRIPT = [
  'DEBUG> show unreg',
  '-----------------Alarms sent out to UCM--------------------------------',
  alarmBlock({ ReasonForOutOfService: '10', TimeStamp: '1461229373181' }, 0),
  '-----------------Alarms not yet sent out to UCM--------------------------------',
  alarmBlock({}, 2),
  '<EOT>',
  'DEBUG>',
].join('\n');

describe('the HTML report of hostile input', () => {
  const folder = withTempDir('unreg-html-payload-');
  let output = '';
  let browser: TestBrowser;

  before(async () => {
    await mkdir(folder.join(dirname(FILE_NAME)), { recursive: true });
    await writeFile(folder.join(FILE_NAME), TRANSCRIPT);
    output = folder.join('report.html');
    const run = await runCli(['parse', FILE_NAME, '-f', 'html', '-o', output], { cwd: folder.path });
    assert.equal(run.status, 0, run.stderr);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  describe('phone data and file names full of markup and script', () => {
    it('runs none of it, makes no element of it, and shows it as text', async () => {
      const { page, problems, requests } = await browser.open(output);
      await page.waitForSelector('html.js');
      await page.click('#phone-table tbody tr');
      await page.waitForSelector('#phone-table tr.more');
      // Only the page's own two script elements; none of the payloads' elements or handlers.
      assert.equal(await page.locator('script').count(), 2);
      assert.equal(await page.locator('img, iframe, a, [onerror], [onload], [srcdoc]').count(), 0);
      assert.equal(await page.locator('svg[onload], svg:not(.chart)').count(), 0);
      const row = (await page.textContent('#phone-table tbody tr')) ?? '';
      assert.ok(row.includes(FILE_NAME), row);
      const detail = (await page.textContent('#phone-table tr.more')) ?? '';
      for (const payload of PAYLOADS) assert.ok(detail.includes(payload), `shown as text: ${payload}`);
      assert.ok(detail.includes(`ModelNumber:${PAYLOADS[0]}`));
      assert.equal(await page.evaluate('typeof window.pwned'), 'undefined');
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
      await page.close();
    });

    it('keeps the embedded data whole: </script> in it never ends its element', async () => {
      const { page } = await browser.open(output);
      const data = (await page.evaluate("JSON.parse(document.getElementById('unreg-data').textContent)")) as {
        s: string[];
      };
      for (const payload of PAYLOADS) assert.ok(data.s.some((text) => text.includes(payload)));
      await page.close();
    });
  });
});
