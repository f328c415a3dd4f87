import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryFromTranscript, failedEntry } from '../../src/report/phone-entry.js';
import { sampleAlarm, target } from '../render/sample-entries.js';

const TARGET = target('10.0.0.1', { name: 'lobby', site: 'Tokyo', tags: ['floor-1'] });

describe('entryFromTranscript', () => {
  it('decodes every alarm of a transcript read without failure', () => {
    const parsed = {
      alarms: [
        { section: 'sent' as const, name: 'LastOutOfServiceInformation', params: { ReasonForOutOfService: '16' } },
      ],
      warnings: ['alarm 2 was cut off'],
      failure: null,
    };
    const entry = entryFromTranscript(TARGET, parsed, 42);
    assert.deepEqual(
      { ...entry, alarms: entry.alarms.map((a) => [a.section, a.reasonCode, a.reasonName, a.category]) },
      {
        host: '10.0.0.1',
        port: 22,
        name: 'lobby',
        site: 'Tokyo',
        tags: ['floor-1'],
        status: 'ok',
        error: null,
        durationMs: 42,
        alarms: [['sent', 16, 'TCPdeviceLostIPAddress', 'network']],
        warnings: ['alarm 2 was cut off'],
      },
    );
  });

  it('marks the entry failed, with the parser failure as its error', () => {
    const failure = { kind: 'unsupported' as const, message: 'the phone does not know show unreg' };
    const entry = entryFromTranscript(TARGET, { alarms: [], warnings: [], failure }, 5);
    assert.equal(entry.status, 'failed');
    assert.deepEqual(entry.error, failure);
  });

  it('copies the tags rather than sharing the target array', () => {
    const tags = ['a'];
    const entry = entryFromTranscript(target('h', { tags }), { alarms: [], warnings: [], failure: null }, 0);
    tags.push('b');
    assert.deepEqual(entry.tags, ['a']);
  });
});

describe('failedEntry', () => {
  it('is failed with its error, no alarm and no warning unless given some', () => {
    const error = { kind: 'timeout' as const, message: 'no answer (phase: connect)' };
    assert.deepEqual(failedEntry(TARGET, error, 20_000), {
      host: '10.0.0.1',
      port: 22,
      name: 'lobby',
      site: 'Tokyo',
      tags: ['floor-1'],
      status: 'failed',
      error,
      durationMs: 20_000,
      alarms: [],
      warnings: [],
    });
    const partial = failedEntry(TARGET, error, 1, { alarms: [sampleAlarm()], warnings: ['cut off'] });
    assert.equal(partial.alarms.length, 1);
    assert.deepEqual(partial.warnings, ['cut off']);
  });
});
