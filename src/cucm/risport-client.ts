// RisPort70 selectCmDeviceExt for a list of names: in batches, paced, backing
// off when the cluster's shared allowance is used up, and never losing the
// devices of an answer cut at CUCM's ceiling.
import { readCucmAnswer, unexpected } from './cucm-answer.js';
import { CucmError } from './cucm-error.js';
import type { SoapClient } from './cucm-https.js';
import { type Clock, EvenPacer, realClock } from './even-pacer.js';
import { type DeviceState, mergeEntries, readSelectCmDevice } from './risport-answers.js';
import { RISPORT_MAX_NAMES, RISPORT_PATH, selectCmDeviceExtRequest } from './soap-requests.js';

export interface RisportOptions {
  /** Requests a minute at most (--risport-rate). */
  readonly perMinute: number;
  /** The length of a minute: 60,000 ms but in tests. */
  readonly minuteMs: number;
  readonly username: string;
  readonly note: (line: string) => void;
  readonly clock?: Clock;
}

export interface RisportResult {
  /** By device name in upper case. */
  readonly states: Map<string, DeviceState>;
  readonly requests: number;
  /** Answers refused for the rate (Server.RateControl). */
  readonly rateRefusals: number;
}

/** Back-off after a refusal for the rate: half a minute, then doubled, this many times at most in a row. */
const RATE_RETRIES = 4;

export async function selectDevices(
  client: SoapClient,
  names: readonly string[],
  options: RisportOptions,
): Promise<RisportResult> {
  const clock = options.clock ?? realClock;
  const pacer = new EvenPacer(options.perMinute, options.minuteMs, clock);
  const states = new Map<string, DeviceState>();
  let batchSize = RISPORT_MAX_NAMES;
  let requests = 0;
  let rateRefusals = 0;
  let refusedInARow = 0;
  for (let at = 0; at < names.length; ) {
    const batch = names.slice(at, at + batchSize);
    await pacer.next();
    const answer = await client.post(RISPORT_PATH, selectCmDeviceExtRequest(batch));
    requests++;
    const read = readCucmAnswer('RisPort70', options.username, answer);
    if (read.kind === 'fault' && /RateControl|exceeded allowed rate/i.test(`${read.code} ${read.message}`)) {
      rateRefusals++;
      refusedInARow++;
      if (refusedInARow > RATE_RETRIES) {
        throw new CucmError(
          `RisPort70: CUCM still refuses for its rate limit after ${RATE_RETRIES} waits: other clients of the cluster (RTMT, monitoring, scripts) use its allowance; run again later (${read.message})`,
        );
      }
      const waitMs = (options.minuteMs / 2) * 2 ** (refusedInARow - 1);
      options.note(
        `RisPort70: CUCM refused for its rate limit although unreg keeps to ${options.perMinute} a minute: another client of the cluster uses the shared allowance; waiting ${seconds(waitMs)} (${refusedInARow} of ${RATE_RETRIES})`,
      );
      await clock.sleep(waitMs);
      continue;
    }
    const result = read.kind === 'body' ? readSelectCmDevice(read.body) : null;
    if (result === null) throw new CucmError(unexpected('RisPort70 selectCmDeviceExt', answer, read));
    refusedInARow = 0;
    if (result.entries.length < result.totalDevicesFound) {
      if (batch.length === 1) {
        throw new CucmError(
          `RisPort70: CUCM found ${result.totalDevicesFound} entries for ${batch[0]} but returned ${result.entries.length}`,
        );
      }
      batchSize = Math.ceil(batch.length / 2);
      options.note(
        `RisPort70: CUCM cut an answer at ${result.entries.length} of ${result.totalDevicesFound} entries: asking ${batchSize} names at a time`,
      );
      continue;
    }
    mergeEntries(states, result.entries);
    at += batch.length;
  }
  return { states, requests, rateRefusals };
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`;
}
