import { readFileSync } from 'node:fs';
import { parseShowUnreg } from '../../src/parser/show-unreg.js';
import { fixturePath } from '../helpers/paths.js';

/**
 * The parameters of the seed's CP-8861 example, as the phone sent them. The
 * protocol events hold a no-break space (U+00A0) before `Cseq`, as in the seed.
 */
export const SEED_PARAMS: Readonly<Record<string, string>> = {
  DeviceName: 'SEP2834A282656D',
  DeviceIPv4Address: '192.168.1.37/24',
  IPv4DefaultGateway: '192.168.1.254',
  DeviceIPv6Address: '',
  IPv6DefaultGateway: '',
  ModelNumber: 'CP-8861',
  NeighborIPv4Address: '192.168.1.254',
  NeighborIPv6Address: '',
  NeighborDeviceID: 'jtac-l2tun-01',
  NeighborPortID: 'FastEthernet0/1/4',
  DHCPv4Status: '1',
  DHCPv6Status: '3',
  TFTPCfgStatus: '3',
  DNSStatusUnifiedCM1: '1',
  DNSStatusUnifiedCM2: '1',
  DNSStatusUnifiedCM3: '0',
  DNSv6StatusUnifiedCM1: '0',
  DNSv6StatusUnifiedCM2: '0',
  DNSv6StatusUnifiedCM3: '0',
  VoiceVLAN: '',
  UnifiedCMIPAddress: 'cucm105p',
  LocalPort: '49786',
  TimeStamp: '1461229373181',
  ReasonForOutOfService: '10',
  LastProtocolEventSent:
    'Sent:REGISTER sip:cucm105p SIP/2.0\u00a0 Cseq:118 REGISTER CallId:2834a282-656d000e-6cfd28bd-713281ce@192.168.1.37',
  LastProtocolEventReceived:
    'Rcvd:SIP/2.0 200 OK\u00a0 Cseq:120 REGISTER CallId:2834a282-656d0003-68ad3b77-33d23bb4@192.168.1.37',
};

/** The seed's parameters with some changed. */
export function seedParams(changes: Record<string, string> = {}): Record<string, string> {
  return { ...SEED_PARAMS, ...changes };
}

/** A fixture under test/fixtures/show-unreg/, read as UTF-8. */
export function readShowUnregFixture(name: string): string {
  return readFileSync(fixturePath('show-unreg', name), 'utf8');
}

/** Parses a fixture under test/fixtures/show-unreg/. */
export function parseFixture(name: string) {
  return parseShowUnreg(readShowUnregFixture(name));
}
