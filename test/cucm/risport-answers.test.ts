import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DeviceState, mergeEntries, readSelectCmDevice } from '../../src/cucm/risport-answers.js';
import { readSoapAnswer } from '../../src/cucm/soap-answer.js';

function device(name: string, status: string, time: number, ips: string): string {
  return `<ns1:item><ns1:Name>${name}</ns1:Name><ns1:Status>${status}</ns1:Status><ns1:TimeStamp>${time}</ns1:TimeStamp><ns1:IPAddress>${ips}</ns1:IPAddress></ns1:item>`;
}
const ip = (address: string, type: string, attribute: string) =>
  `<ns1:item><ns1:IP>${address}</ns1:IP><ns1:IPAddrType>${type}</ns1:IPAddrType><ns1:Attribute>${attribute}</ns1:Attribute></ns1:item>`;

function answer(element: string, total: number, nodes: [string, string[]][]) {
  const xml =
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
    `<ns1:${element} xmlns:ns1="http://schemas.cisco.com/ast/soap"><ns1:selectCmDeviceReturn><ns1:SelectCmDeviceResult>` +
    `<ns1:TotalDevicesFound>${total}</ns1:TotalDevicesFound><ns1:CmNodes>` +
    nodes
      .map(
        ([node, devices]) =>
          `<ns1:item><ns1:ReturnCode>Ok</ns1:ReturnCode><ns1:Name>${node}</ns1:Name><ns1:CmDevices>${devices.join('')}</ns1:CmDevices></ns1:item>`,
      )
      .join('') +
    `</ns1:CmNodes></ns1:SelectCmDeviceResult><ns1:StateInfo/></ns1:selectCmDeviceReturn></ns1:${element}>` +
    '</soapenv:Body></soapenv:Envelope>';
  const read = readSoapAnswer(xml);
  assert.equal(read.kind, 'body');
  return read.kind === 'body' ? readSelectCmDevice(read.body) : null;
}

describe('RisPort70 answers', () => {
  it('reads ns1: devices under CmNodes/item/CmDevices/item, the first IPv4 of IPAddress/item/IP', () => {
    const read = answer('selectCmDeviceResponse', 2, [
      [
        'sub1',
        [
          device(
            'SEP1',
            'Registered',
            1733000000,
            ip('2001:db8::1', 'ipv6', 'Adminstrative') + ip('10.0.0.1', 'ipv4', 'Signaling'),
          ),
          device('SEP2', 'UnRegistered', 1733000001, ''),
        ],
      ],
      ['sub2', []],
    ]);
    assert.deepEqual(read, {
      totalDevicesFound: 2,
      entries: [
        { name: 'SEP1', node: 'sub1', status: 'Registered', timeStamp: 1733000000, ipv4: '10.0.0.1' },
        { name: 'SEP2', node: 'sub1', status: 'UnRegistered', timeStamp: 1733000001, ipv4: null },
      ],
    });
  });

  it("also reads the mocks' selectCmDeviceExtResponse", () => {
    const read = answer('selectCmDeviceExtResponse', 1, [
      ['sub1', [device('SEP1', 'Registered', 5, ip('10.0.0.1', 'ipv4', 'x'))]],
    ]);
    assert.equal(read?.entries.length, 1);
  });

  it('keeps the newest TimeStamp of a device seen on two nodes, whichever comes first', () => {
    const older = device('SEP1', 'Registered', 100, ip('10.9.9.9', 'ipv4', 'AdministrativeAndSignaling'));
    const newer = device('SEP1', 'UnRegistered', 200, ip('10.0.0.1', 'ipv4', 'AdministrativeAndSignaling'));
    for (const nodes of [
      [
        ['sub1', [older]],
        ['sub2', [newer]],
      ],
      [
        ['sub1', [newer]],
        ['sub2', [older]],
      ],
    ] as [string, string[]][][]) {
      const states = new Map<string, DeviceState>();
      mergeEntries(states, answer('selectCmDeviceResponse', 2, nodes)?.entries ?? []);
      assert.deepEqual(states.get('SEP1'), { status: 'UnRegistered', ipv4: '10.0.0.1', timeStamp: 200 });
    }
  });

  it('takes the address of the newest entry that has one when the newest has none', () => {
    const states = new Map<string, DeviceState>();
    const read = answer('selectCmDeviceResponse', 2, [
      ['sub1', [device('SEP1', 'UnRegistered', 300, '')]],
      ['sub2', [device('SEP1', 'Registered', 200, ip('10.0.0.7', 'ipv4', 'Signaling'))]],
    ]);
    mergeEntries(states, read?.entries ?? []);
    assert.deepEqual(states.get('SEP1'), { status: 'UnRegistered', ipv4: '10.0.0.7', timeStamp: 300 });
  });
});
