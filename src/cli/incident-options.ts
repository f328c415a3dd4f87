import type { Argv } from 'yargs';
import { DEFAULT_INCIDENT_SETTINGS, type IncidentSettings } from '../incidents/incident.js';
import { formatDuration, parseDuration } from '../syslog/window-duration.js';
import { lastValue, UsageError } from './command-line.js';

export interface IncidentArgs {
  incidentWindow: string;
  incidentMinPhones: number;
}

/** How incidents are found: shared by every command that makes a report, and by `unreg incidents`. */
export function withIncidentOptions<T>(yargs: Argv<T>): Argv<T & IncidentArgs> {
  return yargs
    .option('incident-window', {
      type: 'string',
      default: formatDuration(DEFAULT_INCIDENT_SETTINGS.windowMs),
      describe: 'Incidents: phones of one scope dropping within this time of each other (90s, 2m, 1h)',
    })
    .option('incident-min-phones', {
      type: 'number',
      default: DEFAULT_INCIDENT_SETTINGS.minPhones,
      describe: 'Incidents: the fewest phones of one scope a burst needs (raised on busy scopes)',
    })
    .coerce(['incident-window', 'incident-min-phones'], lastValue) as unknown as Argv<T & IncidentArgs>;
}

/** The settings the flags ask for; a bad value is a usage error naming the flag. */
export function incidentSettingsFrom(args: Partial<IncidentArgs>): IncidentSettings {
  const windowText = args.incidentWindow ?? formatDuration(DEFAULT_INCIDENT_SETTINGS.windowMs);
  const windowMs = parseDuration(String(windowText));
  if (windowMs === null || windowMs <= 0) {
    throw new UsageError(`--incident-window must be a duration such as 90s, 2m or 1h, not ${windowText}`);
  }
  const minPhones = args.incidentMinPhones ?? DEFAULT_INCIDENT_SETTINGS.minPhones;
  if (!Number.isInteger(minPhones) || minPhones < 2) {
    throw new UsageError(`--incident-min-phones must be a whole number, 2 or more, not ${minPhones}`);
  }
  return { windowMs, minPhones };
}
