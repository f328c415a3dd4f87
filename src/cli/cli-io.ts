import type { Readable, Writable } from 'node:stream';

/** The process's streams and environment, passed in so commands stay testable. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Set by the command that ran. */
  exitStatus: number;
}
