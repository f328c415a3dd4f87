/** Where an out-of-service reason points an operator first. */
export const REASON_CATEGORIES = {
  network: 'network',
  'cucm-initiated': 'CUCM-initiated',
  'user-action': 'user or admin action',
  power: 'power',
  configuration: 'configuration/version',
  security: 'security',
  'client-application': 'client application',
} as const;

export type ReasonCategory = keyof typeof REASON_CATEGORIES;
