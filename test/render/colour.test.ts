import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { colourFor, colourWanted } from '../../src/render/colour.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliOnTerminal } from '../helpers/run-cli-on-terminal.js';
import { withTempDir } from '../helpers/temp-dir.js';

const EXAMPLE = join(REPO_ROOT, 'examples/show-unreg-cp8861.txt');
// The only escape sequences the table may write: our own bold and red.
const OUR_STYLES = /\u001b\[(?:1|22|31|39)m/g;

describe('colourWanted', () => {
  it('wants colour only on a terminal, without NO_COLOR and not on a dumb one', () => {
    assert.equal(colourWanted({ isTTY: true }, {}), true);
    assert.equal(colourWanted({ isTTY: true }, { NO_COLOR: '' }), true);
    assert.equal(colourWanted({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(colourWanted({ isTTY: true }, { NO_COLOR: 'false' }), false);
    assert.equal(colourWanted({ isTTY: true }, { TERM: 'dumb' }), false);
    assert.equal(colourWanted({ isTTY: false }, {}), false);
    assert.equal(colourWanted({}, {}), false);
  });

  it('styles nothing when colour is off', () => {
    const { bold, red, dim } = colourFor(false);
    assert.equal(bold(red(dim('x'))), 'x');
    assert.equal(colourFor(true).red('x'), '\u001b[31mx\u001b[39m');
  });
});

describe('colour in the built CLI', () => {
  const folder = withTempDir('unreg-colour-');
  let evil = '';
  before(async () => {
    evil = folder.join('evil.txt');
    const example = await readFile(EXAMPLE, 'utf8');
    await writeFile(
      evil,
      example
        .replace('SEP2834A282656D', 'SEP\u001b]0;owned\u0007\u001b[5mBLINK\u009b2J')
        .replace('jtac-l2tun-01', 'sw\u202e10-nut-lt'),
    );
  });

  it('colours the table on a terminal, with nothing a phone sent among the escapes', async () => {
    const run = await runCliOnTerminal(['parse', evil, '--detail']);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /\u001b\[1mReasonForOutOfService\u001b\[22m/);
    assert.ok(!run.stdout.replace(OUR_STYLES, '').includes('\u001b'), JSON.stringify(run.stdout));
    assert.doesNotMatch(run.stdout, /owned|[\u0080-\u009f\u202e]/);
    assert.match(run.stdout, /SEPBLINK/);
  });

  it('writes no escape code on a terminal when NO_COLOR is set', async () => {
    const run = await runCliOnTerminal(['parse', EXAMPLE, '--detail'], { NO_COLOR: '1' });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /ReasonForOutOfService\n/);
    assert.ok(!run.stdout.includes('\u001b'), JSON.stringify(run.stdout));
  });

  it('writes no escape code to a pipe, even for the table', async () => {
    const run = await runCli(['parse', EXAMPLE, '--format', 'table', '--detail']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /ReasonForOutOfService\n/);
    assert.ok(!run.stdout.includes('\u001b'));
  });
});
