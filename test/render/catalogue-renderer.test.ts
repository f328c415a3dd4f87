import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENDPOINT_UNREGISTERED_REASONS } from '../../src/catalogue/endpoint-unregistered-reasons.js';
import { findOutOfServiceReason, OUT_OF_SERVICE_REASONS } from '../../src/catalogue/out-of-service-reasons.js';
import {
  explainOutOfServiceReason,
  renderEndpointUnregisteredReasons,
  renderOutOfServiceReasons,
} from '../../src/render/catalogue-renderer.js';

describe('catalogue renderers', () => {
  it('write the phone-side catalogue as CSV, one CRLF record per code', () => {
    const lines = renderOutOfServiceReasons(OUT_OF_SERVICE_REASONS, 'csv').split('\r\n');
    assert.equal(lines[0], 'code,name,aliases,category,meaning,check_next');
    assert.equal(lines.length, OUT_OF_SERVICE_REASONS.length + 2);
    assert.match(lines[1] ?? '', /^10,TCPtimeOut,TCP-timeout,network,/);
  });

  it('write JSON that parses back to the catalogue', () => {
    assert.deepEqual(JSON.parse(renderOutOfServiceReasons(OUT_OF_SERVICE_REASONS, 'json')), OUT_OF_SERVICE_REASONS);
    assert.deepEqual(
      JSON.parse(renderEndpointUnregisteredReasons(ENDPOINT_UNREGISTERED_REASONS, 'json')),
      ENDPOINT_UNREGISTERED_REASONS,
    );
  });

  it('explain one code with its aliases, category and what to check next', () => {
    const reason = findOutOfServiceReason('Reset-Reset');
    assert.ok(reason !== undefined);
    const text = explainOutOfServiceReason(reason);
    assert.match(text, /^ReasonForOutOfService 22: TCPclosedUcmInitiatedReset\n {2}also shown as: Reset-Reset\n/);
    assert.match(text, /category: {3}CUCM-initiated\n/);
  });
});
