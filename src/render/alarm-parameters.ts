import { describeAlarmEnum } from '../catalogue/alarm-enums.js';
import type { ReportAlarm } from '../report/report-document.js';
import { terminalSafe } from './terminal-text.js';

/**
 * An alarm's parameters as a person reads them to a user on the phone:
 * `Name=value`, in the order the phone sent them, status enums decoded
 * (DHCPv4Status=good), every other value as sent. Left out: empty values,
 * and what the detail row already shows (device name, and time and reason
 * code when they were decoded; an undecodable one stays, raw).
 */
export function alarmParameterPairs(alarm: ReportAlarm): string[] {
  return alarmParameters(alarm).map(([name, value]) => terminalSafe(`${name}=${value}`));
}

/** The same parameters as [name, value] pairs, not made terminal-safe (the HTML page escapes them its own way). */
export function alarmParameters(alarm: ReportAlarm): [name: string, value: string][] {
  const shown = new Set(['DeviceName']);
  if (alarm.timestamp !== null) shown.add('TimeStamp');
  if (alarm.reasonCode !== null) shown.add('ReasonForOutOfService');
  return Object.entries(alarm.params)
    .filter(([name, value]) => !shown.has(name) && value.trim() !== '')
    .map(([name, value]) => [name, describeAlarmEnum(name, value)]);
}

/**
 * Pairs packed into lines of at most `width` characters, two spaces apart;
 * a pair never starts on one line and ends on the next unless it is longer
 * than a line on its own.
 */
export function packPairs(pairs: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const pair of pairs) {
    if (line !== '' && line.length + 2 + pair.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? pair : `${line}  ${pair}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
