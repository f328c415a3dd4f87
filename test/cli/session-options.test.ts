import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

it('refuses a timeout node cannot hold (it would fire at once) with one line, before any connection', async () => {
  const run = await runCli(['check', '127.0.0.1', '-u', 'sshadmin', '--timeout', '3000000']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'unreg: --timeout must be a number of seconds above 0 and at most 2147483\n');
});
