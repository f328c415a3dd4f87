/**
 * A debug-shell prompt pattern from the inventory or a flag, compiled to match
 * at the end of what the phone has sent so far (phones end prompts with a
 * space or nothing, a pty may add CR): `(?:PATTERN)\s*$`.
 * Returns the RegExp, or a one-line reason it cannot be used.
 */
export function compilePromptPattern(source: string): RegExp | string {
  // Users anchor out of habit; `DEBUG>$` would then miss `DEBUG> `.
  const body = source.endsWith('$') && !source.endsWith('\\$') ? source.slice(0, -1) : source;
  let pattern: RegExp;
  try {
    pattern = new RegExp(`(?:${body})\\s*$`);
  } catch (error) {
    // V8's message repeats the wrapped pattern; keep only the reason after it.
    const reason = (error as Error).message.split(': ').pop() ?? 'invalid';
    return `not a valid regular expression: ${reason}`;
  }
  // A pattern that matches nothing at all would "see" the prompt at once.
  if (pattern.test('')) return 'matches empty output: it must match the prompt itself, e.g. DEBUG>';
  return pattern;
}
