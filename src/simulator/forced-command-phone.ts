import { parseArgs } from 'node:util';
import { planFleet } from './fleet-plan.js';
import { isFailureMode, type PhoneMode } from './phone-modes.js';
import { PhoneOutput } from './phone-output.js';
import { credentialsFromEnv } from './simulator-credentials.js';
import { runShellOnTerminal } from './terminal-phone.js';

/**
 * A simulated phone behind another SSH server: the program OpenSSH's sshd
 * runs for each session (`ForceCommand node forced-command-phone.js --seed
 * S --phones N`), so that clients can be tried against a second SSH
 * implementation, as real phones run. The phone is the one of `unreg
 * simulate --seed S --phones N` whose loopback address the client connected
 * to (the server address in SSH_CONNECTION): same device, same alarms. Its
 * debug login is `debug` with UNREG_DEBUG_PASSWORD (sshd's SetEnv), default
 * `debug`. `--mode` gives its shell a failure mode (those of the debug shell:
 * sshd does the SSH side), `--latency MS` the simulator's latency. Imports nothing outside the simulator's pure
 * parts, so a copy of the built files runs without node_modules.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      phones: { type: 'string', default: '1' },
      mode: { type: 'string', default: 'ok' },
      // As `unreg simulate --latency`: before the login: prompt and again before the output.
      latency: { type: 'string', default: '0' },
    },
  });
  const mode = values.mode ?? 'ok';
  if (mode !== 'ok' && !isFailureMode(mode)) {
    process.stdout.write(`no phone mode "${mode}"\n`);
    process.exit(1);
  }
  const address = (process.env.SSH_CONNECTION ?? '').split(' ')[2] ?? '';
  const plans = planFleet({ phones: Number(values.phones), seed: Number(values.seed), legacy: 0, failures: {} });
  const plan = plans.find((phone) => phone.host === address);
  if (plan === undefined) {
    process.stdout.write(`no simulated phone at "${address}" (SSH_CONNECTION)\n`);
    process.exit(1);
  }
  const { debugUsername, debugPassword } = credentialsFromEnv(process.env);
  const latencyMs = Number(values.latency);
  runShellOnTerminal(
    {
      mode: mode as PhoneMode,
      debugUsername,
      debugPassword,
      timings: { loginPromptMs: latencyMs, passwordPromptMs: 0, commandPromptMs: 0, outputMs: latencyMs },
      output: new PhoneOutput(plan.alarms),
    },
    { stdin: process.stdin, stdout: process.stdout, exit: (code) => process.exit(code) },
  );
}

main();
