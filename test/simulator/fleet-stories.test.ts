import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INCIDENT_SETTINGS } from '../../src/incidents/incident.js';
import { IncidentCollector } from '../../src/incidents/incident-collector.js';
import { decodeAlarm } from '../../src/report/decode-alarm.js';
import type { PhoneEntry } from '../../src/report/report-document.js';
import { type PhonePlan, planFleet } from '../../src/simulator/fleet-plan.js';
import { truthIncidents } from '../../src/simulator/fleet-truth.js';

const PLACE_PARAMETERS = [
  'NeighborDeviceID',
  'NeighborPortID',
  'DeviceIPv4Address',
  'IPv4DefaultGateway',
  'VoiceVLAN',
  'UnifiedCMIPAddress',
];

function entryOf(plan: PhonePlan): PhoneEntry {
  return {
    host: plan.host,
    port: 22,
    name: plan.name,
    site: plan.site,
    tags: [],
    status: 'ok',
    error: null,
    durationMs: 1,
    alarms: plan.alarms.map(decodeAlarm),
    warnings: [],
  };
}

describe('the simulated fleet tells stories', () => {
  it("gives a phone's alarms one place in the network: neighbour, port, address, gateway, VLAN, node", () => {
    for (const phone of planFleet({ phones: 400, seed: 6, legacy: 0, failures: {} })) {
      const { place } = phone;
      const expected = [place.switch, place.port, place.address, place.gateway, place.vlan, place.node];
      for (const alarm of phone.alarms) {
        assert.deepEqual(
          PLACE_PARAMETERS.map((name) => alarm.params[name]),
          expected,
        );
      }
    }
  });

  it('plays a switch reload, a DHCP scope running dry and a CUCM node restart, and two flapping phones', () => {
    const fleet = planFleet({ phones: 500, seed: 8, legacy: 0, failures: {} });
    const incidents = truthIncidents(fleet);
    assert.deepEqual(
      incidents.map((incident) => [incident.story, incident.suspect.kind]),
      [
        ['switch-reload', 'switch'],
        ['dhcp-scope-exhausted', 'subnet'],
        ['cucm-node-restart', 'cucm'],
      ],
    );
    const [reload, dhcp, restart] = incidents;
    const onSwitch = fleet.filter((phone) => phone.place.switch === reload?.suspect.value);
    assert.deepEqual(reload?.devices.slice().sort(), onSwitch.map((phone) => phone.name).sort());
    const onSubnet = fleet.filter((phone) => phone.place.subnet === dhcp?.suspect.value);
    assert.equal(dhcp?.devices.length, Math.ceil(onSubnet.length / 2));
    const onNode = fleet.filter((phone) => phone.place.node === restart?.suspect.value);
    const flappers = fleet.filter((phone) => phone.alarms.length === 5 && phone.stories.length === 0);
    assert.equal(restart?.devices.length, onNode.length - flappers.filter((phone) => onNode.includes(phone)).length);
    assert.equal(flappers.length, 2);
    assert.ok(fleet.every((phone) => phone.stories.length <= 3 && phone.alarms.length <= 5));
  });

  it('grouping the fleet finds exactly the truth: suspects and devices', () => {
    for (const seed of [1, 2, 3]) {
      const fleet = planFleet({ phones: 2000, seed, legacy: 0, failures: {} });
      const collector = new IncidentCollector();
      for (const phone of fleet) collector.add(entryOf(phone));
      const found = collector.incidents(DEFAULT_INCIDENT_SETTINGS).map(({ incident }) => ({
        kind: incident.suspect.kind,
        value: incident.suspect.value,
        devices: [...incident.devices].sort(),
      }));
      const truth = truthIncidents(fleet).map((incident) => ({
        ...incident.suspect,
        devices: [...incident.devices].sort(),
      }));
      assert.deepEqual(found, truth, `seed ${seed}`);
    }
  });

  it('tells no story on fleets too small for one, and keeps the truth to stories enough phones report', () => {
    assert.deepEqual(truthIncidents(planFleet({ phones: 12, seed: 1, legacy: 0, failures: {} })), []);
    const failing = planFleet({ phones: 30, seed: 1, legacy: 0, failures: { refused: 8, hang: 8 } });
    for (const incident of truthIncidents(failing)) {
      const reporters = failing.filter((phone) => incident.devices.includes(phone.name));
      assert.ok(reporters.every((phone) => phone.mode === 'ok' || phone.mode === 'slow' || phone.mode === 'drop'));
      assert.ok(incident.devices.length >= 3);
    }
  });
});
