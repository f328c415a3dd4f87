import { PhoneShell, type ShellIo, type ShellSettings } from './phone-shell.js';

/** The process's side of a terminal session: sshd's pty as stdin and stdout. */
export interface TerminalStreams {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Ends the process (the session ends with it). */
  readonly exit: (code: number) => void;
}

/**
 * Runs a phone's debug shell on the process's own stdin and stdout, as a
 * program that an SSH server starts for the session (OpenSSH's
 * ForceCommand) does. On a pty, raw mode: the shell echoes what it should
 * itself (not the password), and line ends reach it as typed (a CR before
 * the LF must make the password wrong, as on a phone). The shell writes the
 * CR LF a phone's pty makes of LF; here a real pty is in the way, which
 * turns LF into CR LF itself (onlcr, kept in raw mode), so LF is written.
 */
export function runShellOnTerminal(settings: ShellSettings, streams: TerminalStreams): PhoneShell {
  const { stdin, stdout, exit } = streams;
  const onPty = stdout.isTTY === true;
  const write = (data: string | Buffer) => {
    stdout.write(onPty ? lfOnly(data) : data);
  };
  const io: ShellIo = {
    write,
    exit: () => exit(0),
    // No socket to drop here: the rest of the bytes, then the session ends.
    drop: (data) => {
      write(data);
      exit(1);
    },
    served: () => {},
  };
  if (stdin.isTTY === true) stdin.setRawMode?.(true);
  const shell = new PhoneShell(io, settings);
  stdin.on('data', (data: Buffer | string) => shell.receive(Buffer.isBuffer(data) ? data : Buffer.from(data)));
  // The client went away: sshd closed the pty.
  const hangUp = () => {
    shell.close();
    exit(0);
  };
  stdin.once('end', hangUp);
  stdin.once('error', hangUp);
  shell.start();
  return shell;
}

// latin1 maps each byte to one char and back: UTF-8 text goes through intact.
function lfOnly(data: string | Buffer): string | Buffer {
  if (typeof data === 'string') return data.replaceAll('\r\n', '\n');
  return Buffer.from(data.toString('latin1').replaceAll('\r\n', '\n'), 'latin1');
}
