// Run as a child process by simulated-fleet.test.ts: starts a fleet, holds
// sessions open on hung phones, closes the fleet and prints its stats. The
// process must then end on its own: anything left open would keep it alive.
import { startSimulatedFleet } from '../../src/simulator/simulated-fleet.js';
import { PhoneSession } from './phone-session.js';

const credentials = { username: 'sshadmin', password: 'p', debugUsername: 'debug', debugPassword: 'd' };
const fleet = await startSimulatedFleet({
  phones: 4,
  failures: { hang: 3 },
  loginLatencyMs: 60_000,
  credentials,
});
const hung = fleet.phones.filter((plan) => plan.mode === 'hang');
const sessions = await Promise.all(
  hung.map((plan) => PhoneSession.open({ host: plan.host, port: fleet.port, username: 'sshadmin', password: 'p' })),
);
await fleet.close();
await Promise.all(sessions.map((session) => session.closed));
process.stdout.write(`${JSON.stringify(fleet.stats())}\n`);
