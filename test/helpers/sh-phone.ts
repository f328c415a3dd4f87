import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planFleet } from '../../src/simulator/fleet-plan.js';
import { PhoneOutput } from '../../src/simulator/phone-output.js';

/**
 * A phone's debug shell in POSIX sh, for sshd's forced command where a
 * session must cost the server little (bench:sweep: about a millisecond of
 * CPU and 1 MB a session, against ~50 ms and ~40 MB for a node process
 * running the simulator's shell). A healthy phone only: `login:`, then
 * `Password:` (not echoed), `DEBUG>`, `show unreg` printing the phone's
 * output (a file per address, written by writeShPhone), `exit`; the latency
 * before `login:` and before the output by `sleep`. The pty echoes nothing
 * (`stty -echo`, one process): the script echoes what a phone would, as the
 * simulator's shell does in raw mode. sshd's pty turns each LF into CR LF.
 */
const SCRIPT = String.raw`#!/bin/sh
# Usage: phone.sh OUTPUTS_FOLDER LATENCY_SECONDS (sshd's forced command; UNREG_DEBUG_PASSWORD by SetEnv)
set -u
outputs=$1
latency=$2
set -- $SSH_CONNECTION
output="$outputs/$3"
stty -echo 2>/dev/null
[ "$latency" = 0 ] || sleep "$latency"
printf 'login: '
IFS= read -r user || exit 0
printf '%s\nPassword: ' "$user"
IFS= read -r password || exit 0
if [ "$user" != debug ] || [ "$password" != "$UNREG_DEBUG_PASSWORD" ]; then
  printf '\nLogin incorrect\n'
  exit 1
fi
printf '\nDEBUG> '
while IFS= read -r line; do
  printf '%s\n' "$line"
  case $line in
    'show unreg')
      [ "$latency" = 0 ] || sleep "$latency"
      cat "$output"
      printf 'DEBUG> ' ;;
    exit | quit | logout) exit 0 ;;
    '') printf 'DEBUG> ' ;;
    *) printf 'Unknown command: %s\nDEBUG> ' "$line" ;;
  esac
done
`;

/**
 * Writes the script and the `show unreg` output of each phone of `indices`
 * (those of `unreg simulate --seed --phones fleetSize`: same devices, same
 * alarms) under `folder`, and gives the forced command that runs it, as argv.
 */
export async function writeShPhone(
  folder: string,
  options: { seed: number; fleetSize: number; indices: readonly number[]; latencyMs: number },
): Promise<string[]> {
  const outputs = join(folder, 'outputs');
  await mkdir(outputs, { mode: 0o755 });
  const plans = planFleet({ phones: options.fleetSize, seed: options.seed, legacy: 0, failures: {} });
  await Promise.all(
    options.indices.map((index) => {
      const plan = plans[index];
      if (plan === undefined) throw new Error(`no phone ${index} in a fleet of ${options.fleetSize}`);
      // LF only: the pty makes the CR LF.
      const text = new PhoneOutput(plan.alarms).showUnreg().toString('utf8').replaceAll('\r\n', '\n');
      return writeFile(join(outputs, plan.host), text, { mode: 0o644 });
    }),
  );
  const script = join(folder, 'phone.sh');
  await writeFile(script, SCRIPT, { mode: 0o755 });
  return ['/bin/sh', script, outputs, String(options.latencyMs / 1000)];
}
