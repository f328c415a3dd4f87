// Makes sure the system tools the tests run are on this machine, before
// npm test builds anything:
//   /usr/sbin/sshd, ssh-keygen  OpenSSH serving phones (test/ssh/openssh-sshd.test.ts)
//   useradd, chpasswd           the account that test logs into
//   script                      util-linux's pty wrapper (tests of terminal output)
//   unshare                     a sweep with no network (test/cli/network-errors.test.ts)
//   /usr/bin/chromium           the HTML report in a real browser (test/render/html/), driven by playwright-core
// When all are there it only looks at a few files: no apt call. When some
// are missing it installs their Debian packages with apt-get if running as
// root (CI and the project's machines are root), and otherwise fails with
// one line saying what to install.
// `--install`: apt-get update and install even when all are present (.ci/run,
// so that the install step is tried on every CI run, not only on new machines).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const TOOLS = [
  { tool: '/usr/sbin/sshd', debianPackage: 'openssh-server' },
  { tool: 'ssh-keygen', debianPackage: 'openssh-client' },
  { tool: 'useradd', debianPackage: 'passwd' },
  { tool: 'chpasswd', debianPackage: 'passwd' },
  // Debian ships util-linux's `script` in bsdutils.
  { tool: 'script', debianPackage: 'bsdutils' },
  { tool: 'unshare', debianPackage: 'util-linux' },
  { tool: '/usr/bin/chromium', debianPackage: 'chromium' },
];
// Where a tool may be besides PATH: a user's PATH often lacks the sbin folders.
const SEARCH = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
// Debian's hook that tells package scripts not to start services: without
// it, installing openssh-server where no init system runs (a container)
// would start the system's sshd on port 22.
const POLICY_RC = '/usr/sbin/policy-rc.d';

function found(tool) {
  const candidates = tool.startsWith('/') ? [tool] : SEARCH.filter(Boolean).map((folder) => join(folder, tool));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(
      `ensure-test-tools: apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`,
    );
    process.exit(1);
  }
}

function install(packages) {
  console.error(`ensure-test-tools: installing ${packages.join(' ')} with apt-get`);
  const ownPolicy = !existsSync(POLICY_RC);
  if (ownPolicy)
    writeFileSync(POLICY_RC, '#!/bin/sh\n# Written by unreg ensure-test-tools for one install.\nexit 101\n', {
      mode: 0o755,
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } finally {
    if (ownPolicy) unlinkSync(POLICY_RC);
  }
}

const always = process.argv.includes('--install');
const missing = TOOLS.filter(({ tool }) => !found(tool));
const packages = [...new Set((always ? TOOLS : missing).map(({ debianPackage }) => debianPackage))];
if (packages.length === 0) process.exit(0);

const root = process.getuid?.() === 0;
if (!root || !found('apt-get')) {
  if (missing.length === 0) {
    console.error('ensure-test-tools: --install needs root and apt-get');
    process.exit(1);
  }
  const names = missing.map(({ tool, debianPackage }) => `${tool} (${debianPackage})`).join(', ');
  console.error(
    `npm test needs ${names}: apt-get install ${packages.join(' ')} (as root), or run npm test as root on Debian`,
  );
  process.exit(1);
}
install(packages);
const still = TOOLS.filter(({ tool }) => !found(tool)).map(({ tool }) => tool);
if (still.length > 0) {
  console.error(`ensure-test-tools: still missing after apt-get install: ${still.join(', ')}`);
  process.exit(1);
}
