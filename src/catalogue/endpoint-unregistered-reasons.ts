/**
 * One `Reason` value of CUCM's `EndPointUnregistered` alarm: how CUCM saw the
 * device go. A separate code space from the phone's ReasonForOutOfService.
 */
export interface EndpointUnregisteredReason {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
  readonly checkNext: string;
}

type Row = [code: number, name: string, meaning: string, checkNext: string];

// Codes and names from CUCM's alarm definition as quoted in the seed document.
const ROWS: Row[] = [
  [
    1,
    'Unknown',
    'The device unregistered for a reason CUCM could not tell.',
    'If it has not come back within 5 minutes: power to the device and the network path to CUCM.',
  ],
  [
    6,
    'ConnectivityError',
    'Network communication between the device and CUCM broke.',
    'Power, the network path (loss, latency, corruption) and CUCM CPU (RTMT CPU Pegging).',
  ],
  [
    8,
    'DeviceInitiatedReset',
    'The device reset itself (power cycle or internal error).',
    'Nothing: the device re-registers on its own.',
  ],
  [
    9,
    'CallManagerReset',
    'A reset was started from CUCM administration or by an internal error.',
    'Nothing: the device re-registers on its own.',
  ],
  [
    10,
    'DeviceUnregistered',
    'The device unregistered explicitly, for example after its address or port changed.',
    'Nothing: the device re-registers on its own.',
  ],
  [
    11,
    'MalformedRegisterMsg',
    '(SIP) CUCM could not process a malformed REGISTER.',
    'The REGISTER: Call-ID present, AoR in To, Expires not too small.',
  ],
  [
    12,
    'SCCPDeviceThrottling',
    '(SCCP) The device exceeded the events allowed per device and CUCM closed its connection.',
    'The service parameter Max Events Allowed and what the device was sending.',
  ],
  [
    13,
    'KeepAliveTimeout',
    'CUCM stopped receiving keepalives from the device.',
    'Power, the network path (loss, latency) and CUCM CPU (RTMT CPU Pegging).',
  ],
  [
    14,
    'ConfigurationMismatch',
    "(SIP) The device's configuration did not match CUCM's.",
    'Database replication status; then Save on the device page, then restart TFTP and CallManager.',
  ],
  [
    15,
    'CallManagerRestart',
    'CUCM restarted the device (admin command or a change such as a DN edit).',
    'Nothing: the device re-registers on its own.',
  ],
  [
    16,
    'DuplicateRegistration',
    'The device tried to register to two nodes at once; CUCM restarted it.',
    'Nothing: the device re-registers on its own.',
  ],
  [
    17,
    'CallManagerApplyConfig',
    'Apply Config from CUCM administration unregistered the device.',
    'Nothing: the device re-registers on its own.',
  ],
  [
    18,
    'DeviceNoResponse',
    'The device did not answer a reset or restart notice and was reset by force.',
    'If it has not come back within 5 minutes: power and the network path to CUCM.',
  ],
  [
    19,
    'EMLoginLogout',
    'An Extension Mobility login or logout unregistered the device.',
    'Nothing if a user logged in or out.',
  ],
  [
    20,
    'EMCCLoginLogout',
    'An inter-cluster Extension Mobility login or logout unregistered the device.',
    'Nothing if a user logged in or out.',
  ],
  [
    21,
    'PowerSavePlus',
    'Power Save Plus turned the device off.',
    'The power-save schedule in Product Specific Configuration.',
  ],
  [
    22,
    'CallManagerForcedRestart',
    '(SIP) The device did not answer an apply-config request, so CUCM sent a restart.',
    'Power and the network path to CUCM.',
  ],
  [
    23,
    'SourceIPAddrChanged',
    '(SIP) The address in the Contact header changed.',
    'Nothing: the device re-registers on its own.',
  ],
  [
    24,
    'SourcePortChanged',
    '(SIP) The port in the Contact header changed.',
    'Nothing: the device re-registers on its own; NAT or firewalls if it repeats.',
  ],
  [
    25,
    'RegistrationSequenceError',
    '(SCCP) The device asked for configuration at an unexpected time.',
    'CUCM traces for the registration sequence.',
  ],
  [
    26,
    'InvalidCapabilities',
    '(SCCP) CUCM found an error in the media capabilities the device updated.',
    'Device firmware and CUCM traces for StationUpdateCapabilities.',
  ],
  [
    28,
    'FallbackInitiated',
    'The device is falling back to a higher-priority CUCM.',
    'Nothing: why the primary was unavailable earlier.',
  ],
  [
    29,
    'DeviceSwitch',
    'Another instance of an endpoint with the same device name took over.',
    'Nothing, unless two devices share one name by mistake.',
  ],
];

export const ENDPOINT_UNREGISTERED_REASONS: readonly EndpointUnregisteredReason[] = ROWS.map(
  ([code, name, meaning, checkNext]) => ({ code, name, meaning, checkNext }),
);

const BY_CODE = new Map(ENDPOINT_UNREGISTERED_REASONS.map((reason) => [reason.code, reason]));
const BY_NAME = new Map(ENDPOINT_UNREGISTERED_REASONS.map((reason) => [reason.name.toLowerCase(), reason]));

export function endpointUnregisteredReasonByCode(code: number): EndpointUnregisteredReason | undefined {
  return BY_CODE.get(code);
}

/** Finds a CUCM reason by its code or name ("13", "KeepAliveTimeout"). */
export function findEndpointUnregisteredReason(query: string): EndpointUnregisteredReason | undefined {
  const trimmed = query.trim();
  if (/^\d+$/.test(trimmed)) return BY_CODE.get(Number(trimmed));
  return BY_NAME.get(trimmed.toLowerCase());
}
