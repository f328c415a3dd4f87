import { classifyFailure } from '../failure/error-kind.js';
import type { TranscriptFailure } from './parsed-alarm.js';

// What debug shells answer to a command they lack (old firmware), and
// what a busybox-style shell says (`sh: show: not found`).
const UNKNOWN_COMMAND =
  /unknown command|command not found|invalid command|unrecognized command|unsupported command|not supported|not recognized|bad command|no such command|invalid input|\bshow(?: unreg)?: not found/i;

/** Why text with neither a section header nor an alarm block holds no `show unreg` output. */
export function noOutputFailure(text: string): TranscriptFailure {
  const unknown = UNKNOWN_COMMAND.exec(text);
  const cause =
    unknown === null
      ? ({ type: 'no-output', empty: text.trim() === '' } as const)
      : ({ type: 'unknown-command', line: lineAround(text, unknown.index) } as const);
  const { kind, message } = classifyFailure(cause);
  return { kind, message };
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text
    .slice(start, end === -1 ? text.length : end)
    .trim()
    .slice(0, 200);
}
