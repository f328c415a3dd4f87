import type { ErrorKind } from '../../report/report-document.js';

export interface ErrorAdvice {
  /** What happened, in a few words. */
  readonly happened: string;
  /** What to check, as docs/reading-phones.md ("What to do for each error.kind") says it. */
  readonly check: string;
}

// The table of docs/reading-phones.md, for the page's failed phones; a test
// keeps the two in step.
export const ERROR_ADVICE: Readonly<Record<ErrorKind, ErrorAdvice>> = {
  dns: { happened: 'the host name does not resolve', check: 'the name in the inventory, DNS' },
  refused: {
    happened: 'TCP connection refused',
    check:
      'SSH Access enabled on the phone (Product Specific Configuration in CUCM), the phone re-read its config (reset), an ACL',
  },
  unreachable: {
    happened: 'no route to the phone',
    check: 'the address, VLAN routing, firewalls; is the phone on at all?',
  },
  timeout: {
    happened: 'a phase did not finish in time (the message names it)',
    check:
      'a connect timeout: path or firewall dropping SSH; a login or command timeout: a busy or stuck phone (raise `--login-timeout`), a reboot in progress; "after the ... password was sent" (not retried): a phone that hung at its login, try it again by hand before suspecting the password',
  },
  'ssh-negotiation': {
    happened: 'no common SSH algorithm (the message lists what the phone offered)',
    check: '`--no-legacy-algorithms` given for an old phone; firmware too old or too new',
  },
  'ssh-auth': {
    happened: 'the phone refused the SSH user and password',
    check:
      "the SSH user and password in the phone's (or its profile's) Product Specific Configuration in CUCM; the phone took the new config (reset)",
  },
  'shell-login': {
    happened: 'the debug shell refused its own login',
    check:
      'the debug user and password: `debug`/`debug` on 7800/8800 (the default), `admin` with an empty password on 6900 (a group with `debug_username: admin` and `debug_password: ""`); the prompt patterns',
  },
  hostkey: {
    happened: 'the key is unknown (`strict`) or changed',
    check: 'why it changed (re-image, RMA, another device on that address); then `unreg forget-host`',
  },
  disconnected: {
    happened: 'the phone closed the session midway (alarms read before that are kept)',
    check: 'phone reboot or crash, an idle-session limit, flaky link; it is retried',
  },
  unsupported: {
    happened: 'the firmware has no `show unreg`',
    check: "upgrade the firmware, or read CUCM's side with `unreg syslog`",
  },
  parse: {
    happened: 'the output held no `show unreg` sections or alarms',
    check:
      'a different shell or prompt (set the prompt patterns), a firmware with another format: keep the raw output with `unreg parse` and report it',
  },
  aborted: { happened: 'the run was interrupted before this phone finished', check: 'run again' },
  skipped: {
    happened: 'not tried: enough phones refused the same user and password, none accepted it',
    check:
      'the password in the inventory or its variable or file; then run again (or raise `--auth-failure-limit` if only some phones have another password)',
  },
  jump: {
    happened:
      'the jump host in front of the phone failed (unreachable, refused the login, changed key, its connection dropped twice)',
    check:
      "the jump host named in the message: its address, user and credentials (`jump_identity_file`, the jump password, the agent's keys: `ssh-add -l`), its key in known_hosts (`unreg forget-host HOST:PORT` after a re-install)",
  },
};
