import type { ShellPrompts } from '../inventory/phone-target.js';
import { cleanTranscript } from '../transcript/clean-transcript.js';
import type { Matcher } from './shell-reader.js';

// Prompts are looked for in the last characters only, cleaned of escape
// sequences and CR, so that a long output is not scanned again per chunk.
const TAIL = 256;

export type ShellPromptName = keyof ShellPrompts;

/** Matches when the text ends with one of the shell's prompts; gives which. */
export function anyPrompt(prompts: ShellPrompts): Matcher<ShellPromptName> {
  const names = Object.keys(prompts) as ShellPromptName[];
  return (text) => {
    const tail = cleanTranscript(text.slice(-TAIL));
    const name = names.find((candidate) => prompts[candidate].test(tail));
    return name === undefined ? null : { value: name, end: text.length };
  };
}

// What a login says when it refuses the credentials (busybox, util-linux,
// and phone shells say `Login incorrect`).
const LOGIN_REFUSED = /^.*\b(?:login incorrect|access denied)\b.*$/im;

/** The line in which a login says it refused the credentials, if it did. */
export function statedRefusal(text: string): string | null {
  const line = LOGIN_REFUSED.exec(cleanTranscript(text))?.[0].trim();
  return line === undefined ? null : line.slice(0, 200);
}

const END_OF_OUTPUT = '<EOT>';
const SECTION_HEADER = /Alarms\s+(?:not\s+yet\s+)?sent\s+out\s+to\s+UCM/i;

/**
 * The end of `show unreg`: its `<EOT>` line, then the command prompt. A
 * phone without the command answers with an error and the prompt, no
 * `<EOT>`: the prompt alone ends the wait only while no section header has
 * been seen (so a prompt-like line inside the output cannot cut it short).
 */
export function endOfShowUnreg(prompt: RegExp): Matcher<'done'> {
  return (text) => {
    const tail = cleanTranscript(text.slice(-TAIL));
    if (!prompt.test(tail)) return null;
    if (!text.includes(END_OF_OUTPUT) && SECTION_HEADER.test(text)) return null;
    return { value: 'done', end: text.length };
  };
}
