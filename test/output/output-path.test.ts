import assert from 'node:assert/strict';
import { it } from 'node:test';
import { expandOutputPath } from '../../src/output/output-path.js';

it('expands {date} and {time} in UTC, every occurrence', () => {
  // 23:59:58 on 31 Dec in UTC is already 1 Jan in Tokyo: the file name must not depend on TZ.
  const now = new Date('2024-12-31T23:59:58.999Z');
  assert.equal(expandOutputPath('reports/unreg-{date}.csv', now), 'reports/unreg-2024-12-31.csv');
  assert.equal(expandOutputPath('{date}/{time}-{date}.json', now), '2024-12-31/235958-2024-12-31.json');
  assert.equal(expandOutputPath('plain.csv', now), 'plain.csv');
  assert.equal(expandOutputPath('{Date}{times}', now), '{Date}{times}');
});
