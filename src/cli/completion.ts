import type { Argv, FallbackCompletionFunction } from 'yargs';

/** The command that prints the completion script. */
export const COMPLETION_COMMAND = 'completion';
/** How the script asks for the words to offer: `unreg --get-yargs-completions unreg WORDS...` (yargs' own flag). */
export const COMPLETION_REQUEST = '--get-yargs-completions';

/**
 * `unreg completion` prints a bash completion script (zsh's when $SHELL is
 * zsh): yargs' own, which asks unreg itself at each Tab (`unreg
 * --get-yargs-completions ...`), so it always knows today's commands, flags
 * and format names. Where an argument is expected (an inventory, a saved
 * transcript, a syslog file), flags are held back: the script then leaves
 * it to the shell's own file-name completion.
 */
export function withCompletion(cli: Argv): Argv {
  return cli.completion(
    COMPLETION_COMMAND,
    'Print a bash/zsh completion script (add it to ~/.bashrc or ~/.zshrc; see docs/usage.md)',
    flagsOnlyAfterADash,
  );
}

const flagsOnlyAfterADash: FallbackCompletionFunction = (current, _argv, defaultCompletion, done) => {
  defaultCompletion((_error, completions) => {
    const offered = completions ?? [];
    if (!current.startsWith('-')) done(offered.filter((completion) => !completion.startsWith('-')));
    // After --, yargs offers the one-letter aliases as --c, --o: only the long names are flags there.
    else if (current.startsWith('--')) done(offered.filter((completion) => !/^--[^-:\t]([:\t]|$)/.test(completion)));
    else done(offered);
  });
};
