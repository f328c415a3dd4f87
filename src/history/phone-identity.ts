import type { PhoneEntry } from '../report/report-document.js';

/**
 * Who a phone is across runs: the device name its alarms give (SEP + MAC,
 * the name CUCM knows it by, kept when its address changes), else its host.
 */
export function phoneIdentity(entry: PhoneEntry): { identity: string; deviceName: string | null } {
  const deviceName = entry.alarms.find((alarm) => alarm.deviceName)?.deviceName ?? null;
  return { identity: deviceName ?? entry.host, deviceName };
}
