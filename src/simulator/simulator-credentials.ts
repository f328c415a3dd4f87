/** The logins every phone of a simulated fleet expects (failure phones excepted). */
export interface SimulatorCredentials {
  readonly username: string;
  readonly password: string;
  readonly debugUsername: string;
  readonly debugPassword: string;
}

/** A fake's fixed defaults: the debug login of 7800/8800 phones, and an SSH password. */
export const DEFAULT_CREDENTIALS: SimulatorCredentials = {
  username: 'sshadmin',
  password: 'simulated-ssh-password',
  debugUsername: 'debug',
  debugPassword: 'debug',
};

/** The debug login of 6900 series phones (a fleet's own debug password does not apply). */
export const CP6900_DEBUG_LOGIN = { debugUsername: 'admin', debugPassword: '' } as const;

/**
 * Passwords come from the environment, as they do for `unreg sweep`, so the
 * same shell variables serve both; never from the command line.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): SimulatorCredentials {
  return {
    ...DEFAULT_CREDENTIALS,
    password: env.UNREG_SSH_PASSWORD ?? DEFAULT_CREDENTIALS.password,
    debugPassword: env.UNREG_DEBUG_PASSWORD ?? DEFAULT_CREDENTIALS.debugPassword,
  };
}
