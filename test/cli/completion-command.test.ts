import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_PATH } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('unreg completion (built CLI, the script run by a real bash)', () => {
  let folder = '';
  let script = '';
  before(async () => {
    // The script calls `unreg` by name at each Tab: put the built CLI on a PATH of its own.
    folder = await mkdtemp(join(tmpdir(), 'unreg-completion-'));
    await symlink(CLI_PATH, join(folder, 'unreg'));
    const run = await runCli(['completion'], { env: { SHELL: '/bin/bash' } });
    assert.equal(run.status, 0, run.stderr);
    script = join(folder, 'unreg-completion.bash');
    await writeFile(script, run.stdout);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  /** What bash offers at Tab after `words` (the last one being typed), from the script installed. */
  function tab(...words: string[]): string[] {
    const line = words.map((word) => `'${word}'`).join(' ');
    const bash = spawnSync(
      'bash',
      [
        '-c',
        `source "$1"; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _unreg_yargs_completions; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        script,
      ],
      { env: { PATH: `${folder}:${process.env.PATH}`, HOME: folder, SHELL: '/bin/bash' }, encoding: 'utf8' },
    );
    assert.equal(bash.status, 0, bash.stderr);
    return bash.stdout.split('\n').filter((word) => word !== '');
  }

  it('prints a bash script that registers itself for unreg, and a zsh one under zsh', async () => {
    assert.match(
      await readFile(script, 'utf8'),
      /^complete -o bashdefault -o default -F _unreg_yargs_completions unreg$/m,
    );
    const zsh = await runCli(['completion'], { env: { SHELL: '/usr/bin/zsh' } });
    assert.equal(zsh.status, 0, zsh.stderr);
    assert.match(zsh.stdout, /^\s*compdef _unreg_yargs_completions unreg$/m);
  });

  it('completes command names', () => {
    assert.deepEqual(tab('unreg', 'sw'), ['sweep']);
    assert.deepEqual(tab('unreg', 's').sort(), ['simulate', 'sweep', 'syslog']);
    assert.ok(tab('unreg', '').includes('completion'));
  });

  it("completes a command's flags, long names only after --", () => {
    assert.deepEqual(tab('unreg', 'sweep', '--det'), ['--detail']);
    assert.deepEqual(tab('unreg', 'syslog', '--wi'), ['--window']);
    const flags = tab('unreg', 'sweep', '--');
    assert.ok(flags.includes('--cucm-syslog') && flags.includes('--known-hosts'), flags.join(' '));
    assert.ok(!flags.includes('--o'), 'no one-letter alias written with two dashes');
  });

  it('completes the format names and other fixed values', () => {
    assert.deepEqual(tab('unreg', 'parse', 'saved.txt', '-f', ''), ['table', 'csv', 'json', 'ndjson', 'html']);
    assert.deepEqual(tab('unreg', 'syslog', 'CiscoSyslog', '-f', ''), ['table', 'csv', 'json', 'ndjson']);
    assert.deepEqual(tab('unreg', 'sweep', 'fleet.yaml', '--format', 'c'), ['csv']);
    assert.deepEqual(tab('unreg', 'sweep', 'fleet.yaml', '--host-key-check', ''), ['accept-new', 'strict', 'off']);
  });

  it('offers no flags where a file is expected, so bash completes file names (an inventory, transcripts)', () => {
    // The script registers with -o default (see above): an empty answer is bash's own file-name completion.
    assert.deepEqual(tab('unreg', 'sweep', ''), []);
    assert.deepEqual(tab('unreg', 'parse', 'inv'), []);
  });
});
