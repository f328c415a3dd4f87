import { spawnSync } from 'node:child_process';

/**
 * The local account the OpenSSH tests log into. sshd authenticates only
 * real accounts, so the tests create it when missing (`useradd`) and set its
 * password (`chpasswd`) on every run: they need root, as npm test has on the
 * project's machines and in CI. The account stays between runs (parallel
 * runs share it); it has no home of its own and `/bin/sh` as its shell
 * (sshd runs the forced command through it). Its password is in this file:
 * on a machine whose own sshd accepts passwords, remove the account after
 * testing (`userdel unreg-sshd-test`).
 */
export const SSHD_TEST_USER = {
  username: 'unreg-sshd-test',
  password: 'unreg-sshd-test-password',
};

// useradd: 9 means the account already exists (a parallel run made it).
const USERADD_EXISTS = 9;

export function ensureSshdTestUser(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the OpenSSH tests need root: they create the account ${SSHD_TEST_USER.username} and run sshd (run npm test as root)`,
    );
  }
  const { username, password } = SSHD_TEST_USER;
  if (spawnSync('id', ['-u', username]).status !== 0) {
    const comment = 'unreg tests, phones served by OpenSSH sshd';
    const made = spawnSync(
      '/usr/sbin/useradd',
      ['--system', '--no-create-home', '--home-dir', '/', '--shell', '/bin/sh', '--comment', comment, username],
      { encoding: 'utf8' },
    );
    if (made.status !== 0 && made.status !== USERADD_EXISTS) throw new Error(`useradd ${username}: ${made.stderr}`);
  }
  // Waits for the shadow lock itself when a parallel run holds it. SHA-512
  // crypt, not Debian's default yescrypt: yescrypt costs sshd ~100 ms of CPU
  // a login (by design), SHA-512 ~4 ms, and a sweep of 1,000 phones on
  // sshd (bench:sweep) would otherwise measure mostly the password hash.
  const set = spawnSync('/usr/sbin/chpasswd', ['--crypt-method', 'SHA512'], {
    input: `${username}:${password}\n`,
    encoding: 'utf8',
  });
  if (set.status !== 0) throw new Error(`chpasswd for ${username}: ${set.stderr}`);
}
