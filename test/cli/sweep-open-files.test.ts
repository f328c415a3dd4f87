import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { type CliRun, runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

// prlimit (util-linux) starts the CLI with a hard limit of 256 open files.
const LIMITED = ['prlimit', '--nofile=256:256', '--'];

/** An inventory of `count` phones on loopback addresses where nothing listens (port 1). */
function inventoryOf(count: number): string {
  const phones = Array.from(
    { length: count },
    (_, i) => `  - { host: 127.0.2.${1 + (i % 250)}, port: ${1 + Math.floor(i / 250)} }`,
  );
  return ['defaults:', '  username: admin', '  password_env: PHONE_PASSWORD', 'phones:', ...phones, ''].join('\n');
}

describe('unreg sweep when --concurrency needs more open files than the process may have', () => {
  const folder = withTempDir('unreg-open-files-');
  const env = { PHONE_PASSWORD: 'not-used' };
  let tooMany: CliRun;
  let fewPhones: CliRun;

  before(async () => {
    await writeFile(folder.join('many.yaml'), inventoryOf(300));
    await writeFile(folder.join('few.yaml'), inventoryOf(3));
    const sweep = (inventory: string) => ['sweep', folder.join(inventory), '--concurrency', '300', '-q', '-f', 'json'];
    tooMany = await runCli(sweep('many.yaml'), { env, wrapper: LIMITED });
    fewPhones = await runCli([...sweep('few.yaml'), '--retries', '0'], { env, wrapper: LIMITED });
  });

  it('stops before any session with one line naming the files needed, the limit and the ways out', () => {
    assert.equal(tooMany.status, 2, tooMany.stderr);
    assert.equal(tooMany.stdout, '');
    assert.equal(
      tooMany.stderr,
      'unreg: 300 sessions at once (--concurrency) need about 364 open files, but this process may open 256: ' +
        'raise the hard limit (ulimit -Hn) or lower --concurrency\n',
    );
  });

  it('counts only the sessions there can be: three phones at --concurrency 300 are read (here: refused)', () => {
    assert.equal(fewPhones.status, 1, fewPhones.stderr);
    assert.doesNotMatch(fewPhones.stderr, /open files/);
    const phones = JSON.parse(fewPhones.stdout).phones as { error: { kind: string } | null }[];
    assert.deepEqual(
      phones.map((phone) => phone.error?.kind),
      ['refused', 'refused', 'refused'],
    );
  });
});
