import assert from 'node:assert/strict';

/** A strict RFC 4180 reader: CRLF records, quoted cells, "" for a quote. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let at = 0;
  while (at < text.length) {
    if (text[at] === '"' && cell === '') {
      let end = at + 1;
      for (;;) {
        const quote = text.indexOf('"', end);
        assert.ok(quote >= 0, 'unclosed quote');
        if (text[quote + 1] === '"') end = quote + 2;
        else {
          cell = text.slice(at + 1, quote).replaceAll('""', '"');
          at = quote + 1;
          break;
        }
      }
      assert.ok(text[at] === ',' || text.startsWith('\r\n', at), `text after a closing quote at ${at}`);
      continue;
    }
    if (text[at] === ',') {
      record.push(cell);
      cell = '';
      at += 1;
    } else if (text.startsWith('\r\n', at)) {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      at += 2;
    } else {
      assert.ok(!['"', '\r', '\n'].includes(text[at] ?? ''), `unquoted ${JSON.stringify(text[at])} at ${at}`);
      cell += text[at];
      at += 1;
    }
  }
  assert.equal(cell + record.join(''), '', 'the last record has no CRLF');
  return records;
}
