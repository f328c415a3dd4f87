/** ANSI styling that is a no-op unless colour was asked for. */
export interface Colour {
  bold(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function colourFor(enabled: boolean): Colour {
  return enabled ? { bold: wrap(1, 22), red: wrap(31, 39), dim: wrap(2, 22) } : { bold: plain, red: plain, dim: plain };
}

/**
 * Colour only on a terminal, never when NO_COLOR is set to anything but the
 * empty string (no-color.org), and not on a terminal that says it has no
 * escape sequences (TERM=dumb, as in Emacs shells).
 */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}
