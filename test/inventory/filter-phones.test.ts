import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterPhones } from '../../src/inventory/filter-phones.js';
import { globToRegExp } from '../../src/inventory/host-glob.js';
import { DEFAULT_PROMPTS, type PhoneTarget } from '../../src/inventory/phone-target.js';
import { Secret } from '../../src/inventory/secret.js';

function phone(host: string, site: string | null, tags: string[]): PhoneTarget {
  const password = new Secret('x');
  return {
    host,
    port: 22,
    name: null,
    site,
    tags,
    username: 'u',
    password,
    debugUsername: 'debug',
    debugPassword: password,
    prompts: DEFAULT_PROMPTS,
  };
}

const FLEET = [
  phone('10.1.2.3', 'tokyo', ['floor3', 'lobby']),
  phone('10.1.2.4', 'tokyo', ['floor4']),
  phone('10.1.20.5', 'osaka', ['floor3']),
  phone('Phone-A.osaka.example', 'osaka', []),
  phone('phone-b.osaka.example', null, ['lobby']),
];

const hosts = (phones: readonly PhoneTarget[]) => phones.map((entry) => entry.host);

describe('filterPhones', () => {
  it('keeps everything without filters', () => {
    assert.deepEqual(hosts(filterPhones(FLEET, {})), hosts(FLEET));
  });

  it('matches site and tag exactly', () => {
    assert.deepEqual(hosts(filterPhones(FLEET, { site: 'tokyo' })), ['10.1.2.3', '10.1.2.4']);
    assert.deepEqual(hosts(filterPhones(FLEET, { site: 'Tokyo' })), []);
    assert.deepEqual(hosts(filterPhones(FLEET, { tag: 'floor3' })), ['10.1.2.3', '10.1.20.5']);
    assert.deepEqual(hosts(filterPhones(FLEET, { tag: 'floor' })), []);
  });

  it('combines different filters with AND, values of one filter with OR', () => {
    assert.deepEqual(hosts(filterPhones(FLEET, { site: 'tokyo', tag: 'floor3' })), ['10.1.2.3']);
    assert.deepEqual(hosts(filterPhones(FLEET, { tag: ['floor4', 'lobby'] })), [
      '10.1.2.3',
      '10.1.2.4',
      'phone-b.osaka.example',
    ]);
    assert.deepEqual(hosts(filterPhones(FLEET, { host: '10.1.*', site: 'osaka', tag: 'floor3' })), ['10.1.20.5']);
    assert.deepEqual(hosts(filterPhones(FLEET, { host: ['10.1.2.3', 'phone-*'] })), [
      '10.1.2.3',
      'Phone-A.osaka.example',
      'phone-b.osaka.example',
    ]);
  });

  it('matches hosts by glob, ignoring case', () => {
    assert.deepEqual(hosts(filterPhones(FLEET, { host: '10.1.2.?' })), ['10.1.2.3', '10.1.2.4']);
    assert.deepEqual(hosts(filterPhones(FLEET, { host: 'PHONE-*' })), [
      'Phone-A.osaka.example',
      'phone-b.osaka.example',
    ]);
  });
});

describe('globToRegExp', () => {
  const cases: ReadonlyArray<readonly [string, string, boolean]> = [
    ['10.1.*', '10.1.2.3', true],
    ['10.1.*', '10.10.2.3', false],
    ['10.1.2.3', '10x1x2x3', false],
    ['10.1.2.?', '10.1.2.34', false],
    ['phone-[ab].*', 'phone-b.example', true],
    ['phone-[ab].*', 'phone-c.example', false],
    ['phone-[!ab].*', 'phone-c.example', true],
    ['phone-[!ab].*', 'phone-a.example', false],
    ['10.1.[0-3].*', '10.1.2.9', true],
    ['10.1.[0-3].*', '10.1.5.9', false],
    ['[]]x', ']x', true],
    ['a[b', 'a[b', true],
    ['a+b(c)', 'a+b(c)', true],
    ['*', '', true],
  ];
  for (const [glob, host, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(host)}`, () => {
      assert.equal(globToRegExp(glob).test(host), expected);
    });
  }
});
