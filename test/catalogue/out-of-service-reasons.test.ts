import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REASON_CATEGORIES } from '../../src/catalogue/categories.js';
import {
  findOutOfServiceReason,
  OUT_OF_SERVICE_REASONS,
  outOfServiceReasonByCode,
} from '../../src/catalogue/out-of-service-reasons.js';

// Every code of the seed document's ReasonForOutOfService table.
const SEED_CODES = [
  10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 23, 24, 25, 26, 30, 31, 32, 33, 34, 41, 100, 101, 102, 103, 104, 105, 106,
  107, 108, 109, 110, 111, 113, 114, 115, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210,
];

describe('ReasonForOutOfService catalogue', () => {
  it('holds exactly the codes of the seed table, each once', () => {
    assert.deepEqual(
      OUT_OF_SERVICE_REASONS.map((reason) => reason.code),
      SEED_CODES,
    );
  });

  it('gives every code a name, a category, a meaning and a check-next line', () => {
    for (const reason of OUT_OF_SERVICE_REASONS) {
      assert.match(reason.name, /^[A-Za-z]+$/, `code ${reason.code}`);
      assert.ok(reason.category in REASON_CATEGORIES, `code ${reason.code}`);
      assert.ok(reason.meaning.length > 10 && reason.checkNext.length > 5, `code ${reason.code}`);
    }
  });

  it('knows the seed names of the table ends', () => {
    assert.equal(outOfServiceReasonByCode(10)?.name, 'TCPtimeOut');
    assert.equal(outOfServiceReasonByCode(16)?.name, 'TCPdeviceLostIPAddress');
    assert.equal(outOfServiceReasonByCode(210)?.name, 'DeviceUnregExceededLoginCount');
  });

  it('finds codes by the short names phone firmware shows', () => {
    const aliases: [string, number][] = [
      ['TCP-timeout', 10],
      ['CM-reset-TCP', 12],
      ['CM-aborted-TCP', 13],
      ['CM-closed-TCP', 14],
      ['Failback', 18],
      ['Phone-Keypad', 20],
      ['Reset-Reset', 22],
      ['Reset-Restart', 23],
      ['Phone-Reg-Rej', 24],
      ['Initialized', 25],
    ];
    for (const [alias, code] of aliases) assert.equal(findOutOfServiceReason(alias)?.code, code, alias);
  });

  it('finds by code, case-insensitive name, and spaced seed names', () => {
    assert.equal(findOutOfServiceReason(' 16 ')?.name, 'TCPdeviceLostIPAddress');
    assert.equal(findOutOfServiceReason('tcptimeout')?.code, 10);
    assert.equal(findOutOfServiceReason('Dial Plan Mismatch')?.code, 103);
    assert.equal(findOutOfServiceReason('99'), undefined);
    assert.equal(findOutOfServiceReason('KeepAliveTimeout'), undefined, 'a CUCM name is not a phone code');
  });

  it('never gives two codes the same name or alias', () => {
    const names = OUT_OF_SERVICE_REASONS.flatMap((reason) =>
      [reason.name, ...reason.aliases].map((n) => n.toLowerCase()),
    );
    assert.equal(new Set(names).size, names.length);
  });
});
