// The labels of the older `%CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered`
// text, as CUCM 4.x-7.x printed them (`Device name.:X Reason Code [Optional].:N`).
// Only known labels split the text: a value may contain spaces and words.
const LABELS = [
  'Device name',
  'Device MAC address',
  'Device IP address',
  'IPV6Address',
  'IPAddrAttributes',
  'IPV6AddrAttributes',
  'Protocol',
  'Device type',
  'Device description',
  'Reason Code',
  'Connecting Port',
  'Registering SIP User',
  'LastSignalReceived',
  'CallState',
  'App ID',
  'Cluster ID',
  'Node ID',
];

const escaped = LABELS.map((label) => label.replaceAll(' ', '\\s+'));
// A label: after start or white space, optionally `.`, ` [Optional]`, `.`, then `:`.
const LABEL = new RegExp(`(?:^|\\s)(${escaped.join('|')})\\.?(?:\\s*\\[Optional\\])?\\.?\\s*:`, 'gi');
const CANONICAL = new Map(LABELS.map((label) => [label.toLowerCase(), label]));

/**
 * The `Label.:Value` pairs of the older alarm text, keyed by the label as
 * listed above (`Device name`, `Reason Code`, ...), values trimmed. Text
 * before the first label (the message, "Device unregistered.") is not a value.
 */
export function parseLabelParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  const matches = [...text.matchAll(LABEL)];
  for (const [index, match] of matches.entries()) {
    const label = (match[1] ?? '').replace(/\s+/g, ' ').toLowerCase();
    const valueStart = (match.index ?? 0) + match[0].length;
    const valueEnd = matches[index + 1]?.index ?? text.length;
    params[CANONICAL.get(label) ?? label] = text.slice(valueStart, valueEnd).trim();
  }
  return params;
}
