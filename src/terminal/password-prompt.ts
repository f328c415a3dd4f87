import type { Readable, Writable } from 'node:stream';

type TtyInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Asks for a password on the terminal without echo. Gives null when there is
 * no terminal to ask on (cron, pipes): the caller then reports what is missing.
 */
export function promptPassword(question: string, input: TtyInput, output: Writable): Promise<string | null> {
  if (input.isTTY !== true || input.setRawMode === undefined) return Promise.resolve(null);
  const setRawMode = input.setRawMode.bind(input);
  // Echo off before the question shows: an answer typed the moment it
  // appears (or typed ahead) is never echoed.
  setRawMode(true);
  output.write(question);
  input.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = (answer: string | null) => {
      input.off('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(null); // Ctrl-C, Ctrl-D
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
