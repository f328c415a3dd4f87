import type { TranscriptFailure } from './parsed-alarm.js';

// What debug shells answer to a command they lack (old firmware), and
// what a busybox-style shell says (`sh: show: not found`).
const UNKNOWN_COMMAND =
  /unknown command|command not found|invalid command|unrecognized command|unsupported command|not supported|not recognized|bad command|no such command|invalid input|\bshow(?: unreg)?: not found/i;

/** Why text with neither a section header nor an alarm block holds no `show unreg` output. */
export function noOutputFailure(text: string): TranscriptFailure {
  const unknown = UNKNOWN_COMMAND.exec(text);
  if (unknown !== null) {
    return {
      kind: 'unsupported',
      message: `the phone does not know 'show unreg': "${lineAround(text, unknown.index)}"`,
    };
  }
  if (text.trim() === '') return { kind: 'parse', message: 'empty input: no show unreg output' };
  return { kind: 'parse', message: 'no show unreg output found (no section header and no <x-cisco-alarm> block)' };
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text
    .slice(start, end === -1 ? text.length : end)
    .trim()
    .slice(0, 200);
}
