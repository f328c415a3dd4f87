import type { AlarmSection } from '../../src/parser/parsed-alarm.js';
import type { ReportRenderer } from '../../src/render/renderer.js';
import { decodeAlarm } from '../../src/report/decode-alarm.js';
import { failedEntry } from '../../src/report/phone-entry.js';
import type { EntryError, EntryTarget, PhoneEntry, ReportAlarm } from '../../src/report/report-document.js';
import { SummaryTally } from '../../src/report/summary.js';

// Report entries built through the real decoding path, for renderer tests.

/** The parameters of the seed's CP-8861 example, as the phone sent them. */
export const SEED_PARAMS: Readonly<Record<string, string>> = {
  DeviceName: 'SEP2834A282656D',
  DeviceIPv4Address: '192.168.1.37/24',
  IPv4DefaultGateway: '192.168.1.254',
  DeviceIPv6Address: '',
  ModelNumber: 'CP-8861',
  NeighborDeviceID: 'jtac-l2tun-01',
  NeighborPortID: 'FastEthernet0/1/4',
  DHCPv4Status: '1',
  DHCPv6Status: '3',
  TFTPCfgStatus: '3',
  DNSStatusUnifiedCM1: '1',
  DNSStatusUnifiedCM2: '3',
  DNSStatusUnifiedCM3: '0',
  UnifiedCMIPAddress: 'cucm105p',
  TimeStamp: '1461229373181',
  ReasonForOutOfService: '10',
  LastProtocolEventSent: 'Sent:REGISTER sip:cucm105p SIP/2.0  Cseq:118 REGISTER',
  LastProtocolEventReceived: 'Rcvd:SIP/2.0 200 OK  Cseq:120 REGISTER',
};

/** A decoded alarm: the seed's parameters with some replaced. */
export function sampleAlarm(changes: Record<string, string> = {}, section: AlarmSection = 'unsent'): ReportAlarm {
  return decodeAlarm({ section, name: 'LastOutOfServiceInformation', params: { ...SEED_PARAMS, ...changes } });
}

export function target(host: string, fields: Partial<EntryTarget> = {}): EntryTarget {
  return { host, port: 22, name: null, site: null, tags: [], ...fields };
}

export function okEntry(host: string, alarms: ReportAlarm[], fields: Partial<EntryTarget> = {}): PhoneEntry {
  return { ...target(host, fields), status: 'ok', error: null, durationMs: 12, alarms, warnings: [] };
}

export function failed(host: string, error: EntryError, fields: Partial<EntryTarget> = {}): PhoneEntry {
  return failedEntry(target(host, fields), error, 3000);
}

/** A whole report through one renderer, as the report writer would feed it. */
export function renderAll(renderer: ReportRenderer, entries: readonly PhoneEntry[]): string {
  const tally = new SummaryTally();
  let text = renderer.start();
  for (const entry of entries) {
    tally.add(entry);
    text += renderer.phone(entry);
  }
  return text + renderer.end(tally.summary());
}
