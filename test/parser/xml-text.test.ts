import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeXmlText } from '../../src/parser/xml-text.js';

describe('decodeXmlText', () => {
  it('decodes the five predefined entities once', () => {
    assert.equal(decodeXmlText('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &amp;lt;'), `<a> & "b" 'c' &lt;`);
  });

  it('decodes decimal and hexadecimal character references, astral ones included', () => {
    assert.equal(decodeXmlText('&#233;&#x1F4DE;&#X41;'), 'é📞&#X41;');
  });

  it('leaves other names, NUL, surrogates and out-of-range references literal', () => {
    for (const text of ['&xxe;', '&nbsp;', '&#0;', '&#xD800;', '&#x110000;', '&#12345678;', '& amp;', '&amp']) {
      assert.equal(decodeXmlText(text), text);
    }
  });
});
