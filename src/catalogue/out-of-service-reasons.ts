import type { ReasonCategory } from './categories.js';

/**
 * One `ReasonForOutOfService` value, as a phone reports it in its
 * `LastOutOfServiceInformation` alarm (phone-side code space).
 */
export interface OutOfServiceReason {
  readonly code: number;
  /** Cisco's name for the code. */
  readonly name: string;
  /** Other spellings met in firmware and documents (short names, spaced names). */
  readonly aliases: readonly string[];
  readonly category: ReasonCategory;
  /** What happened, in this project's words. */
  readonly meaning: string;
  /** The first thing an operator should look at. */
  readonly checkNext: string;
}

type Row = [
  code: number,
  name: string,
  aliases: string[],
  category: ReasonCategory,
  meaning: string,
  checkNext: string,
];

// Codes and names follow the Cisco table quoted in the seed document; the
// short aliases are the labels phone firmware shows on its own status pages.
// The seed lists code 22 under the same name as 20 (TCPclosedUserInitiatedReset),
// but describes a reset ordered by CUCM: names must be unique, so 22 takes
// our name TCPclosedUcmInitiatedReset, patterned on 23 TCPclosedUcmInitiatedRestart.
const ROWS: Row[] = [
  [
    10,
    'TCPtimeOut',
    ['TCP-timeout'],
    'network',
    'The TCP connection to CUCM timed out: keepalives or signalling got no answer.',
    'Packet loss or a path down between phone and CUCM; CUCM CPU at the time (RTMT CPU Pegging).',
  ],
  [
    12,
    'TCPucmResetConnection',
    ['CM-reset-TCP'],
    'cucm-initiated',
    'CUCM sent a TCP reset on the signalling connection.',
    "CUCM's EndPointUnregistered Reason for the same device; firewalls that reset idle sessions.",
  ],
  [
    13,
    'TCPucmAbortedConnection',
    ['CM-aborted-TCP'],
    'cucm-initiated',
    'CUCM aborted the signalling connection.',
    'CallManager service restarts or failovers on the node the phone was registered to.',
  ],
  [
    14,
    'TCPucmClosedConnection',
    ['CM-closed-TCP'],
    'cucm-initiated',
    'CUCM closed the signalling connection in an orderly way.',
    "CUCM's EndPointUnregistered Reason (reset, restart, apply config) for the same device.",
  ],
  [
    15,
    'SCCPKeepAliveFailure',
    [],
    'network',
    'The phone dropped the connection after SCCP keepalives failed.',
    'Loss or latency on the path to CUCM; CUCM node health.',
  ],
  [
    16,
    'TCPdeviceLostIPAddress',
    [],
    'network',
    'The phone lost its IP address (DHCP lease ran out or an address conflict was detected).',
    'DHCP server reachability and scope, lease times, and duplicate-address reports.',
  ],
  [
    17,
    'TCPDeviceRegsistrationTimedOut',
    ['TCPDeviceRegistrationTimedOut'],
    'network',
    'The phone closed the connection because registration did not complete in time.',
    'Reachability of the CUCM node and its signalling port; CUCM load during registration.',
  ],
  [
    18,
    'TCPclosedConnectHighPriorityUcm',
    ['Failback'],
    'cucm-initiated',
    'The phone left a backup CUCM to return to a higher-priority one (failback).',
    'Why the primary CUCM was unreachable earlier; the CUCM group order.',
  ],
  [
    20,
    'TCPclosedUserInitiatedReset',
    ['Phone-Keypad'],
    'user-action',
    'Someone reset the phone from its keypad or menus.',
    'Nothing on the network; ask the user or site what was done on the phone.',
  ],
  [
    22,
    'TCPclosedUcmInitiatedReset',
    ['Reset-Reset'],
    'cucm-initiated',
    'CUCM ordered the phone to reset.',
    'CUCM audit log for a Reset on the device, device pool or a bulk job.',
  ],
  [
    23,
    'TCPclosedUcmInitiatedRestart',
    ['Reset-Restart'],
    'cucm-initiated',
    'CUCM ordered the phone to restart (often after a configuration change).',
    'CUCM audit log for Restart/Apply Config or line (DN) changes.',
  ],
  [
    24,
    'TCPClosedRegistrationReject',
    ['Phone-Reg-Rej'],
    'configuration',
    'CUCM rejected the registration and the phone closed the connection.',
    'Device record in CUCM (exists, right protocol and security profile, licence), then CUCM traces.',
  ],
  [
    25,
    'RegistrationSuccessful',
    ['Initialized'],
    'power',
    'The phone started up with no memory of an earlier connection (power cycle or reboot).',
    'Power to the phone: PoE switch port, UPS, or a reboot; nothing to fix if expected.',
  ],
  [
    26,
    'TCPclosedVlanChange',
    [],
    'network',
    'The phone moved to a new voice VLAN and re-did its IP configuration.',
    'CDP/LLDP voice VLAN on the switch port and recent switch changes.',
  ],
  [
    30,
    'TCPclosedAlarmWipe',
    [],
    'user-action',
    'The phone closed the connection because its stored alarms were wiped.',
    'Who cleared or reset the phone settings, and when.',
  ],
  [
    31,
    'TCPclosedFileAuthFail',
    [],
    'security',
    'The phone closed the connection because a signed file failed authentication and the phone locked.',
    'CTL/ITL trust: reset the security settings on the phone, check TFTP certificates.',
  ],
  [
    32,
    'TCPclosedPowerSavePlus',
    [],
    'power',
    'The phone shut down for Power Save Plus (EnergyWise).',
    'Product Specific Configuration power-save schedule; nothing to fix if within the schedule.',
  ],
  [
    33,
    'BatteryDrainPowerOff',
    [],
    'power',
    'The battery ran low and the phone powered off cleanly.',
    'Battery and charger of the (wireless) phone.',
  ],
  [
    34,
    'ManualPowerOff',
    [],
    'power',
    'Someone powered the phone off by hand.',
    'Nothing on the network; confirm with the user.',
  ],
  [
    41,
    'TCPclosedDHCPTimeout',
    [],
    'network',
    'The phone closed the connection after DHCP timed out.',
    'DHCP server and relay (ip helper) for the voice VLAN; capture DHCP on both sides.',
  ],
  [
    100,
    'ConfigVersionMismatch',
    [],
    'configuration',
    'During registration the phone found its configuration version stamp differs from CUCM.',
    'Apply Config or reset the device; check database replication if it repeats.',
  ],
  [
    101,
    'ConfigVersionStampMismatch',
    ['Config Version Stamp Mismatch'],
    'configuration',
    'During registration the version stamp of the configuration file did not match.',
    'Re-save and Apply Config on the device; TFTP serving a stale file.',
  ],
  [
    102,
    'SoftkeyfileVersionStampMismatch',
    ['Softkeyfile Version Stamp Mismatch'],
    'configuration',
    'The softkey template file version stamp did not match.',
    'Softkey template assignment and TFTP file build.',
  ],
  [
    103,
    'DialPlanMismatch',
    ['Dial Plan Mismatch'],
    'configuration',
    'The dial plan file version did not match.',
    'SIP dial rules on the device and TFTP file build.',
  ],
  [
    104,
    'TCPclosedApplyConfig',
    [],
    'configuration',
    'The phone restarted itself to apply configuration changes.',
    'Recent changes to the device or its profile; nothing to fix if expected.',
  ],
  [
    105,
    'TCPclosedDeviceRestart',
    [],
    'configuration',
    'The phone restarted itself because it could not download its configuration or dial plan.',
    'TFTP reachability (port 6970 over HTTP) and the configuration file in the TFTP cache.',
  ],
  [
    106,
    'TCPsecureConnectionFailed',
    [],
    'security',
    'The phone could not set up a secure (TLS) connection to CUCM.',
    'Security profile, certificates (CAPF/LSC), CTL/ITL on the phone.',
  ],
  [
    107,
    'TCPclosedDeviceReset',
    [],
    'configuration',
    'The phone switched to its inactive firmware partition and reset (firmware change).',
    'Firmware load assigned in CUCM and the upgrade schedule.',
  ],
  [
    108,
    'VpnConnectionLost',
    [],
    'network',
    'The phone could not register because its VPN connection was lost.',
    'VPN headend (ASA/FTD) and the remote site internet link.',
  ],
  [
    109,
    'TCPclosedIPAddressChanged',
    [],
    'network',
    'The phone closed the connection because its IP address changed.',
    'DHCP reservations and scope changes, address conflicts.',
  ],
  [
    110,
    'ApplicationRequestedStop',
    ['Application Requested Stop'],
    'client-application',
    'An application asked the device to stop registering (service control notify).',
    'The application or service that controls the endpoint.',
  ],
  [
    111,
    'TCPclosedApplicationRequestedDestroy',
    [],
    'client-application',
    'An application asked for the connection to be torn down.',
    'The application that controls the endpoint and its logs.',
  ],
  [
    113,
    'TCPclosedSocketError',
    [],
    'network',
    'The phone closed the connection after a socket error.',
    'Interface errors and drops on the switch port and the path to CUCM.',
  ],
  [
    114,
    'LastTimeCrash',
    ['Last Time Crash'],
    'power',
    'The phone crashed and restarted.',
    'Firmware version and known defects; collect the phone problem report (PRT).',
  ],
  [
    115,
    'UnregReasonNoEthLink',
    [],
    'network',
    'The phone had no Ethernet link.',
    'Cable, patch panel and switch port status (err-disabled, PoE).',
  ],
  [
    200,
    'ClientApplicationClosed',
    [],
    'client-application',
    'The soft client was closed.',
    'Nothing to fix if the user quit the client.',
  ],
  [
    201,
    'OsInStandbyMode',
    [],
    'client-application',
    'The computer running the client went to standby.',
    'Power settings of the computer; nothing to fix if expected.',
  ],
  [
    202,
    'OsInHibernateMode',
    [],
    'client-application',
    'The computer running the client hibernated.',
    'Power settings of the computer; nothing to fix if expected.',
  ],
  [
    203,
    'OsInShutdownMode',
    [],
    'client-application',
    'The computer running the client shut down.',
    'Nothing to fix if the computer was shut down on purpose.',
  ],
  [
    204,
    'ClientApplicationAbort',
    [],
    'client-application',
    'The soft client crashed.',
    'Client version and its crash logs.',
  ],
  [
    205,
    'DeviceUnregNoCleanupTime',
    [],
    'client-application',
    'In the previous session the system did not give the client time to unregister cleanly.',
    'How the client or computer was stopped last time.',
  ],
  [
    206,
    'DeviceUnregOnSwitchingToDeskphone',
    [],
    'client-application',
    'The client switched from softphone to desk phone control.',
    'Nothing to fix if the user switched modes.',
  ],
  [
    207,
    'DeviceUnregOnSwitchingToSoftphone',
    [],
    'client-application',
    'The client switched from desk phone control to softphone.',
    'Nothing to fix if the user switched modes.',
  ],
  [
    208,
    'DeviceUnregOnNetworkChanged',
    [],
    'client-application',
    'The client saw the network change (new Wi-Fi, VPN, dock) and re-registered.',
    'Nothing to fix unless it repeats; then the client network path.',
  ],
  [
    209,
    'DeviceUnregExceededRegCount',
    [],
    'client-application',
    'The device exceeded the maximum number of concurrent registrations.',
    'Devices registered for the same user or line in CUCM.',
  ],
  [
    210,
    'DeviceUnregExceededLoginCount',
    [],
    'client-application',
    'The client exceeded the maximum number of concurrent logons.',
    'Sessions open for the same user on other devices.',
  ],
];

export const OUT_OF_SERVICE_REASONS: readonly OutOfServiceReason[] = ROWS.map(
  ([code, name, aliases, category, meaning, checkNext]) => ({ code, name, aliases, category, meaning, checkNext }),
);

const BY_CODE = new Map(OUT_OF_SERVICE_REASONS.map((reason) => [reason.code, reason]));
const BY_NAME = new Map(
  OUT_OF_SERVICE_REASONS.flatMap((reason) =>
    [reason.name, ...reason.aliases].map((name) => [name.toLowerCase(), reason] as const),
  ),
);

export function outOfServiceReasonByCode(code: number): OutOfServiceReason | undefined {
  return BY_CODE.get(code);
}

/** Finds a reason by its code, name or alias ("16", "TCPtimeOut", "tcp-timeout"). */
export function findOutOfServiceReason(query: string): OutOfServiceReason | undefined {
  const trimmed = query.trim();
  if (/^\d+$/.test(trimmed)) return BY_CODE.get(Number(trimmed));
  return BY_NAME.get(trimmed.toLowerCase());
}
