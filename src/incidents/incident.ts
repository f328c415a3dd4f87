import type { ScopeKind } from '../report/report-document.js';

/** The scopes phones can share, narrowest first. */
export const SCOPE_KINDS = [
  'switch',
  'subnet',
  'gateway',
  'vlan',
  'site',
  'cucm',
] as const satisfies readonly ScopeKind[];

export interface IncidentSettings {
  /** Phones of one scope dropping within this many ms of each other form a burst. */
  readonly windowMs: number;
  /** The fewest distinct phones a burst needs (raised on busy scopes: see dense-bursts.ts). */
  readonly minPhones: number;
}

/** Defaults that need no tuning: docs/report-formats.md says why. */
export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = { windowMs: 120_000, minPhones: 3 };
