import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PhonePlan, planFleet } from '../../src/simulator/fleet-plan.js';
import { FAILURE_MODES } from '../../src/simulator/phone-modes.js';

const EACH_MODE_ONCE = Object.fromEntries(FAILURE_MODES.map((mode) => [mode, 1]));

describe('planFleet', () => {
  it('gives the same fleet for the same seed, and another for another seed', () => {
    const options = { phones: 40, seed: 9, legacy: 3, failures: EACH_MODE_ONCE };
    assert.deepEqual(planFleet(options), planFleet(options));
    const other = planFleet({ ...options, seed: 10 });
    assert.notDeepEqual(
      other.map((phone) => phone.name),
      planFleet(options).map((phone) => phone.name),
    );
  });

  it('keeps a phone identity, place and background alarms whatever the fleet size and failures', () => {
    const small = planFleet({ phones: 50, seed: 3, legacy: 0, failures: {} });
    const large = planFleet({ phones: 300, seed: 3, legacy: 2, failures: { hang: 4 } });
    // The fleet's stories (incidents, flapping phones) are the fleet's own: left out here.
    const background = (phone: PhonePlan) => {
      const stories = new Set(phone.stories.map((story) => String(story.time)));
      return phone.alarms
        .filter((alarm) => !stories.has(alarm.params.TimeStamp ?? ''))
        .map((alarm) => `${alarm.params.TimeStamp} ${alarm.params.ReasonForOutOfService}`)
        .sort();
    };
    const flapping = (phone: PhonePlan | undefined) => (phone?.alarms.length ?? 0) >= 5 && phone?.stories.length === 0;
    for (const phone of small) {
      const same = large[phone.index];
      assert.equal(same?.name, phone.name);
      assert.deepEqual(same?.place, phone.place);
      if (same !== undefined && !flapping(same) && !flapping(phone))
        assert.deepEqual(background(same), background(phone));
    }
  });

  it('puts each failure mode and legacy on distinct phones, as many as asked', () => {
    const phones = planFleet({ phones: 30, seed: 1, legacy: 4, failures: { ...EACH_MODE_ONCE, hang: 3 } });
    const count = (mode: string) => phones.filter((phone) => phone.mode === mode).length;
    for (const mode of FAILURE_MODES) assert.equal(count(mode), mode === 'hang' ? 3 : 1, mode);
    const legacy = phones.filter((phone) => phone.legacy);
    assert.equal(legacy.length, 4);
    assert.ok(legacy.every((phone) => phone.mode === 'ok' && phone.tags.includes('legacy')));
    assert.equal(count('ok'), 30 - FAILURE_MODES.length - 2);
  });

  it('addresses phones 127.0.1.1 upwards, one device name each, 0 to 5 alarms', () => {
    const phones = planFleet({ phones: 600, seed: 2, legacy: 0, failures: {} });
    assert.deepEqual(
      [0, 253, 254, 599].map((index) => phones[index]?.host),
      ['127.0.1.1', '127.0.1.254', '127.0.2.1', '127.0.3.92'],
    );
    assert.equal(new Set(phones.map((phone) => phone.host)).size, 600);
    assert.ok(phones.every((phone) => phone.alarms.length <= 5));
    assert.ok(phones.some((phone) => phone.alarms.length === 0));
    assert.ok(phones.every((phone) => phone.alarms.every((alarm) => alarm.params.DeviceName === phone.name)));
    // Each phone's own address, a host of its /24 (.1 to .250), never the gateway's.
    const addresses = phones.flatMap((phone) => phone.alarms.slice(0, 1).map((a) => a.params.DeviceIPv4Address ?? ''));
    assert.equal(new Set(addresses).size, addresses.length);
    for (const address of addresses) {
      const host = Number(/^10\.\d+\.\d+\.(\d+)\/24$/.exec(address)?.[1]);
      assert.ok(host >= 1 && host <= 250, address);
    }
  });

  it('prints sent alarms before unsent ones', () => {
    for (const phone of planFleet({ phones: 100, seed: 5, legacy: 0, failures: {} })) {
      const sections = phone.alarms.map((alarm) => alarm.section).join(',');
      assert.doesNotMatch(sections, /unsent,sent/);
    }
  });

  it('gives a phone that drops mid-output at least one alarm to drop in', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const dropper = planFleet({ phones: 3, seed, legacy: 0, failures: { drop: 3 } });
      assert.ok(dropper.every((phone) => phone.alarms.length >= 1));
    }
  });

  it('makes the 6900 series phones a role of their own: a 6900 model, on phones of no other role', () => {
    const phones = planFleet({ phones: 30, seed: 4, legacy: 3, cp6900: 5, failures: EACH_MODE_ONCE });
    const cp6900 = phones.filter((phone) => phone.cp6900);
    assert.equal(cp6900.length, 5);
    assert.ok(cp6900.every((phone) => phone.mode === 'ok' && !phone.legacy && /^CP-69\d\d$/.test(phone.model)));
    assert.ok(cp6900.every((phone) => phone.alarms.every((alarm) => alarm.params.ModelNumber === phone.model)));
    // Any other phone is a model whose debug login is debug/debug.
    assert.ok(phones.filter((phone) => !phone.cp6900).every((phone) => !phone.model.startsWith('CP-69')));
  });

  it('refuses more failure, legacy and 6900 phones than the fleet has, and bad sizes', () => {
    assert.throws(
      () => planFleet({ phones: 2, seed: 1, legacy: 1, failures: { hang: 2 } }),
      /3 failure, legacy and 6900 phones were asked for, but the fleet has only 2 phones/,
    );
    assert.throws(() => planFleet({ phones: 0, seed: 1, legacy: 0, failures: {} }), /must be 1 to 64770, not 0/);
    assert.throws(() => planFleet({ phones: 70000, seed: 1, legacy: 0, failures: {} }), /not 70000/);
  });
});
