import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

it('unreg reasons takes the last --format given twice (before, an array of formats printed a table)', async () => {
  const listing = await runCli(['reasons', '-f', 'csv', '-f', 'json']);
  assert.equal(listing.status, 0, listing.stderr);
  const reasons = JSON.parse(listing.stdout) as { code: number }[];
  assert.ok(reasons.some((reason) => reason.code === 16));

  const explained = await runCli(['reasons', '16', '--format', 'table', '--format', 'csv']);
  assert.equal(explained.status, 0, explained.stderr);
  assert.match(explained.stdout, /^code,name,aliases,category,meaning,check_next\r\n16,TCPdeviceLostIPAddress,/);
});
