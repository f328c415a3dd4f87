import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_INCIDENT_SETTINGS } from '../../src/incidents/incident.js';
import { IncidentCollector } from '../../src/incidents/incident-collector.js';
import type { FoundIncident, PhoneEntry } from '../../src/report/report-document.js';
import {
  type AlarmAt,
  addBurst,
  dayAt,
  fleetEntries,
  PHONES_PER_SWITCH,
  phonesWhere,
  randomBackground,
  syntheticAlarm,
  syntheticEntry,
  syntheticPhone,
} from '../helpers/synthetic-fleet.js';

const FLEET = 10_000;
const BACKGROUND_ALARMS = 50_000;

function incidentsOf(entries: readonly PhoneEntry[], settings = DEFAULT_INCIDENT_SETTINGS): FoundIncident[] {
  const collector = new IncidentCollector();
  for (const entry of entries) collector.add(entry);
  return collector.incidents(settings);
}

const devicesOf = (indices: readonly number[]) => indices.map((index) => syntheticPhone(index).device).sort();
const sorted = (devices: readonly string[]) => [...devices].sort();
const onSwitch = (number: number) => phonesWhere(FLEET, (phone) => phone.switch === `sw-${number}`);

describe('incidents on a busy fleet (10,000 phones, 50,000 background alarms at random times)', () => {
  it('background alone forms no incident, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const incidents = incidentsOf(fleetEntries(FLEET, randomBackground(FLEET, BACKGROUND_ALARMS, seed)));
        assert.deepEqual(
          incidents.map((found) => found.incident),
          [],
        );
      }),
      { numRuns: 3, seed: 20261120 },
    );
  });

  it('two switch reloads three minutes apart on one subnet and node stay two incidents', () => {
    const background = randomBackground(FLEET, BACKGROUND_ALARMS, 7);
    const first = onSwitch(100).slice(0, 20);
    const second = onSwitch(101).slice(2, 14);
    addBurst(background, first, dayAt(11), 15_000, 115, 1);
    addBurst(background, second, dayAt(11) + 180_000, 15_000, 115, 2);
    const incidents = incidentsOf(fleetEntries(FLEET, background));
    assert.equal(incidents.length, 2);
    assert.deepEqual(
      incidents.map((found) => found.incident.suspect),
      [
        { kind: 'switch', value: 'sw-100', phones: 20 },
        { kind: 'switch', value: 'sw-101', phones: 12 },
      ],
    );
    assert.deepEqual(sorted(incidents[0]?.incident.devices ?? []), devicesOf(first));
    assert.deepEqual(sorted(incidents[1]?.incident.devices ?? []), devicesOf(second));
    assert.equal(incidents[0]?.suspectPopulation, PHONES_PER_SWITCH);
    assert.deepEqual(incidents[0]?.incident.reasons, [{ code: 115, name: 'UnregReasonNoEthLink', alarms: 20 }]);
  });

  it('two switches of different subnets failing in the same seconds on one node are two switch incidents', () => {
    const background = randomBackground(FLEET, BACKGROUND_ALARMS, 8);
    // sw-1 is on subnet 0 and sw-31 on subnet 3: both on cucm-sub1.
    const first = onSwitch(1);
    const second = onSwitch(31);
    assert.equal(syntheticPhone(first[0] ?? 0).node, syntheticPhone(second[0] ?? 0).node);
    addBurst(background, first, dayAt(20), 10_000, 10, 3);
    addBurst(background, second, dayAt(20) + 4_000, 10_000, 10, 4);
    const incidents = incidentsOf(fleetEntries(FLEET, background));
    assert.deepEqual(incidents.map((found) => found.incident.suspect.value).sort(), ['sw-1', 'sw-31']);
  });

  it('a DHCP scope running dry: part of one subnet over 90 seconds, on many switches, is a subnet incident', () => {
    const background = randomBackground(FLEET, BACKGROUND_ALARMS, 9);
    const subnet = phonesWhere(FLEET, (phone) => phone.subnet === '10.20.12.0/24');
    const dropped = subnet.filter((_, at) => at % 4 === 0);
    addBurst(background, dropped, dayAt(5), 90_000, 16, 5);
    const [incident, ...others] = incidentsOf(fleetEntries(FLEET, background));
    assert.deepEqual(others, []);
    assert.deepEqual(incident?.incident.suspect, { kind: 'subnet', value: '10.20.12.0/24', phones: dropped.length });
    assert.deepEqual(sorted(incident?.incident.devices ?? []), devicesOf(dropped));
    // The subnet's phones this report saw: those with any alarm.
    assert.equal(incident?.suspectPopulation, subnet.filter((index) => background.has(index)).length);
  });

  it("a CUCM node restart: its phones over every site and switch are one incident, the node's", () => {
    const background = randomBackground(FLEET, BACKGROUND_ALARMS, 10);
    const node = phonesWhere(FLEET, (phone) => phone.node === 'cucm-sub2');
    addBurst(background, node, dayAt(17), 45_000, 13, 6);
    const incidents = incidentsOf(fleetEntries(FLEET, background));
    assert.equal(incidents.length, 1);
    assert.deepEqual(incidents[0]?.incident.suspect, { kind: 'cucm', value: 'cucm-sub2', phones: node.length });
    assert.equal(incidents[0]?.incident.phones, node.length);
  });
});

