import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeAttribute, escapeText, scriptJson } from '../../../src/render/html/html-escape.js';

/** What an HTML parser makes of our entities. */
function decodeEntities(html: string): string {
  return html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('escapeText and escapeAttribute', () => {
  it('write markup characters as entities', () => {
    assert.equal(escapeText('<b>"a" & \'b\'</b>'), '&lt;b&gt;"a" &amp; \'b\'&lt;/b&gt;');
    assert.equal(escapeAttribute("\"><x a='1'>&"), '&quot;&gt;&lt;x a=&#39;1&#39;&gt;&amp;');
  });

  it('leave no < or > (and, in attributes, no quote) and decode back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        assert.doesNotMatch(escapeText(text), /[<>]/);
        assert.doesNotMatch(escapeAttribute(text), /[<>"']/);
        assert.equal(decodeEntities(escapeText(text)), text);
        assert.equal(decodeEntities(escapeAttribute(text)), text);
      }),
    );
  });
});

describe('scriptJson', () => {
  it('holds no character that could end or change a script element, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const item of [value, text, `</script>${text}<!--\u2028\u2029&`]) {
          const json = scriptJson(item);
          assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
          assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(item)));
        }
      }),
    );
  });
});
