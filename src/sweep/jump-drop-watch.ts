import { PhoneReadError } from '../failure/phone-read-error.js';
import { hopLabel } from '../inventory/jump-route.js';
import type { JumpHop, PhoneTarget } from '../inventory/phone-target.js';
import type { ConnectOptions } from '../ssh/ssh-connection.js';

/**
 * Watches one attempt at a phone behind jump hosts. A session that lost its
 * connection (`hang-up`) while the jump host's connection dropped was cut
 * by that drop, not by the phone: `jump-dropped`, the phone's
 * `disconnected`. Taken as the phone hanging up, it would count as a
 * refused password once one was out, and trip the credential breaker.
 */
export function jumpDropWatch(target: PhoneTarget, options: ConnectOptions): (error: PhoneReadError) => PhoneReadError {
  const route = target.jump;
  const drops = options.jumpDrops;
  if (route === undefined || drops === undefined) return (error) => error;
  const before = drops(route);
  return (error) => {
    if (error.observed.type !== 'hang-up' || drops(route) === before) return error;
    const jumpHost = hopLabel(route.hops[route.hops.length - 1] as JumpHop);
    return new PhoneReadError({ type: 'jump-dropped', jumpHost }, error.phase, error.partialOutput);
  };
}
