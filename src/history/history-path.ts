import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The history file: `--history FILE`, else `UNREG_HISTORY`, else
 * `${XDG_DATA_HOME:-~/.local/share}/unreg/history.sqlite` (the XDG base
 * directory rule: data a program keeps for the user, not configuration).
 */
export function historyPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env.UNREG_HISTORY;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return defaultHistoryPath(env);
}

export function defaultHistoryPath(env: NodeJS.ProcessEnv): string {
  const dataHome = env.XDG_DATA_HOME;
  // The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = dataHome?.startsWith('/') ? dataHome : join(env.HOME ?? homedir(), '.local', 'share');
  return join(base, 'unreg', 'history.sqlite');
}
