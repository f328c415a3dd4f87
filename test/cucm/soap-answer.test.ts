import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSoapAnswer } from '../../src/cucm/soap-answer.js';

// Verbatim from a CUCM log (Imagicle KB), "Reatime" and all.
const RATE_FAULT =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
  '<soapenv:Fault><faultcode xmlns:ns1="http://xml.apache.org/axis/">ns1:Server.RateControl</faultcode><faultstring>AxisFault: Exceeded allowed rate for Reatime information. Current allowed rate for realtime information is 15 requests per minute.http://schemas.cisco.com/ast/soap/action/#RisPort#SelectCmDevice</faultstring><detail><ns2:hostname xmlns:ns2="http://xml.apache.org/axis/">DCEN-0VAPL00IP</ns2:hostname></detail></soapenv:Fault>' +
  '</soapenv:Body></soapenv:Envelope>';

describe('readSoapAnswer', () => {
  it('reads a fault by local names, its code keeping its prefix', () => {
    const answer = readSoapAnswer(RATE_FAULT);
    assert.equal(answer.kind, 'fault');
    assert.ok(answer.kind === 'fault' && answer.code === 'ns1:Server.RateControl');
    assert.match(answer.kind === 'fault' ? answer.message : '', /^AxisFault: Exceeded allowed rate for Reatime/);
  });

  it('gives the Body of an answer whatever its prefixes', () => {
    const answer = readSoapAnswer(
      '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns:x xmlns:ns="u"><a>0123</a></ns:x></S:Body></S:Envelope>',
    );
    assert.deepEqual(answer, { kind: 'body', body: { x: { a: '0123' } } });
  });

  it('quotes the title of an HTML page, which is not XML', () => {
    const page =
      '<!doctype html><html><head><title>HTTP Status 401 &#x2013; Unauthorized</title></head><body><h1>x</h1><hr class="line"><br></body></html>';
    assert.deepEqual(readSoapAnswer(page), { kind: 'not-soap', summary: '"HTTP Status 401 – Unauthorized"' });
  });

  it('quotes the first words of plain text, on one line, and names an empty answer', () => {
    assert.deepEqual(readSoapAnswer('Service\r\nTemporarily Unavailable\n'), {
      kind: 'not-soap',
      summary: '"Service Temporarily Unavailable"',
    });
    assert.deepEqual(readSoapAnswer(''), { kind: 'not-soap', summary: 'an empty answer' });
    const long = readSoapAnswer('x'.repeat(500));
    assert.ok(long.kind === 'not-soap' && long.summary.length < 130);
  });

  it('takes well-formed XML that is no SOAP envelope as a page', () => {
    assert.equal(readSoapAnswer('<html><head><title>Maintenance</title></head></html>').kind, 'not-soap');
  });
});
