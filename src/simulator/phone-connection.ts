import type { Socket } from 'node:net';
import type { AuthContext, Connection, ServerChannel, Session } from 'ssh2';
import { PhoneShell, type ShellIo, type ShellSettings } from './phone-shell.js';
import type { SessionStats } from './session-stats.js';

/** How one phone answers its connections, fixed for the phone. */
export interface PhoneBehaviour {
  readonly index: number;
  readonly username: string;
  /** The SSH password this phone expects. */
  readonly password: string;
  /** Before accepting or refusing a password. */
  readonly authDelayMs: number;
  readonly shell: ShellSettings;
  readonly stats: SessionStats;
}

const AUTH_METHODS: ['password', 'keyboard-interactive'] = ['password', 'keyboard-interactive'];
// Like OpenSSH's MaxAuthTries (6) but lower, as embedded servers are: the
// connection ends after this many wrong passwords.
const MAX_AUTH_FAILURES = 3;

/**
 * One SSH connection to a phone, from the client's identification to its
 * end: password or keyboard-interactive authentication, a session with a
 * pty, and the phone's debug shell. Counted in the fleet's session stats;
 * its timers end with it.
 */
export function servePhoneConnection(client: Connection, socket: Socket | undefined, phone: PhoneBehaviour): void {
  const endCount = phone.stats.opened(phone.index);
  const timers = new Set<NodeJS.Timeout>();
  let shell: PhoneShell | null = null;
  const finish = () => {
    endCount();
    for (const timer of timers) clearTimeout(timer);
    shell?.close();
  };
  const later = (ms: number, step: () => void) => {
    if (ms <= 0) return step();
    const timer = setTimeout(() => {
      timers.delete(timer);
      step();
    }, ms);
    timers.add(timer);
  };
  client.on('error', () => {});
  client.once('end', finish);
  client.once('close', finish);
  socket?.once('end', finish);
  let authFailures = 0;
  client.on('authentication', (context) => {
    // Attempts already on their way when the phone hung up are not tried.
    if (authFailures >= MAX_AUTH_FAILURES) return;
    authenticate(context, phone, later, () => {
      authFailures += 1;
      if (authFailures >= MAX_AUTH_FAILURES) client.end();
    });
  });
  client.on('session', (accept) => {
    const session = accept();
    acceptPty(session);
    session.once('shell', (acceptShell) => {
      shell = startShell(acceptShell(), phone, { client, socket, finish });
    });
  });
}

function authenticate(
  context: AuthContext,
  phone: PhoneBehaviour,
  later: (ms: number, step: () => void) => void,
  failed: () => void,
): void {
  const decide = (password: string) => {
    // Hung in its login: the password is taken and never answered.
    if (phone.shell.mode === 'silent-after-ssh-password') return phone.stats.passwordHeld();
    later(phone.authDelayMs, () => {
      if (context.username === phone.username && password === phone.password) {
        context.accept();
      } else {
        phone.stats.authFailed();
        context.reject(AUTH_METHODS);
        failed();
      }
    });
  };
  if (context.method === 'password') decide(context.password);
  else if (context.method === 'keyboard-interactive') {
    context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => decide(answers[0] ?? ''));
  } else context.reject(AUTH_METHODS);
}

function acceptPty(session: Session): void {
  session.on('pty', (accept) => accept?.());
  session.on('window-change', (accept) => accept?.());
  session.on('env', (accept) => accept?.());
  // The debug shell is all a phone offers.
  session.on('exec', (_accept, reject) => reject?.());
  session.on('subsystem', (_accept, reject) => reject?.());
}

interface Link {
  readonly client: Connection;
  readonly socket: Socket | undefined;
  readonly finish: () => void;
}

function startShell(channel: ServerChannel, phone: PhoneBehaviour, { client, socket, finish }: Link): PhoneShell {
  const io: ShellIo = {
    write: (data) => {
      channel.write(data);
    },
    exit: () => {
      finish();
      channel.exit(0);
      channel.end();
      client.end();
    },
    // A crash, not a goodbye: the rest of the bytes, then TCP's FIN.
    drop: (data) => {
      channel.write(data, () => {
        finish();
        if (socket === undefined) client.end();
        else socket.end();
      });
    },
    served: () => phone.stats.served(),
  };
  const shell = new PhoneShell(io, phone.shell);
  channel.on('data', (data: Buffer) => shell.receive(data));
  channel.on('error', () => {});
  shell.start();
  return shell;
}
