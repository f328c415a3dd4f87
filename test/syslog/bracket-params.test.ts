import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBracketParams } from '../../src/syslog/bracket-params.js';

describe('parseBracketParams', () => {
  it('reads values with spaces, =, : and non-ASCII text', () => {
    const text =
      '%[DeviceName=SEP1][Description=会議室 a=b][LastProtocolEventSent=Sent:REGISTER sip:x SIP/2.0][Empty=]: tail';
    assert.deepEqual(parseBracketParams(text, 0), {
      params: {
        DeviceName: 'SEP1',
        Description: '会議室 a=b',
        LastProtocolEventSent: 'Sent:REGISTER sip:x SIP/2.0',
        Empty: '',
      },
    });
  });

  it('keeps a ] inside a value when it is not followed by [, : or a space', () => {
    assert.deepEqual(parseBracketParams('%[Description=a]b][Reason=13]', 0), {
      params: { Description: 'a]b', Reason: '13' },
    });
  });

  it('keeps brackets a description or an IPv6 SIP URI holds, up to the next [Key= or the list end', () => {
    assert.deepEqual(parseBracketParams('%[Description=Room [A] 3F][Reason=13][NodeID=n1]: An endpoint', 0), {
      params: { Description: 'Room [A] 3F', Reason: '13', NodeID: 'n1' },
    });
    const sip = '%[LastProtocolEventSent=Sent:REGISTER sip:[2001:db8::10]:5060 SIP/2.0][ClusterID=C1][NodeID=n2]:';
    assert.deepEqual(parseBracketParams(sip, 0), {
      params: { LastProtocolEventSent: 'Sent:REGISTER sip:[2001:db8::10]:5060 SIP/2.0', ClusterID: 'C1', NodeID: 'n2' },
    });
    assert.deepEqual(parseBracketParams('%[Description=[x] y]', 0), { params: { Description: '[x] y' } });
  });

  it('ends the list at its own last ], whatever brackets the message after it holds', () => {
    for (const tail of [' An endpoint has unregistered [code 5]', ':msg [a]', ' [Extra=1]']) {
      assert.deepEqual(parseBracketParams(`%[DeviceName=SEP1][Reason=13]${tail}`, 0), {
        params: { DeviceName: 'SEP1', Reason: '13' },
      });
    }
    assert.deepEqual(parseBracketParams('%[Description=a[b][Reason=13]', 0), {
      params: { Description: 'a[b', Reason: '13' },
    });
  });

  it('decodes the CiscoLog escapes \\[, \\] and \\\\ in values, which never end a value', () => {
    assert.deepEqual(parseBracketParams('%[Description=Room \\[A\\] 3F][Reason=13]: An endpoint', 0), {
      params: { Description: 'Room [A] 3F', Reason: '13' },
    });
    // An escaped ] followed by a space or [ would end an unescaped value there.
    assert.deepEqual(parseBracketParams('%[Description=a\\] b\\][x][Reason=13]', 0), {
      params: { Description: 'a] b][x', Reason: '13' },
    });
    assert.deepEqual(parseBracketParams('%[Path=C:\\\\temp\\\\][Reason=13]', 0), {
      params: { Path: 'C:\\temp\\', Reason: '13' },
    });
    // A backslash before anything else is no escape: kept as written.
    assert.deepEqual(parseBracketParams('%[Path=C:\\temp][Reason=13]', 0), {
      params: { Path: 'C:\\temp', Reason: '13' },
    });
  });

  it('starts at the given column and stops at the end of the list', () => {
    const text = 'x: %[A=1][B=2] An endpoint has unregistered.';
    assert.deepEqual(parseBracketParams(text, 3), { params: { A: '1', B: '2' } });
  });

  it('says where a list is cut short or has no key', () => {
    assert.match(errorOf(parseBracketParams('%[A=1][Reason=13', 0)), /\[Reason=\.\.\. is not closed/);
    assert.match(errorOf(parseBracketParams('%[=1]', 0)), /expected Key= at column 3/);
    assert.match(errorOf(parseBracketParams('%[no equals sign]', 0)), /expected Key=/);
    assert.match(errorOf(parseBracketParams('%A=1', 0)), /expected \[Key=Value\] at column 2/);
  });
});

function errorOf(result: ReturnType<typeof parseBracketParams>): string {
  assert.ok('error' in result, 'expected an error');
  return result.error;
}
