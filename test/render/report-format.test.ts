import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CsvRenderer } from '../../src/render/csv-renderer.js';
import { HtmlRenderer } from '../../src/render/html/html-renderer.js';
import { JsonRenderer, NdjsonRenderer } from '../../src/render/json-renderer.js';
import { defaultFormat, rendererFor } from '../../src/render/report-format.js';
import { TableRenderer } from '../../src/render/table-renderer.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliOnTerminal } from '../helpers/run-cli-on-terminal.js';
import { withTempDir } from '../helpers/temp-dir.js';

const EXAMPLE = join(REPO_ROOT, 'examples/show-unreg-cp8861.txt');

describe('defaultFormat', () => {
  it('is a table on a terminal and JSON for a program', () => {
    assert.equal(defaultFormat(undefined, true), 'table');
    assert.equal(defaultFormat(undefined, false), 'json');
  });

  it('follows the output file extension, whatever stdout is', () => {
    assert.equal(defaultFormat('r/unreg.csv', true), 'csv');
    assert.equal(defaultFormat('unreg.CSV', false), 'csv');
    assert.equal(defaultFormat('unreg.json', true), 'json');
    assert.equal(defaultFormat('unreg.ndjson', true), 'ndjson');
    assert.equal(defaultFormat('unreg.jsonl', true), 'ndjson');
    assert.equal(defaultFormat('unreg.txt', false), 'table');
    assert.equal(defaultFormat('reports/unreg.html', false), 'html');
    assert.equal(defaultFormat('unreg.HTM', true), 'html');
  });

  it('writes JSON to a file of any other name', () => {
    assert.equal(defaultFormat('unreg.out', true), 'json');
    assert.equal(defaultFormat('unreg', true), 'json');
  });
});

describe('rendererFor', () => {
  it('gives each format its renderer', async () => {
    const options = {
      version: '1',
      generatedAt: '2024-01-01T00:00:00.000Z',
      detail: false,
      colour: false,
      width: null,
    };
    assert.ok((await rendererFor('table', options)) instanceof TableRenderer);
    assert.ok((await rendererFor('csv', options)) instanceof CsvRenderer);
    assert.ok((await rendererFor('json', options)) instanceof JsonRenderer);
    assert.ok((await rendererFor('ndjson', options)) instanceof NdjsonRenderer);
    assert.ok((await rendererFor('html', options)) instanceof HtmlRenderer);
  });
});

describe('the default format in the built CLI', () => {
  const folder = withTempDir('unreg-format-');

  it('is the table on a terminal', async () => {
    const run = await runCliOnTerminal(['parse', EXAMPLE], { NO_COLOR: '1' });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^ReasonForOutOfService\n╔/);
    assert.match(run.stdout, /║ +10 │ TCPtimeOut │ network +│/);
  });

  it('is JSON into a pipe', async () => {
    const run = await runCli(['parse', EXAMPLE]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).summary.reasons[0].code, 10);
  });

  it('follows --output, with {date} expanded in UTC, even on a terminal', async () => {
    const utcDate = () => new Date().toISOString().slice(0, 10);
    const dates = new Set([utcDate()]);
    const run = await runCliOnTerminal(['parse', EXAMPLE, '--output', folder.join('unreg-{date}.ndjson')]);
    dates.add(utcDate());
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.equal(run.stdout, '');
    const [file, ...others] = await readdir(folder.path);
    assert.deepEqual(others, []);
    assert.ok(
      [...dates].some((date) => file === `unreg-${date}.ndjson`),
      file,
    );
    const text = await readFile(folder.join(file ?? ''), 'utf8');
    assert.equal(text.trim().split('\n').length, 1);
    assert.equal(JSON.parse(text).alarms[0].reasonCode, 10);
  });
});
