import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabelParams } from '../../src/syslog/label-params.js';

describe('parseLabelParams (older DeviceUnregistered text)', () => {
  it('reads the labels as Cisco printed them, values with spaces kept whole', () => {
    const text =
      'Device unregistered. Device name.:SEP000B5F327F9A Device IP address.:10.1.1.12 Protocol.:SCCP ' +
      'Device type. [Optional]:8 Device description [Optional].:Conference Room 2 Reason Code [Optional].:12 ' +
      'App ID:Cisco CallManager Cluster ID:StandAloneCluster Node ID:CCM1';
    assert.deepEqual(parseLabelParams(text), {
      'Device name': 'SEP000B5F327F9A',
      'Device IP address': '10.1.1.12',
      Protocol: 'SCCP',
      'Device type': '8',
      'Device description': 'Conference Room 2',
      'Reason Code': '12',
      'App ID': 'Cisco CallManager',
      'Cluster ID': 'StandAloneCluster',
      'Node ID': 'CCM1',
    });
  });

  it('accepts labels in any order, with spaces after the colon, and none at all', () => {
    assert.deepEqual(parseLabelParams('Reason Code [Optional].: 8 Device name.: SEP1'), {
      'Reason Code': '8',
      'Device name': 'SEP1',
    });
    assert.deepEqual(parseLabelParams('nothing here'), {});
  });
});
