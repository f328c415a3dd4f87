import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { listPhoneRequest, selectCmDeviceExtRequest } from '../../src/cucm/soap-requests.js';

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'item' });

describe('SOAP requests', () => {
  it('selectCmDeviceExt: one <item><Item> per name (escaped), by Name, with a SOAPAction', () => {
    const request = selectCmDeviceExtRequest(['SEP1', 'A&B<']);
    assert.equal(request.soapAction, '"selectCmDeviceExt"');
    const criteria = parser.parse(request.body).Envelope.Body.selectCmDeviceExt.CmSelectionCriteria;
    assert.equal(criteria.SelectBy, 'Name');
    assert.equal(criteria.Status, 'Any');
    assert.deepEqual(criteria.SelectItems.item, [{ Item: 'SEP1' }, { Item: 'A&B<' }]);
  });

  it('listPhone: SEP% with skip/first and the version in SOAPAction and namespace', () => {
    const request = listPhoneRequest('14.0', 700, 350);
    assert.equal(request.soapAction, '"CUCM:DB ver=14.0 listPhone"');
    assert.match(request.body, /xmlns:ns="http:\/\/www\.cisco\.com\/AXL\/API\/14\.0"/);
    const list = parser.parse(request.body).Envelope.Body.listPhone;
    assert.equal(list.searchCriteria.name, 'SEP%');
    assert.deepEqual([list.skip, list.first], ['700', '350']);
  });
});
