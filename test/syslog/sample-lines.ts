// Syslog lines as CUCM writes them, built from the seed document's examples.

/** The CiscoSyslog header: RFC 3164 date, then CUCM's own stamp with year and zone. */
export function ciscoHeader(cucmStamp: string, host = 'cucm105p'): string {
  return `Apr 21 09:02:53 ${host} local7 3 : 101: ${host}.example.com: ${cucmStamp} :  `;
}

/** `[Key=Value]...` in the order given. */
function bracketList(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `[${key}=${value}]`)
    .join('');
}

export function endPointUnregistered(
  params: Record<string, string>,
  options: { header?: string; severity?: number } = {},
): string {
  const list = bracketList(params);
  return `${options.header ?? ''}%UC_CALLMANAGER-${options.severity ?? 3}-EndPointUnregistered: %${list}: An endpoint has unregistered.`;
}

export function lastOutOfService(
  params: Record<string, string>,
  options: { header?: string; facility?: string } = {},
): string {
  const list = bracketList(params);
  return `${options.header ?? ''}%${options.facility ?? 'UC_'}-6-LastOutOfServiceInformation: %${list}: Information related to the last out-of-service event`;
}

/** The seed's EndPointUnregistered example (SEP2834A282656D, Reason 13). */
export const SEED_ENDPOINT_UNREGISTERED =
  '%UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEP2834A282656D][IPAddress=192.168.1.37][Protocol=SIP][DeviceType=685][Description=2018][Reason=13][IPAddrAttributes=0][LastSignalReceived=SIPStationDPrimaryLineTimeout][ClusterID=CUCM1052Cluster][NodeID=cucm105p]: An endpoint has unregistered.';

/** The seed's LastOutOfServiceInformation example (ReasonForOutOfService 10, TimeStamp in seconds). */
export const SEED_LAST_OUT_OF_SERVICE =
  '%UC_-6-LastOutOfServiceInformation: %[DeviceName=SEP2834A282656D][DeviceIPv4Address=192.168.1.37 / 0][IPv4DefaultGateway=192.168.1.254][DeviceIPv6Address=][IPv6DefaultGateway=][ModelNumber=CP-8861][NeighborIPv4Address=192.168.1.254][NeighborIPv6Address=][NeighborDeviceID=][NeighborPortID=FastEthernet0/1/4][DHCPv4Status=1][DHCPv6Status=3][TFTPCfgStatus=1][DNSStatusUnifiedCM1=1][DNSStatusUnifiedCM2=1][DNSStatusUnifiedCM3=3][VoiceVLAN=0][UnifiedCMIPAddress=cucm105p][LocalPort=49786][TimeStamp=1461229373][ReasonForOutOfService=10][LastProtocolEventSent=Sent:REGISTER sip:cucm105p SIP/2.0 Cseq:118 REGISTER CallId:2834a282-656d000e-6cfd28bd-713281ce@192.168.1.37][LastProtocolEventReceived=][ClusterID=CUCM1052Cluster][NodeID=cucm105s]: Information related to the last out-of-service event';

/** The older form, as a Cisco tech note quotes it. */
export const OLDER_DEVICE_UNREGISTERED =
  '%CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered: Device unregistered. Device name.:SEP000B5F327F9A Device IP address.:10.1.1.12 Protocol.:SCCP Device type. [Optional]:8 Device description [Optional].:xyz Reason Code [Optional].:12 App ID:Cisco CallManager Cluster ID:StandAloneCluster Node ID:CCM1';

/**
 * A line cut into `count` parts as CiscoLog sends a message over 800 octets:
 * each part is the header and alarm marker, then `[part=S.i/M]` and a piece
 * of the `%[Key=Value]...` message.
 */
export function splitInParts(line: string, count: number, sequence = 101): string[] {
  const list = line.indexOf(': %[');
  const head = line.slice(0, list + 2);
  const body = line.slice(list + 3);
  const size = Math.ceil(body.length / count);
  return Array.from(
    { length: count },
    (_, at) => `${head}%[part=${sequence}.${at + 1}/${count}]${body.slice(at * size, (at + 1) * size)}`,
  );
}
