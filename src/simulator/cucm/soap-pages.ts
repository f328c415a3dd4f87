// The texts the simulated CUCM answers with, shaped as CUCM's (Tomcat, Axis): pure.
import { xmlEscape } from '../../cucm/soap-requests.js';

export interface SimulatedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

export function soapAnswer(bodyXml: string): SimulatedAnswer {
  return {
    status: 200,
    contentType: 'text/xml;charset=utf-8',
    body: `<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}"><soapenv:Body>${bodyXml}</soapenv:Body></soapenv:Envelope>`,
  };
}

/** A SOAP 1.1 fault: HTTP 500, as Axis sends it. */
export function soapFault(code: string, message: string, detail = '', codeAttributes = ''): SimulatedAnswer {
  return {
    ...soapAnswer(
      `<soapenv:Fault><faultcode${codeAttributes === '' ? '' : ` ${codeAttributes}`}>${code}</faultcode><faultstring>${xmlEscape(message)}</faultstring><detail>${detail}</detail></soapenv:Fault>`,
    ),
    status: 500,
  };
}

/** Tomcat's error page: HTML, not XML (<hr class="line"> style markup left unclosed). */
export function tomcatPage(status: number, reason: string, message: string): SimulatedAnswer {
  const title = `HTTP Status ${status} – ${reason}`;
  return {
    status,
    contentType: 'text/html;charset=utf-8',
    body:
      `<!doctype html><html lang="en"><head><title>${title}</title><style type="text/css">h1 {font-family:Tahoma}</style></head>` +
      `<body><h1>${title}</h1><hr class="line"><p><b>Type</b> Status Report</p><p><b>Message</b> ${message}</p>` +
      `<p><b>Description</b> ${reason}<br></p><hr class="line"><h3>Cisco Systems, Inc.</h3></body></html>`,
  };
}
