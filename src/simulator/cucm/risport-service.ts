// The simulated RisPort70: selectCmDevice and selectCmDeviceExt by Name, with
// CUCM's limits: a request allowance a minute shared by every client (its
// fault comes with HTTP 500), answers cut at a ceiling, a SOAPAction required.
import { XMLParser } from 'fast-xml-parser';
import { xmlEscape } from '../../cucm/soap-requests.js';
import { CUCM_NODES, type CucmDevice, type SimulatedRisEntry } from './cucm-directory.js';
import { type SimulatedAnswer, soapAnswer, soapFault } from './soap-pages.js';

export interface RisportServiceOptions {
  /** Requests a minute the cluster allows, every client together (CUCM: 15, up to 18). */
  readonly allowance: number;
  /** Already used by another client (RTMT, monitoring...) in the minute of the first request. */
  readonly usedByOthers: number;
  /** Devices an answer holds at most (1000; 2000 on newer versions). */
  readonly ceiling: number;
  readonly minuteMs: number;
  readonly now?: () => number;
}

export interface RisportStats {
  requests: number;
  rateRefusals: number;
  truncated: number;
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'item',
});

export class RisportService {
  readonly stats: RisportStats = { requests: 0, rateRefusals: 0, truncated: 0 };
  readonly #byName: Map<string, CucmDevice>;
  readonly #options: RisportServiceOptions;
  readonly #now: () => number;
  /** The current minute began here: at the first request, then each minute on. */
  #windowStart: number | null = null;
  #used: number;

  constructor(devices: readonly CucmDevice[], options: RisportServiceOptions) {
    this.#byName = new Map(devices.map((device) => [device.name.toUpperCase(), device]));
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#used = options.usedByOthers;
  }

