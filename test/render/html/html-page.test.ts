import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ERROR_ADVICE } from '../../../src/render/html/error-advice.js';
import { HtmlRenderer } from '../../../src/render/html/html-renderer.js';
import { tablesPage } from '../../../src/render/html/tables-page.js';
import type { ErrorKind } from '../../../src/report/report-document.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { runCli } from '../../helpers/run-cli.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { failed, okEntry, renderAll, sampleAlarm } from '../sample-entries.js';

const CONTEXT = { version: '9.9.9', generatedAt: '2026-11-20T04:00:00.000Z', command: 'unreg sweep fleet.yaml' };

function page(): string {
  return renderAll(new HtmlRenderer(CONTEXT), [
    okEntry('10.0.0.1', [sampleAlarm(), sampleAlarm({ ReasonForOutOfService: '16' }, 'sent')], { site: 'tokyo' }),
    failed('10.0.0.2', { kind: 'timeout', message: 'no answer' }, { site: 'osaka' }),
  ]);
}

describe('the HTML page', () => {
  it('forbids every load in its Content-Security-Policy and allows only its own style and script, by hash', () => {
    const html = page();
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    assert.match(policy, /^default-src 'none'; /);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.ok(policy.includes(`script-src ${hash(script)}`));
    assert.ok(policy.includes(`style-src ${hash(style)}`));
  });

  it('names no URL: nothing to fetch', () => {
    assert.doesNotMatch(page(), /\b(?:https?|ftp|data|blob):|\/\/[a-z]|\bsrc=|\bhref=|@import|url\(/i);
  });

  it('shows the command, the totals, the sites and the failed phone', () => {
    const html = page();
    assert.ok(html.includes('<code>unreg sweep fleet.yaml</code>'));
    assert.match(html, /<b>2<\/b><span>phones<\/span>/);
    assert.match(html, /<td>tokyo<\/td>/);
    assert.match(html, /data-kind="timeout"/);
  });
});

describe('ERROR_ADVICE', () => {
  it("says for each kind what docs/reading-phones.md's table says", async () => {
    const doc = await readFile(join(REPO_ROOT, 'docs/reading-phones.md'), 'utf8');
    for (const [kind, advice] of Object.entries(ERROR_ADVICE) as [ErrorKind, { happened: string; check: string }][]) {
      assert.ok(doc.includes(`| \`${kind}\` | ${advice.happened} | ${advice.check} |`), kind);
    }
  });
});

describe('unreg syslog with an --output ending .html', () => {
  const folder = withTempDir('unreg-syslog-html-');
  it('is a usage error, and leaves no file', async () => {
    const output = folder.join('cucm.html');
    const run = await runCli(['syslog', '-', '-o', output], { input: '' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^unreg: unreg syslog writes no HTML page/);
    await assert.rejects(readFile(output));
    assert.deepEqual(await readdir(folder.path), []);
  });
});

describe('tablesPage (unreg history -f html)', () => {
  it('escapes every cell and title, and keeps the same policy and shell', () => {
    const context = { version: '1', generatedAt: '2026-11-20T04:00:00.000Z', command: 'unreg history runs' };
    const html = tablesPage(
      'What the run history says',
      [{ title: 'Runs <b>', columns: ['run', 'file'], rows: [[1, '</script><img src=x onerror=alert(1)>']] }],
      'No run.',
      context,
    );
    assert.ok(html.includes('<td>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</td>'));
    assert.ok(html.includes('<h2>Runs &lt;b&gt;</h2>'));
    assert.match(html, /<th class="n">run<\/th>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    assert.ok(tablesPage('x', [], 'No run.', context).includes('<p class="none">No run.</p>'));
  });
});