describe('incidents on small reports', () => {
  const at = (seconds: number, code = 10): AlarmAt => ({ time: dayAt(3) + seconds * 1000, code });

  it('a phone whose alarm has an empty neighbour still joins its switch burst; the suspect counts who share it', () => {
    const entries = Array.from({ length: 10 }, (_, index) => {
      const phone = syntheticPhone(index);
      const changes: Record<string, string> = index < 2 ? { NeighborDeviceID: '', NeighborPortID: '' } : {};
      return syntheticEntry(phone, [syntheticAlarm(phone, at(index * 3), changes)]);
    });
    const [found, ...others] = incidentsOf(entries);
    assert.deepEqual(others, []);
    assert.equal(found?.incident.phones, 10);
    assert.deepEqual(found?.incident.suspect, { kind: 'switch', value: 'sw-1', phones: 8 });
    assert.deepEqual(found?.ports[0], { device: syntheticPhone(0).device, switch: null, port: null });
    assert.deepEqual(found?.ports[2], {
      device: syntheticPhone(2).device,
      switch: 'sw-1',
      port: 'GigabitEthernet1/0/3',
    });
  });

  it('empty neighbour fields are never a shared switch', () => {
    // Phones of different subnets, nodes and sites whose alarms all leave the neighbour empty.
    const entries = [0, 300, 600, 900, 1200].map((index, at_) => {
      const phone = syntheticPhone(index);
      const alarm = syntheticAlarm(phone, at(at_), { NeighborDeviceID: '', UnifiedCMIPAddress: `node-${index}` });
      return { ...syntheticEntry(phone, [alarm]), site: null };
    });
    assert.deepEqual(incidentsOf(entries), []);
  });

  it('one phone flapping many times is no incident; a phone with two alarms in a burst counts once', () => {
    const flapper = syntheticPhone(50);
    const flaps = Array.from({ length: 12 }, (_, index) => syntheticAlarm(flapper, at(index * 5)));
    assert.deepEqual(incidentsOf([syntheticEntry(flapper, flaps)]), []);

    const entries = [0, 1, 2].map((index) => {
      const phone = syntheticPhone(index);
      const alarms = [syntheticAlarm(phone, at(index))];
      if (index === 0) alarms.push(syntheticAlarm(phone, at(40, 115)));
      return syntheticEntry(phone, alarms);
    });
    const [found] = incidentsOf(entries);
    assert.equal(found?.incident.phones, 3);
    assert.equal(found?.incident.alarms, 4);
    assert.deepEqual(
      found?.incident.devices,
      [0, 1, 2].map((index) => syntheticPhone(index).device),
    );
    assert.deepEqual(found?.incident.reasons, [
      { code: 10, name: 'TCPtimeOut', alarms: 3 },
      { code: 115, name: 'UnregReasonNoEthLink', alarms: 1 },
    ]);
  });

  it('counts an alarm once when a phone lists it twice or two reports hold it', () => {
    const entries = [0, 1, 2].map((index) => {
      const phone = syntheticPhone(index);
      const alarm = syntheticAlarm(phone, at(index));
      return syntheticEntry(phone, [alarm, { ...alarm, section: 'unsent' }]);
    });
    const [found] = incidentsOf([...entries, ...entries]);
    assert.equal(found?.incident.alarms, 3);
    assert.equal(found?.incident.phones, 3);
  });

  it('orders incidents by start and numbers them; the window and the floor are settings', () => {
    const burst = (first: number, seconds: number) =>
      [0, 1, 2].map((offset) => {
        const phone = syntheticPhone(first + offset);
        return syntheticEntry(phone, [syntheticAlarm(phone, at(seconds + offset * 50))]);
      });
    const entries = [...burst(48, 7200), ...burst(0, 0)];
    const found = incidentsOf(entries);
    assert.deepEqual(
      found.map(({ incident }) => [incident.id, incident.suspect.value, incident.start < incident.end]),
      [
        [1, 'sw-1', true],
        [2, 'sw-3', true],
      ],
    );
    assert.deepEqual(incidentsOf(entries, { windowMs: 60_000, minPhones: 3 }), []);
    assert.deepEqual(incidentsOf(entries, { windowMs: 120_000, minPhones: 4 }), []);
  });
});