  answer(soapAction: string | undefined, body: string): SimulatedAnswer {
    this.stats.requests++;
    // Some CUCM versions answer 500 to a request without the header.
    if (soapAction === undefined) return soapFault('soapenv:Client', 'no SOAPAction header!');
    if (!this.#allowed()) {
      this.stats.rateRefusals++;
      return soapFault(
        'ns1:Server.RateControl',
        `AxisFault: Exceeded allowed rate for Reatime information. Current allowed rate for realtime information is ${this.#options.allowance} requests per minute.http://schemas.cisco.com/ast/soap/action/#RisPort#SelectCmDevice`,
        '<ns2:hostname xmlns:ns2="http://xml.apache.org/axis/">cucm-pub</ns2:hostname>',
        'xmlns:ns1="http://xml.apache.org/axis/"',
      );
    }
    const envelope = parser.parse(body)?.Envelope?.Body;
    const request = envelope?.selectCmDeviceExt ?? envelope?.selectCmDevice;
    const criteria = request?.CmSelectionCriteria;
    if (criteria === undefined) return soapFault('soapenv:Client', 'No such operation');
    const names: string[] = criteria.SelectBy === 'Name' ? (criteria.SelectItems?.item ?? []).map(itemName) : [];
    return soapAnswer(this.#devicesXml(names, Number(criteria.MaxReturnedDevices) || this.#options.ceiling));
  }

  // The allowance renews each minute; a refused request does not spend it.
  #allowed(): boolean {
    const now = this.#now();
    this.#windowStart ??= now;
    const elapsed = now - this.#windowStart;
    if (elapsed >= this.#options.minuteMs) {
      this.#windowStart += Math.floor(elapsed / this.#options.minuteMs) * this.#options.minuteMs;
      this.#used = 0;
    }
    if (this.#used >= this.#options.allowance) return false;
    this.#used++;
    return true;
  }

  #devicesXml(names: readonly string[], maxReturned: number): string {
    const perNode = new Map<string, { device: CucmDevice; entry: SimulatedRisEntry }[]>(
      CUCM_NODES.map((node) => [node, []]),
    );
    for (const name of new Set(names.map((item) => item.toUpperCase()))) {
      const device = this.#byName.get(name);
      for (const entry of device?.entries ?? []) perNode.get(entry.node)?.push({ device: device as CucmDevice, entry });
    }
    const total = [...perNode.values()].reduce((sum, entries) => sum + entries.length, 0);
    let room = Math.min(maxReturned, this.#options.ceiling);
    if (total > room) this.stats.truncated++;
    const nodes = [...perNode].map(([node, entries]) => {
      const shown = entries.slice(0, Math.max(0, room));
      room -= shown.length;
      const code = shown.length > 0 ? 'Ok' : 'NotFound';
      return `<ns1:item><ns1:ReturnCode>${code}</ns1:ReturnCode><ns1:Name>${node}</ns1:Name><ns1:NoChange>false</ns1:NoChange><ns1:CmDevices>${shown.map(({ device, entry }) => deviceXml(device, entry)).join('')}</ns1:CmDevices></ns1:item>`;
    });
    return (
      '<ns1:selectCmDeviceResponse xmlns:ns1="http://schemas.cisco.com/ast/soap">' +
      `<ns1:selectCmDeviceReturn><ns1:SelectCmDeviceResult><ns1:TotalDevicesFound>${total}</ns1:TotalDevicesFound>` +
      `<ns1:CmNodes>${nodes.join('')}</ns1:CmNodes></ns1:SelectCmDeviceResult>` +
      '<ns1:StateInfo>&lt;StateInfo ClusterWide="1"/&gt;</ns1:StateInfo></ns1:selectCmDeviceReturn></ns1:selectCmDeviceResponse>'
    );
  }
}

function itemName(item: unknown): string {
  const value = (item as { Item?: unknown })?.Item;
  return typeof value === 'string' ? value : '';
}

function deviceXml(device: CucmDevice, entry: SimulatedRisEntry): string {
  const ips = entry.ips
    .map(
      (ip) =>
        `<ns1:item><ns1:IP>${ip.ip}</ns1:IP><ns1:IPAddrType>${ip.type}</ns1:IPAddrType><ns1:Attribute>${ip.attribute}</ns1:Attribute></ns1:item>`,
    )
    .join('');
  return (
    `<ns1:item><ns1:Name>${xmlEscape(device.name)}</ns1:Name><ns1:DirNumber>1000-${entry.status}</ns1:DirNumber>` +
    `<ns1:DeviceClass>Phone</ns1:DeviceClass><ns1:Model>255</ns1:Model><ns1:Product>0</ns1:Product><ns1:BoxProduct>0</ns1:BoxProduct>` +
    '<ns1:Httpd>Yes</ns1:Httpd><ns1:RegistrationAttempts>0</ns1:RegistrationAttempts><ns1:IsCtiControllable>true</ns1:IsCtiControllable>' +
    `<ns1:LoginUserId></ns1:LoginUserId><ns1:Status>${entry.status}</ns1:Status><ns1:StatusReason>0</ns1:StatusReason>` +
    `<ns1:PerfMonObject>2</ns1:PerfMonObject><ns1:DChannel>0</ns1:DChannel><ns1:Description>${xmlEscape(device.description)}</ns1:Description>` +
    `<ns1:H323Trunk/><ns1:TimeStamp>${entry.timeStamp}</ns1:TimeStamp><ns1:Protocol>SIP</ns1:Protocol><ns1:NumOfLines>1</ns1:NumOfLines>` +
    '<ns1:LinesStatus/><ns1:ActiveLoadID>sip88xx.14-2-1-0001-14</ns1:ActiveLoadID><ns1:InactiveLoadID></ns1:InactiveLoadID>' +
    '<ns1:DownloadStatus>Unknown</ns1:DownloadStatus><ns1:DownloadFailureReason></ns1:DownloadFailureReason><ns1:DownloadServer></ns1:DownloadServer>' +
    `<ns1:IPAddress>${ips}</ns1:IPAddress></ns1:item>`
  );
}
