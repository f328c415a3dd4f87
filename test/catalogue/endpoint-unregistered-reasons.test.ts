import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ENDPOINT_UNREGISTERED_REASONS,
  endpointUnregisteredReasonByCode,
  findEndpointUnregisteredReason,
} from '../../src/catalogue/endpoint-unregistered-reasons.js';
import { outOfServiceReasonByCode } from '../../src/catalogue/out-of-service-reasons.js';

describe('EndPointUnregistered Reason catalogue', () => {
  it('holds the seed codes 1 to 29', () => {
    assert.deepEqual(
      ENDPOINT_UNREGISTERED_REASONS.map((reason) => reason.code),
      [1, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29],
    );
  });

  it('is a code space of its own: 13 is KeepAliveTimeout for CUCM, TCPucmAbortedConnection for the phone', () => {
    assert.equal(endpointUnregisteredReasonByCode(13)?.name, 'KeepAliveTimeout');
    assert.equal(outOfServiceReasonByCode(13)?.name, 'TCPucmAbortedConnection');
    assert.equal(endpointUnregisteredReasonByCode(210), undefined);
  });

  it('finds by code or name', () => {
    assert.equal(findEndpointUnregisteredReason('29')?.name, 'DeviceSwitch');
    assert.equal(findEndpointUnregisteredReason('keepalivetimeout')?.code, 13);
    assert.equal(findEndpointUnregisteredReason('TCPtimeOut'), undefined);
  });
});
