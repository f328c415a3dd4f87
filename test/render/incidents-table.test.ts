import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colourFor } from '../../src/render/colour.js';
import { TableRenderer } from '../../src/render/table-renderer.js';
import type { PhoneEntry } from '../../src/report/report-document.js';
import { dayAt, syntheticAlarm, syntheticEntry, syntheticPhone } from '../helpers/synthetic-fleet.js';
import { failed, renderAll } from './sample-entries.js';

const table = (entries: readonly PhoneEntry[], detail = false) =>
  renderAll(new TableRenderer({ detail, colour: colourFor(false), width: null }), entries);

/** Phones 0-4 of sw-1 drop within seconds; phone 30 (sw-2) long before. */
function switchBurst(): PhoneEntry[] {
  const burst = [0, 1, 2, 3, 4].map((index) => {
    const phone = syntheticPhone(index);
    const changes: Record<string, string> = index === 4 ? { NeighborDeviceID: '' } : {};
    return syntheticEntry(phone, [syntheticAlarm(phone, { time: dayAt(2) + index * 2000, code: 10 }, changes)]);
  });
  const other = syntheticPhone(30);
  return [...burst, syntheticEntry(other, [syntheticAlarm(other, { time: dayAt(1), code: 10 })])];
}

describe('TableRenderer: incidents and grouped failures', () => {
  it('puts the Incidents section first: when, phones, the suspect in words, the main reasons', () => {
    const text = table(switchBurst());
    assert.ok(text.startsWith('Incidents\n'), text);
    assert.ok(text.indexOf('Incidents') < text.indexOf('ReasonForOutOfService'));
    assert.match(
      text,
      /║ 1 │ \d{4}-\d\d-\d\d 00:00:00 │ +8s │ +5 │ switch sw-1, 4 of its 4 phones, and 1 whose alarm names no switch │ 5 TCPtimeOut ║/,
    );
    assert.doesNotMatch(text, /GigabitEthernet/);
  });

  it('--detail lists each device with its switch and port', () => {
    const text = table(switchBurst(), true);
    assert.match(
      text,
      new RegExp(`${syntheticPhone(0).device} sw-1 GigabitEthernet1/0/1  ${syntheticPhone(1).device}`),
    );
    assert.match(text, new RegExp(`${syntheticPhone(4).device} \\(no switch\\) GigabitEthernet1/0/5`));
  });

  it('has no Incidents section without a burst', () => {
    assert.ok(table(switchBurst().slice(3)).startsWith('ReasonForOutOfService'));
  });

  it('says in one line when many phones of a site or subnet fail the same way, before the list', () => {
    const osaka = Array.from({ length: 5 }, (_, index) =>
      index < 4
        ? failed(`10.9.8.${index + 1}`, { kind: 'unreachable', message: 'no route' }, { site: 'osaka' })
        : failed('10.9.8.5', { kind: 'timeout', message: 'connect' }, { site: 'osaka' }),
    );
    const hosts = ['10.7.7.1', '10.7.7.2', '10.7.7.3'].map((host) =>
      failed(host, { kind: 'ssh-auth', message: 'refused' }, { site: 'tokyo' }),
    );
    const tokyo = ['10.7.6.1', '10.7.6.2', '10.7.6.3', '10.7.6.4'].map((host) => ({
      ...syntheticEntry(syntheticPhone(0), []),
      host,
      site: 'tokyo',
    }));
    const text = table([...osaka, ...hosts, ...tokyo]);
    const failedSection = text.slice(text.indexOf('Failed'));
    const lines = failedSection.split('\n').slice(1, 3);
    assert.deepEqual(lines, ['site osaka: 4 of 5 phones unreachable', 'hosts 10.7.7.0/24: 3 of 3 phones ssh-auth']);
    // The osaka subnet's line would repeat the site's: left out. Tokyo's 3 of 7 is under half.
    assert.doesNotMatch(text, /10\.9\.8\.0\/24|site tokyo/);
  });
});
