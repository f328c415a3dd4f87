/**
 * A shell-style glob as an anchored, case-insensitive RegExp (DNS names
 * ignore case): `*` any run of characters, `?` one character, `[abc]`,
 * `[a-z]` and `[!abc]` one of (or none of) a set. A `[` without its `]` is
 * literal. Node 20 has no path.matchesGlob, and hosts have no `/` to treat
 * specially.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] ?? '';
    if (char === '*') pattern += '.*';
    else if (char === '?') pattern += '.';
    else if (char === '[') {
      const set = bracketSet(glob, index);
      if (set === null) pattern += '\\[';
      else {
        pattern += set.pattern;
        index = set.end;
      }
    } else pattern += escapeRegExp(char);
  }
  return new RegExp(`^${pattern}$`, 'i');
}

/** `[...]` starting at `start`: its RegExp class and the index of its `]`, or null if unclosed. */
function bracketSet(glob: string, start: number): { pattern: string; end: number } | null {
  let index = start + 1;
  const negated = glob[index] === '!' || glob[index] === '^';
  if (negated) index++;
  // A `]` first in the set is a member, as in the shell.
  const end = glob.indexOf(']', glob[index] === ']' ? index + 1 : index);
  if (end === -1) return null;
  const members = glob.slice(index, end).replace(/[\\\]^[]/g, '\\$&');
  return { pattern: `[${negated ? '^' : ''}${members}]`, end };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
