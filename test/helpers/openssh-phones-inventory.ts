import type { OpenSshPhones } from './openssh-phones.js';
import { SSHD_TEST_USER } from './sshd-test-user.js';

/** The environment that gives the phones of openSshPhonesInventory their passwords. */
export function openSshPhonesEnv(debugPassword: string): NodeJS.ProcessEnv {
  return { SSHD_PHONE_PASSWORD: SSHD_TEST_USER.password, SSHD_PHONE_DEBUG_PASSWORD: debugPassword };
}

/**
 * An inventory of every phone the sshds serve (SSHD_TEST_USER's login, the
 * passwords from the variables of openSshPhonesEnv), `defaults` lines added
 * to its `defaults:`.
 */
export function openSshPhonesInventory(servers: readonly OpenSshPhones[], defaults: readonly string[] = []): string {
  const phones = servers.flatMap((server) => server.hosts.map((host) => `  - { host: ${host}, port: ${server.port} }`));
  return [
    'defaults:',
    `  username: ${SSHD_TEST_USER.username}`,
    '  password_env: SSHD_PHONE_PASSWORD',
    '  debug_password_env: SSHD_PHONE_DEBUG_PASSWORD',
    ...defaults.map((line) => `  ${line}`),
    'phones:',
    ...phones,
    '',
  ].join('\n');
}
