import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, migrate, SCHEMA_VERSION } from '../../src/history/history-schema.js';
import { openHistory } from '../../src/history/history-store.js';
import { historyIncidentInput } from '../../src/history/queries/incident-alarms-query.js';
import { RunRecorder } from '../../src/history/run-recorder.js';
import { groupIncidents } from '../../src/incidents/group-incidents.js';
import { DEFAULT_INCIDENT_SETTINGS } from '../../src/incidents/incident.js';
import { historyFolder } from '../helpers/history-files.js';
import { okEntry, sampleAlarm } from '../render/sample-entries.js';

function schemaOf(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').pluck().all() as string[]
  ).map((sql) => sql.replace(/\s+/g, ' '));
}

describe('history schema and migrations', () => {
  it('a file of the first schema, with its data, is upgraded to the current one and keeps every row', async () => {
    const { file, close } = await historyFolder();
    const v1 = new BetterSqlite3(file);
    migrate(v1, 1);
    assert.equal(v1.pragma('user_version', { simple: true }), 1);
    // Rows as the first version wrote them.
    v1.exec(`
      INSERT INTO runs (id, started_at, ended_at, command, inputs, complete, phones, ok, failed)
        VALUES (1, 1700000000000, 1700000060000, 'sweep', '["/etc/unreg/phones.yaml"]', 1, 2, 1, 1);
      INSERT INTO phones (id, identity, device_name, host, site) VALUES
        (1, 'SEP001122334455', 'SEP001122334455', '10.0.0.5', 'tokyo'), (2, '10.0.0.6', NULL, '10.0.0.6', NULL);
      INSERT INTO outcomes VALUES (1, 1, NULL, 812), (1, 2, 'refused', 3);
      INSERT INTO alarms (device, stamp, reason, phone_id, time_ms, reason_name, category, first_section,
                          first_run, first_at, last_run, last_at, sent_run, sent_at)
        VALUES ('SEP001122334455', '2023-11-14T20:00:00.000Z', 10, 1, 1699992000000, 'TCPtimeOut', 'network',
                'unsent', 1, 1700000000000, 1, 1700000000000, NULL, NULL);
    `);
    v1.close();

    const db = await openHistory(file, { create: false });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.deepEqual(db.prepare('SELECT id, command, phones, source FROM runs').all(), [
      { id: 1, command: 'sweep', phones: 2, source: null },
    ]);
    assert.equal(db.prepare('SELECT count(*) FROM outcomes').pluck().get(), 2);
    // The upgraded file records as a new one does: the alarm seen again keeps its first run.
    const recorder = new RunRecorder(db, file, { command: 'parse', inputs: [], startedAt: 1700086400000 });
    const alarm = { ...sampleAlarm({ ReasonForOutOfService: '10' }), deviceName: 'SEP001122334455' };
    recorder.phone(okEntry('10.0.0.5', [{ ...alarm, timestamp: '2023-11-14T20:00:00.000Z', section: 'sent' }]));
    recorder.end(true);
    assert.deepEqual(db.prepare('SELECT first_run, last_run, sent_run FROM alarms').all(), [
      { first_run: 1, last_run: 2, sent_run: 2 },
    ]);
    const upgraded = schemaOf(db);
    db.close();

    // The same schema as a file made new today.
    const fresh = await historyFolder();
    const made = await openHistory(fresh.file, { create: true });
    assert.deepEqual(schemaOf(made), upgraded);
    made.close();
    await fresh.close();
    await close();
  });

  it('schema 3 keeps the alarms of a schema 2 file, without scope fields: they group by site only', async () => {
    const { file, close } = await historyFolder();
    const v2 = new BetterSqlite3(file);
    migrate(v2, 2);
    v2.exec(`
      INSERT INTO runs (id, started_at, ended_at, command, inputs, complete, phones, ok, failed)
        VALUES (1, 1700000000000, 1700000060000, 'sweep', '[]', 1, 3, 3, 0);
      INSERT INTO phones (id, identity, device_name, host, site) VALUES
        (1, 'SEP000000000001', 'SEP000000000001', '10.0.0.1', 'osaka'),
        (2, 'SEP000000000002', 'SEP000000000002', '10.0.0.2', 'osaka'),
        (3, 'SEP000000000003', 'SEP000000000003', '10.0.0.3', 'osaka');
    `);
    const alarm = v2.prepare(`
      INSERT INTO alarms (device, stamp, reason, phone_id, time_ms, reason_name, category, first_section,
                          first_run, first_at, last_run, last_at)
        VALUES (?, ?, 115, ?, ?, 'UnregReasonNoEthLink', 'network', 'unsent', 1, 1700000000000, 1, 1700000000000)`);
    for (const phone of [1, 2, 3]) {
      const time = 1699990000000 + phone * 1000;
      alarm.run(`SEP00000000000${phone}`, new Date(time).toISOString(), phone, time);
    }
    v2.close();

    const db = await openHistory(file, { create: false });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.deepEqual(
      db.prepare('SELECT device, neighbor_device, ipv4_address, ucm_address FROM alarms ORDER BY id').all(),
      [1, 2, 3].map((phone) => ({
        device: `SEP00000000000${phone}`,
        neighbor_device: null,
        ipv4_address: null,
        ucm_address: null,
      })),
    );
    const input = historyIncidentInput(db, undefined, Date.now());
    const [found, ...more] = groupIncidents(input.records, DEFAULT_INCIDENT_SETTINGS, input.sitePhones);
    assert.deepEqual(more, []);
    assert.deepEqual(found?.incident.suspect, { kind: 'site', value: 'osaka', phones: 3 });
    db.close();
    await close();
  });

  it('has one migration per version', () => {
    assert.equal(SCHEMA_VERSION, MIGRATIONS.length);
    assert.ok(SCHEMA_VERSION >= 3);
  });
});
