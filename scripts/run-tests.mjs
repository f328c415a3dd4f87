// Runs the compiled tests (dist/test/**/*.test.js) with node's own runner.
// Node 20 takes no glob, and given a folder it would also run the helpers.
// Two files at a time: the machines have two cores, and the SSH tests start
// servers of their own.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('dist/test', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.js'))
  .sort()
  .map((file) => `dist/test/${file}`);
const only = process.argv.slice(2);
const selected = only.length === 0 ? files : files.filter((file) => only.some((part) => file.includes(part)));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
