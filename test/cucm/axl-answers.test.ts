import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readListPhone, suggestedRowFetch, supportedAxlVersions } from '../../src/cucm/axl-answers.js';
import { readSoapAnswer } from '../../src/cucm/soap-answer.js';

function body(xml: string) {
  const answer = readSoapAnswer(
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${xml}</soapenv:Body></soapenv:Envelope>`,
  );
  assert.equal(answer.kind, 'body');
  return answer.kind === 'body' ? answer.body : {};
}

describe('AXL answers', () => {
  it('reads listPhone rows, one phone being a list of one, attributes ignored', () => {
    const rows = readListPhone(
      body(
        '<ns:listPhoneResponse xmlns:ns="http://www.cisco.com/AXL/API/14.0"><return><phone uuid="{A}"><name>SEP0123</name>' +
          '<description>Lobby &amp; "A"</description><model>Cisco 8845</model><devicePoolName uuid="{B}">Default</devicePoolName></phone></return></ns:listPhoneResponse>',
      ),
    );
    assert.deepEqual(rows, [
      { name: 'SEP0123', description: 'Lobby & "A"', model: 'Cisco 8845', devicePool: 'Default' },
    ]);
  });

  it('reads an empty page (past the end) as no rows, and another answer as none', () => {
    assert.deepEqual(readListPhone(body('<ns:listPhoneResponse xmlns:ns="u"><return/></ns:listPhoneResponse>')), []);
    assert.equal(readListPhone(body('<ns:getPhoneResponse xmlns:ns="u"/>')), null);
  });

  it("reads the suggested page size in both of CUCM's spellings", () => {
    assert.equal(
      suggestedRowFetch(
        'Query request too large. Total rows matched: 2816 rows. Suggestive Row Fetch: less than 844 rows',
      ),
      844,
    );
    assert.equal(
      suggestedRowFetch(
        'Query request too large. Total rows matched: 12000 rows. Suggested row fetch: less than 3000.',
      ),
      3000,
    );
    assert.equal(suggestedRowFetch('Item not valid: The specified Phone was not found'), null);
  });

  it('reads the versions named by the 599 page for an unsupported AXL version', () => {
    const page =
      '<html><body><div id="content-header">HTTP Status 599 - Incorrect axl version. Supported axl versions are 12.x, 14.0 and 15.0</div></body></html>';
    assert.equal(supportedAxlVersions(page), '12.x, 14.0 and 15.0');
    assert.equal(supportedAxlVersions('<title>HTTP Status 503</title>'), null);
  });
});
