import type { ParsedAlarm } from '../parser/parsed-alarm.js';

const RULE = '-'.repeat(79);

/**
 * What a phone prints for `show unreg` (after the echoed command, up to and
 * including `<EOT>`), in the layout of the CP-8861 example of the seed
 * document: the "sent" section, then the "not yet sent" one, each alarm a
 * whole `<x-cisco-alarm>` document. Values are written as phones write them:
 * unescaped.
 */
export function formatShowUnreg(alarms: readonly ParsedAlarm[]): string {
  const lines = [RULE, '-----------------Alarms sent out to UCM--------------------------------', RULE];
  lines.push(...alarms.filter((alarm) => alarm.section === 'sent').flatMap(alarmLines));
  lines.push('-----------------Alarms not yet sent out to UCM--------------------------------', RULE);
  lines.push(...alarms.filter((alarm) => alarm.section === 'unsent').flatMap(alarmLines));
  lines.push(RULE, '', '<EOT>', '');
  return lines.join('\n');
}

function alarmLines(alarm: ParsedAlarm): string[] {
  const parameters = Object.entries(alarm.params).map(([name, value]) => {
    const tag = ENUM_PARAMETERS.has(name) ? 'Enum' : 'String';
    return `<${tag} name="${name}">${value}</${tag}>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<x-cisco-alarm>',
    `<Alarm Name="${alarm.name}">`,
    '<ParameterList>',
    ...parameters,
    '</ParameterList>',
    '</Alarm>',
    '</x-cisco-alarm>',
    '',
  ];
}

// The parameters the seed example sends as <Enum>; all others are <String>.
const ENUM_PARAMETERS = new Set([
  'DHCPv4Status',
  'DHCPv6Status',
  'TFTPCfgStatus',
  'DNSStatusUnifiedCM1',
  'DNSStatusUnifiedCM2',
  'DNSStatusUnifiedCM3',
  'DNSv6StatusUnifiedCM1',
  'DNSv6StatusUnifiedCM2',
  'DNSv6StatusUnifiedCM3',
  'ReasonForOutOfService',
]);
