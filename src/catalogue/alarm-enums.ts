/** Values of the status enums inside a LastOutOfServiceInformation alarm. */
const DHCP_STATUS: Readonly<Record<string, string>> = { '1': 'good', '2': 'timeout', '3': 'disabled' };
const DNS_STATUS: Readonly<Record<string, string>> = {
  '1': 'good',
  '2': 'timeout',
  '3': 'did not resolve',
  '4': 'not applicable (CUCM given as an address)',
};

const ENUM_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  DHCPv4Status: DHCP_STATUS,
  DHCPv6Status: DHCP_STATUS,
  DNSStatusUnifiedCM1: DNS_STATUS,
  DNSStatusUnifiedCM2: DNS_STATUS,
  DNSStatusUnifiedCM3: DNS_STATUS,
};

/**
 * The meaning of an enum parameter's value, or the value itself when the
 * parameter or value is not one we know (shown raw rather than guessed).
 */
export function describeAlarmEnum(parameter: string, value: string): string {
  return ENUM_TABLES[parameter]?.[value.trim()] ?? value;
}
