import type { SessionPhase } from '../failure/error-kind.js';
import { PhoneReadError } from '../failure/phone-read-error.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import type { PhoneEntry } from '../report/report-document.js';

/** How a phone's session went for each of its two logins: what the breaker learns from it. */
type LoginOutcome = 'accepted' | 'refused' | 'unknown';

interface CredentialState {
  refusals: number;
  accepted: boolean;
}

// Phases reached only once the SSH login was accepted, and the one reached
// only once the debug shell's was too.
const PAST_SSH_LOGIN: ReadonlySet<SessionPhase> = new Set(['debug shell login', 'debug password sent', 'show unreg']);

/**
 * Stops a wrong password before it reaches the whole fleet: once `limit`
 * phones refused the same user and password and none accepted them, the
 * phones not yet tried with them are not tried (kind `skipped`). A phone that
 * accepts them turns the breaker off for them. The SSH login and the debug
 * shell's login are counted apart. Credentials are keyed by user and the
 * password's salted digest, so no password is kept here in readable form.
 */
export class CredentialBreaker {
  readonly #states = new Map<string, CredentialState>();

  constructor(private readonly limit: number) {}

  /** Why this phone must not be tried, or null to go ahead. */
  refusal(target: PhoneTarget): PhoneReadError | null {
    if (this.limit === 0) return null;
    for (const login of ['ssh', 'debug'] as const) {
      const state = this.#states.get(this.key(target, login));
      if (state !== undefined && !state.accepted && state.refusals >= this.limit) {
        const username = login === 'ssh' ? target.username : target.debugUsername;
        return new PhoneReadError({ type: 'credentials-tripped', login, username, refusals: state.refusals });
      }
    }
    return null;
  }

  /** Learns from a phone's finished entry (its last attempt's phase, when it failed). */
  record(target: PhoneTarget, entry: PhoneEntry, failedPhase: SessionPhase | null): void {
    if (this.limit === 0) return;
    const kind = entry.error?.kind ?? null;
    this.learn(target, 'ssh', sshOutcome(kind, failedPhase));
    this.learn(target, 'debug', debugOutcome(kind, failedPhase));
  }

  private learn(target: PhoneTarget, login: 'ssh' | 'debug', outcome: LoginOutcome): void {
    if (outcome === 'unknown') return;
    const key = this.key(target, login);
    const state = this.#states.get(key) ?? { refusals: 0, accepted: false };
    if (outcome === 'accepted') state.accepted = true;
    else state.refusals += 1;
    this.#states.set(key, state);
  }

  private key(target: PhoneTarget, login: 'ssh' | 'debug'): string {
    const [user, secret] =
      login === 'ssh' ? [target.username, target.password] : [target.debugUsername, target.debugPassword];
    return JSON.stringify([login, user, secret.digest()]);
  }
}

function sshOutcome(kind: string | null, phase: SessionPhase | null): LoginOutcome {
  if (kind === null) return 'accepted';
  if (kind === 'ssh-auth') return 'refused';
  return phase !== null && PAST_SSH_LOGIN.has(phase) ? 'accepted' : 'unknown';
}

function debugOutcome(kind: string | null, phase: SessionPhase | null): LoginOutcome {
  if (kind === null) return 'accepted';
  if (kind === 'shell-login') return 'refused';
  return phase === 'show unreg' ? 'accepted' : 'unknown';
}
