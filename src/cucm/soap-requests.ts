// The SOAP requests unreg sends to CUCM, as text: pure, no I/O. Element names
// follow Cisco's AXL schema (AXLSoap.xsd, ListPhoneReq) and the RisPort70
// WSDL (RISService70.wsdl, selectCmDeviceExt).

export const AXL_PATH = '/axl/';
export const RISPORT_PATH = '/realtimeservice2/services/RISService70';

/** RisPort70 answers at most this many devices a request (1000; 2000 on newer versions). */
export const RISPORT_MAX_NAMES = 1000;
/** AXL pages: at most this many rows each. */
export const AXL_MAX_PAGE = 1000;

export interface SoapRequest {
  readonly soapAction: string;
  readonly body: string;
}

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** AXL listPhone: the desk phones (device names SEP...), one page of `first` rows after `skip`. */
export function listPhoneRequest(version: string, skip: number, first: number): SoapRequest {
  const ns = `http://www.cisco.com/AXL/API/${xmlEscape(version)}`;
  return {
    soapAction: `"CUCM:DB ver=${version} listPhone"`,
    body: [
      `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="${ns}">`,
      '<soapenv:Header/><soapenv:Body><ns:listPhone>',
      '<searchCriteria><name>SEP%</name></searchCriteria>',
      '<returnedTags><name/><description/><model/><devicePoolName/></returnedTags>',
      `<skip>${skip}</skip><first>${first}</first>`,
      '</ns:listPhone></soapenv:Body></soapenv:Envelope>',
    ].join(''),
  };
}

/**
 * RisPort70 selectCmDeviceExt by device name: every device class and status
 * (an unregistered phone still has its last address), one `<item><Item>`
 * per name (names joined in one Item are silently ignored by CUCM).
 */
export function selectCmDeviceExtRequest(names: readonly string[]): SoapRequest {
  const items = names.map((name) => `<soap:item><soap:Item>${xmlEscape(name)}</soap:Item></soap:item>`).join('');
  return {
    // The WSDL binding's soapAction; CUCM answers 500 to a request without one.
    soapAction: '"selectCmDeviceExt"',
    body: [
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"',
      ' xmlns:soap="http://schemas.cisco.com/ast/soap">',
      '<soapenv:Header/><soapenv:Body><soap:selectCmDeviceExt>',
      '<soap:StateInfo></soap:StateInfo>',
      '<soap:CmSelectionCriteria>',
      `<soap:MaxReturnedDevices>${RISPORT_MAX_NAMES}</soap:MaxReturnedDevices>`,
      '<soap:DeviceClass>Any</soap:DeviceClass>',
      '<soap:Model>255</soap:Model>',
      '<soap:Status>Any</soap:Status>',
      '<soap:NodeName></soap:NodeName>',
      '<soap:SelectBy>Name</soap:SelectBy>',
      `<soap:SelectItems>${items}</soap:SelectItems>`,
      '<soap:Protocol>Any</soap:Protocol>',
      '<soap:DownloadStatus>Any</soap:DownloadStatus>',
      '</soap:CmSelectionCriteria>',
      '</soap:selectCmDeviceExt></soapenv:Body></soapenv:Envelope>',
    ].join(''),
  };
}
