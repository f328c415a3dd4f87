import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YamlNode } from '../../src/inventory/yaml-nodes.js';
import { readYamlTree, STREAMED } from '../../src/inventory/yaml-tree.js';

/** A node as `value@line`, `{key: value}@line`, `[items]@line`: what the inventory's checks see. */
function show(node: YamlNode | null): string {
  if (node === null) return 'none';
  if (node.kind === 'scalar') {
    const value = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
    return `${value}@${node.line}`;
  }
  if (node.kind === 'sequence') return `[${node.items.map(show).join(', ')}]@${node.line}`;
  const pairs: string[] = [];
  for (let index = 0; index < node.keysAndValues.length; index += 2) {
    pairs.push(`${show(node.keysAndValues[index] ?? null)}: ${show(node.keysAndValues[index + 1] ?? null)}`);
  }
  return `{${pairs.join(', ')}}@${node.line}`;
}

function tree(text: string): string {
  const read = readYamlTree(text);
  assert.ok(read.ok, read.ok ? '' : `${read.line}: ${read.message}`);
  return show(read.root);
}

function error(text: string): string {
  const read = readYamlTree(text);
  assert.ok(!read.ok, 'read without error');
  return `${read.line}: ${read.message}`;
}

describe('readYamlTree', () => {
  it('reads YAML 1.2 core values as the yaml package did: 0123 a number, yes text, 0b101 text, -.5 a number', () => {
    assert.equal(
      tree('a: 0123\nb: yes\nc: 0b101\nd: -.5\ne: ~\nf: True\ng: 0x16\nh: +0x1\ni: "0123"\nj: .inf\n'),
      '{"a"@1: 123@1, "b"@2: "yes"@2, "c"@3: "0b101"@3, "d"@4: -0.5@4, "e"@5: null@5, "f"@6: true@6, ' +
        '"g"@7: 22@7, "h"@8: "+0x1"@8, "i"@9: "0123"@9, "j"@10: Infinity@10}@1',
    );
  });

  it('keeps the offsets of each value as written, to quote it', () => {
    const text = 'port: "22"\nname: 0123 # a comment\nlist:\n  - &x 1e3\n';
    const read = readYamlTree(text);
    assert.ok(read.ok && read.root?.kind === 'mapping');
    const values = read.root.keysAndValues.filter((_, index) => index % 2 === 1) as YamlNode[];
    const written = (node: YamlNode) => text.slice(node.start, node.end).trim();
    assert.deepEqual(values.slice(0, 2).map(written), ['"22"', '0123']);
    const list = values[2];
    assert.ok(list?.kind === 'sequence');
    assert.deepEqual(list.items.map(written), ['1e3']);
  });

  it('pairs keys and values of flow and block mappings, a key with nothing after it having none', () => {
    assert.equal(
      tree('g: { debug_username: admin, debug_password: "" }\nempty:\nnothing: ~\nflow: {a, b: , c: 1}\n'),
      '{"g"@1: {"debug_username"@1: "admin"@1, "debug_password"@1: ""@1}@1, "empty"@2: none, ' +
        '"nothing"@3: null@3, "flow"@4: {"a"@4: none, "b"@4: none, "c"@4: 1@4}@4}@1',
    );
  });

  it('gives a value on its own line that line, and a comment before it is skipped', () => {
    assert.equal(
      tree('k: # why\n  v\nphones:\n  host: a\nm:\n  [a]\nn:\n  - [b, c]\n'),
      '{"k"@1: "v"@2, "phones"@3: {"host"@4: "a"@4}@4, "m"@5: ["a"@6]@6, "n"@7: [["b"@8, "c"@8]@8]@8}@1',
    );
  });

  it('puts back list entries with nothing after their `-`, at their own line (LF and CR LF)', () => {
    const expected = '{"phones"@1: [null@2, {"host"@3: "a"@3}@3, null@4, null@5, null@6]@2, "b"@7: 1@7}@1';
    const text = 'phones:\n  -\n  - host: a\n  - # nothing\n  - ~\n  -\nb: 1\n';
    assert.equal(tree(text), expected);
    assert.equal(tree(text.replaceAll('\n', '\r\n')), expected);
    assert.equal(tree('a:\n- x\n-\n- "multi\n  line"\n-\n'), '{"a"@1: ["x"@2, null@3, "multi line"@4, null@6]@2}@1');
  });

  it('finds an empty entry after any kind of entry: a mapping left open, a block scalar, a flow pair, a comment', () => {
    assert.equal(tree('- a:\n-\n'), '[{"a"@1: none}@1, null@2]@1');
    assert.equal(tree('- |\n  x\n  - y\n-\n'), '["x\\n- y\\n"@1, null@4]@1');
    assert.equal(
      tree('- [a: 1, b]\n-\n- {c: [d]} # - e\n-\n'),
      '[[{"a"@1: 1@1}@1, "b"@1]@1, null@2, {"c"@3: ["d"@3]@3}@3, null@4]@1',
    );
    assert.equal(tree('- &x-\n-\n- *x-\n'), '[null@1, null@2, null@1]@1');
    assert.equal(tree('a:\n  - "q - "\n  -\n  - !!str\n  -\n'), '{"a"@1: ["q - "@2, null@3, ""@4, null@5]@2}@1');
  });

  it('keeps a repeated key twice, each at its line', () => {
    assert.equal(tree('a:\n  site: x\n  site: y\n'), '{"a"@1: {"site"@2: "x"@2, "site"@3: "y"@3}@2}@1');
  });

  it('replaces an alias by the node its anchor names, at the anchor line', () => {
    assert.equal(
      tree('d: &x\n  u: 0123\np:\n  - *x\n  - name: &h n1\n    host: *h\n'),
      '{"d"@1: {"u"@2: 123@2}@2, "p"@3: [{"u"@2: 123@2}@2, {"name"@5: "n1"@5, "host"@6: "n1"@5}@5]@4}@1',
    );
  });

  it('merges keys (<<) as YAML does: own keys first and winning, lists of aliases in order, lines kept', () => {
    assert.equal(
      tree('b: &b\n  u: x\n  s: y\ng:\n  <<: *b\n  s: z\n'),
      '{"b"@1: {"u"@2: "x"@2, "s"@3: "y"@3}@2, "g"@4: {"s"@6: "z"@6, "u"@2: "x"@2}@5}@1',
    );
    assert.equal(
      tree('a: &a {u: 1}\nb: &b {u: 2, v: 2}\nc: {<<: [*a, *b]}\n'),
      '{"a"@1: {"u"@1: 1@1}@1, "b"@2: {"u"@2: 2@2, "v"@2: 2@2}@2, "c"@3: {"u"@1: 1@1, "v"@2: 2@2}@3}@1',
    );
  });

  it('keeps a quoted "<<" and a << that names no mapping as ordinary keys', () => {
    assert.equal(tree('a: &a {u: 1}\nc: {"<<": *a}\n'), '{"a"@1: {"u"@1: 1@1}@1, "c"@2: {"<<"@2: {"u"@1: 1@1}@1}@2}@1');
    assert.equal(tree('c:\n  <<: 5\n'), '{"c"@1: {"<<"@2: 5@2}@2}@1');
  });

  it('reads explicit keys and a pair inside a flow list as YAML does', () => {
    assert.equal(tree('? host\n: a\n? b\nc: 1\n'), '{"host"@1: "a"@2, "b"@3: none, "c"@4: 1@4}@1');
    assert.equal(tree('tags: [a, b: c]\n'), '{"tags"@1: ["a"@1, {"b"@1: "c"@1}@1]@1}@1');
  });

  it('reads non-text keys as the nodes they are', () => {
    assert.equal(tree('1: a\n[x]: b\n'), '{1@1: "a"@1, ["x"@2]@2: "b"@2}@1');
  });

  it('reads an empty file, a comment-only file and a byte order mark', () => {
    assert.equal(tree(''), 'none');
    assert.equal(tree('# nothing\n'), 'none');
    assert.equal(tree('\ufeffa: 1\n'), '{"a"@1: 1@1}@1');
  });

  it('words syntax errors for users, at their line', () => {
    assert.equal(error('phones:\n  - host: "a\n'), '3: Missing closing "quote');
    assert.equal(error("phones:\n  - host: 'a\n"), "3: Missing closing 'quote");
    assert.equal(error('phones:\n\t- host: a\n'), '2: a tab indents this line: YAML indents with spaces only');
    assert.equal(error('a: !foo x\n'), '1: unknown tag !<!foo>');
    assert.equal(error('a: *nope\n'), '1: unidentified alias "nope"');
  });

  it('words an unclosed quote or bracket the same at the end of the file and before more lines', () => {
    assert.equal(error('a: "x'), '1: Missing closing "quote');
    assert.equal(error('a: "x\nb: 1\n'), '2: Missing closing "quote');
    assert.equal(error('a: "x\n  y\n'), '3: Missing closing "quote');
    assert.equal(error("a: 'x\n"), "2: Missing closing 'quote");
    assert.equal(error('a: [1, 2\n'), '2: unexpected end of the stream within a flow collection');
  });

  it('reads explicit core tags, the non-specific tag and %TAG handles; refuses other tags at their line', () => {
    assert.equal(
      tree('a: !!str 0123\nb: !!int "7"\nc: ! 5\nd: !!float 1\ne: !!map {x: 1}\nf: !!null\n'),
      '{"a"@1: "0123"@1, "b"@2: 7@2, "c"@3: "5"@3, "d"@4: 1@4, "e"@5: {"x"@5: 1@5}@5, "f"@6: null@6}@1',
    );
    assert.equal(tree('%TAG !c! tag:yaml.org,2002:\n---\na: !c!str 1\n'), '{"a"@3: "1"@3}@3');
    assert.equal(
      error('a: 1\nb: !!bool yes\n'),
      '2: cannot resolve a node with !<tag:yaml.org,2002:bool> explicit tag',
    );
    assert.equal(
      error('a:\n  !!seq x\n'),
      '2: unacceptable node kind for !<tag:yaml.org,2002:seq> tag; it should be "sequence", not "scalar"',
    );
    assert.equal(error('a: !!set {x: 1}\n'), '1: unknown tag !<tag:yaml.org,2002:set>');
  });

  it('places a block scalar at its | or > line and quotes a quoted value with its quotes', () => {
    const text = 'a: |\n  x\n  y\nb: >-\n  z\nc: "q"\n';
    const read = readYamlTree(text);
    assert.ok(read.ok && read.root?.kind === 'mapping');
    const values = read.root.keysAndValues.filter((_, index) => index % 2 === 1) as YamlNode[];
    assert.deepEqual(
      values.map((node) => [node.line, text.slice(node.start, node.end).trim()]),
      [
        [1, 'x\n  y'],
        [4, 'z'],
        [6, '"q"'],
      ],
    );
  });

  it('refuses a second document at the line where it starts', () => {
    const second = 'a second YAML document starts here (---): an inventory is one document';
    assert.equal(error('phones: []\n---\nphones: []\n'), `2: ${second}`);
    assert.equal(error('a: 1\n# end\n...\nb: 2\n'), `4: ${second}`);
    assert.equal(error('a: 1\n---\n'), `2: ${second}`);
    assert.equal(error('a: 1\n# two files\n---\nb: "x\nc: [\n'), `3: ${second}`);
  });

  it('streams the entries of the first block list under a top-level key, keeping STREAMED in their place', () => {
    const streamed: string[] = [];
    const stream = { key: 'phones', read: (entry: YamlNode) => streamed.push(show(entry)) };
    const text = 'groups: { phones: [x] }\nphones:\n  - host: a\n  -\n  - b\nphones:\n  - c\n';
    const read = readYamlTree(text, { stream });
    assert.ok(read.ok && read.root?.kind === 'mapping');
    assert.deepEqual(streamed, ['{"host"@3: "a"@3}@3', 'null@4', '"b"@5']);
    const [first, second] = [read.root.keysAndValues[3], read.root.keysAndValues[5]];
    assert.ok(first?.kind === 'sequence' && second?.kind === 'sequence');
    assert.deepEqual(
      first.items.map((item) => (item === STREAMED ? 'streamed' : show(item))),
      ['streamed', 'streamed', 'streamed'],
    );
    assert.equal(show(second), '["c"@7]@7');
    streamed.length = 0;
    assert.ok(readYamlTree('phones: [a, b]\n', { stream }).ok);
    assert.deepEqual(streamed, []);
  });
});
