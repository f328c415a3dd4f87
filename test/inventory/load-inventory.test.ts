import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { InventoryError } from '../../src/inventory/inventory-problem.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { DEFAULT_PROMPTS } from '../../src/inventory/phone-target.js';
import { fixturePath, REPO_ROOT } from '../helpers/paths.js';
import { useScratchFolder } from './inventory-files.js';

/** The lines of the InventoryError that loading `file` throws: its message, as the CLI prints it. */
async function problemLines(file: string, env: Record<string, string> = {}): Promise<readonly string[]> {
  try {
    await loadInventory(file, { env });
  } catch (error) {
    assert.ok(error instanceof InventoryError, String(error));
    return error.message.split('\n');
  }
  assert.fail(`${file} loaded without error`);
}

describe('loadInventory: validation', () => {
  const scratch = useScratchFolder();

  it('reports a bad value where it is written: in a group no phone uses, overridden, or beside another problem', async () => {
    const file = await scratch.write(
      'unused.yaml',
      [
        'defaults: { username: u, password: pw, port: 0 }',
        'groups:',
        '  spare: { port: 99999, prompt: "", password_env: $PW, debug_username: "" }',
        '  used: { port: 70000 }',
        'phones:',
        '  - { host: a, port: 2222 }',
        '  - { host: b, groups: [used], tags: 1 }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      (await problemLines(file)).map((line) => line.replace(`${file}:`, '')),
      [
        '1: port: must be an integer 1-65535, got 0',
        '3: port: must be an integer 1-65535, got 99999',
        '3: prompt: matches empty output: it must match the prompt itself, e.g. DEBUG>',
        `3: password_env: "$PW": write the variable's name without $`,
        '3: debug_username: is empty',
        '4: port: must be an integer 1-65535, got 70000',
        '7: tags: must be a list, e.g. [a, b], got a number',
      ],
    );
  });

  it('reports every error of a file, one line each, naming file:line and key, in line order', async () => {
    const file = fixturePath('inventory', 'every-error.yaml');
    const lines = await problemLines(file, { ALSO: 'also-set' });
    assert.deepEqual(
      lines.map((line) => line.replace(`${file}:`, '')),
      [
        '3: username: 0123 is read as a number (123): quote it, e.g. "0123"',
        '4: pasword: unknown key (did you mean password?)',
        '5: password_env: environment variable NOPE_UNSET_VAR is not set',
        '6: host: is allowed only on a phone, not in defaults:',
        '10: prompt: not a valid regular expression: Unterminated character class',
        '11: site: is allowed only on a phone, not in a group',
        '14: port: must be an integer 1-65535, got 70000',
        '16: tags: must be a list, e.g. [floor3], got text',
        '17: host: missing: every phone needs host: (an address or DNS name)',
        '18: host: 10.1.2.3 port 22 is listed twice (lines 15 and 18)',
        '19: groups: no group "lobbyy" under groups: (did you mean lobby?)',
        '21: site: true is read as a boolean: quote it, e.g. "true"',
        '22: password: is read as a number, not text: put the password in quotes',
        '26: port: must be an integer 1-65535, got "22"',
        '28: debug_password: has no value: write "" for an empty password',
        '29: host: "10.1.2.8:22" is not an address or DNS name: put the port in port:',
        '32: password_env: conflicts with password on line 31: set only one of password, password_env, password_file',
        '33: host: 10.1.2.9 port 22 is listed twice (lines 30 and 33)',
        '35: colour: unknown key',
      ],
    );
    assert.ok(lines.every((line) => line.startsWith(`${file}:`)));
    // Passwords, even misread ones, never reach a message.
    assert.ok(!lines.some((line) => line.includes('1234') || line.includes('s3cret')));
  });

  it('is an InventoryError whose message holds every line (the CLI prints it and exits 2)', async () => {
    const file = await scratch.write(
      'two.yaml',
      'defaults: { username: u }\nphones:\n  - host: a\n    port: 0\n  - host: b\n    prot: 22\n',
    );
    const error = await loadInventory(file, { env: { UNREG_SSH_PASSWORD: 'pw' } }).then(
      () => assert.fail('loaded'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof InventoryError);
    assert.equal(error.name, 'InventoryError');
    assert.deepEqual(error.message.split('\n'), [
      `${file}:4: port: must be an integer 1-65535, got 0`,
      `${file}:6: prot: unknown key (did you mean port?)`,
    ]);
  });

  const shapes: ReadonlyArray<readonly [string, string, string]> = [
    [
      'an empty file',
      '',
      '1: the file is empty: expected a mapping with phones: (and optional defaults:, groups: and sites:)',
    ],
    [
      'comments only',
      '# nothing yet\n',
      '1: the file is empty: expected a mapping with phones: (and optional defaults:, groups: and sites:)',
    ],
    [
      'a list at the top',
      '- host: a\n',
      '1: expected a mapping with phones: (and optional defaults:, groups: and sites:), got a list',
    ],
    ['a YAML syntax error', 'phones:\n  - host: "a\n', '3: Missing closing "quote'],
    [
      'two documents',
      'phones: []\n---\nphones: []\n',
      '2: a second YAML document starts here (---): an inventory is one document',
    ],
    ['a tab indent', 'phones:\n\t- host: a\n', '2: a tab indents this line: YAML indents with spaces only'],
    ['no phones key', 'defaults: {}\n', '1: phones: missing: the inventory needs a phones: list'],
    ['an empty phones list', 'phones: []\n', '1: phones: lists no phones'],
    ['phones not a list', 'phones:\n  host: a\n', '2: phones: must be a list of phones, got a mapping'],
    [
      'a phone that is text',
      'phones:\n  - 10.1.2.3\n',
      '2: each phone must be a mapping with host:, e.g. "- host: 10.1.2.3", got text',
    ],
    [
      'a top-level typo',
      'phones:\n  - { host: a, username: u }\ngroup: {}\n',
      '3: group: unknown key (did you mean groups?)',
    ],
    [
      'defaults not a mapping',
      'defaults: 22\nphones:\n  - { host: a, username: u }\n',
      '1: defaults: must be a mapping, got a number',
    ],
    [
      'a repeated key',
      'phones:\n  - host: a\n    site: x\n    site: y\n',
      '4: site: appears twice in the same mapping (lines 3 and 4)',
    ],
    [
      'a name read as a number',
      'phones:\n  - host: a\n    name: 0123\n',
      '3: name: 0123 is read as a number (123): quote it, e.g. "0123"',
    ],
    [
      'a host read as a number',
      'phones:\n  - host: 1e3\n',
      '2: host: 1e3 is read as a number (1000): quote it, e.g. "1e3"',
    ],
    [
      'a tag read as a number',
      'phones:\n  - host: a\n    tags:\n      - ok\n      - 3\n',
      '5: tags: 3 is read as a number: quote it, e.g. "3"',
    ],
    ['a username that is a list', 'phones:\n  - host: a\n    username: [a]\n', '3: username: must be text, got a list'],
    ['a port in hex', 'phones:\n  - host: a\n    port: 0x16\n', '3: port: must be an integer 1-65535, got 0x16'],
    [
      'a bad host',
      'phones:\n  - { host: "not a host", username: u }\n',
      '2: host: "not a host" is not an address or DNS name',
    ],
    ['an empty username', 'defaults:\n  username: ""\nphones:\n  - host: a\n', '2: username: is empty'],
    [
      'a debug username with a line break',
      'defaults:\n  debug_username: "a\\nerase"\nphones:\n  - { host: a, username: u }\n',
      '2: debug_username: must be one line of printable text',
    ],
    [
      'a variable written with $',
      'defaults:\n  password_env: $SSH_PW\nphones:\n  - { host: a, username: u }\n',
      `2: password_env: "$SSH_PW": write the variable's name without $`,
    ],
    [
      'a prompt matching nothing',
      'defaults:\n  prompt: ".*"\nphones:\n  - { host: a, username: u }\n',
      '2: prompt: matches empty output: it must match the prompt itself, e.g. DEBUG>',
    ],
    [
      'an unknown group key typo',
      'groups:\n  g: { debug_usename: x }\nphones:\n  - { host: a, username: u }\n',
      '2: debug_usename: unknown key (did you mean debug_username?)',
    ],
  ];
  for (const [what, text, expected] of shapes) {
    it(`reports ${what} at its line`, async () => {
      const file = await scratch.write('shape.yaml', text);
      assert.deepEqual(await problemLines(file, { UNREG_SSH_PASSWORD: 'pw' }), [`${file}:${expected}`]);
    });
  }

  it('says once, at the first phone, that no SSH password is set anywhere, with the count', async () => {
    const file = await scratch.write(
      'nopw.yaml',
      'defaults:\n  username: u\nphones:\n  - host: a\n  - host: b\n  - host: c\n',
    );
    const error = await loadInventory(file, { env: {} }).catch((caught: unknown) => caught);
    assert.ok(error instanceof InventoryError);
    assert.deepEqual(error.message.split('\n'), [
      `${file}:4: password: no SSH password: set password_env, password_file or password, or export UNREG_SSH_PASSWORD (3 phones, the first here)`,
    ]);
    assert.equal(error.problems[0]?.missingPassword, true);
  });

  it('reports a missing file as one line naming it', async () => {
    const file = scratch.path('absent.yaml');
    assert.deepEqual(await problemLines(file), [`${file}: no such file`]);
  });
});

describe('loadInventory: resolution', () => {
  const scratch = useScratchFolder();

  it('gives a phone its own value over its groups (the first listed wins) over defaults', async () => {
    const env = { UNREG_SSH_PASSWORD: 'ssh-pw', OWN_DEBUG: 'own-debug-pw' };
    const { phones } = await loadInventory(fixturePath('inventory', 'precedence.yaml'), { env });
    const view = phones.map((phone) => ({
      host: phone.host,
      port: phone.port,
      username: phone.username,
      debugUsername: phone.debugUsername,
      debugPassword: phone.debugPassword.reveal(),
      login: phone.prompts.login.source,
      command: phone.prompts.command.source,
    }));
    const fromDefaults = { command: '(?:DEFAULT>)\\s*$' };
    assert.deepEqual(view, [
      {
        host: 'only-defaults.example',
        port: 2200,
        username: 'default-user',
        debugUsername: 'default-debug',
        debugPassword: 'debug',
        login: DEFAULT_PROMPTS.login.source,
        ...fromDefaults,
      },
      {
        host: 'with-groups.example',
        port: 2300,
        username: 'first-user',
        debugUsername: 'first-debug',
        debugPassword: 'second-debug-password',
        login: '(?:Second login:)\\s*$',
        ...fromDefaults,
      },
      {
        host: 'reversed.example',
        port: 2300,
        username: 'second-user',
        debugUsername: 'first-debug',
        debugPassword: 'second-debug-password',
        login: '(?:Second login:)\\s*$',
        ...fromDefaults,
      },
      {
        host: 'own.example',
        port: 22,
        username: 'own-user',
        debugUsername: 'default-debug',
        debugPassword: 'own-debug-pw',
        login: '(?:Second login:)\\s*$',
        ...fromDefaults,
      },
    ]);
    assert.ok(phones.every((phone) => phone.password.reveal() === 'ssh-pw'));
  });

  it('reads UNREG_SSH_PASSWORD and UNREG_DEBUG_PASSWORD without any password setting; debug/debug, port 22 by default', async () => {
    const file = await scratch.write('env.yaml', 'phones:\n  - host: a\n    username: u\n');
    const withEnv = await loadInventory(file, { env: { UNREG_SSH_PASSWORD: 'ssh', UNREG_DEBUG_PASSWORD: 'dbg' } });
    const [phone] = withEnv.phones;
    assert.equal(phone?.password.reveal(), 'ssh');
    assert.equal(phone?.debugPassword.reveal(), 'dbg');
    assert.equal(phone?.port, 22);
    assert.equal(phone?.debugUsername, 'debug');
    const withoutDebug = await loadInventory(file, { env: { UNREG_SSH_PASSWORD: 'ssh' } });
    assert.equal(withoutDebug.phones[0]?.debugPassword.reveal(), 'debug');
    assert.deepEqual(withoutDebug.phones[0]?.prompts, DEFAULT_PROMPTS);
  });

  it('keeps an empty debug password and the name, site and tags of each phone', async () => {
    const text =
      'groups:\n  cp6900: { debug_username: admin, debug_password: "" }\nphones:\n  - host: a\n    username: u\n    name: SEP1\n    site: tokyo\n    tags: [lobby, floor3]\n    groups: [cp6900]\n';
    const file = await scratch.write('6900.yaml', text, 0o644);
    const { phones, warnings } = await loadInventory(file, {
      env: { UNREG_SSH_PASSWORD: 'x', UNREG_DEBUG_PASSWORD: 'not-used' },
    });
    const [phone] = phones;
    assert.equal(phone?.debugUsername, 'admin');
    assert.equal(phone?.debugPassword.reveal(), '');
    assert.deepEqual([phone?.name, phone?.site, phone?.tags], ['SEP1', 'tokyo', ['lobby', 'floor3']]);
    // An empty password is no secret: no permission warning even at mode 644.
    assert.deepEqual(warnings, []);
  });

  it('reads password files relative to the inventory, dropping one trailing newline only', async () => {
    await mkdir(scratch.path('secrets'), { recursive: true });
    await scratch.write('secrets/ssh', 'ssh-from-file\n');
    await scratch.write('secrets/debug', 'debug-from-file\r\n');
    await scratch.write('secrets/two-lines', 'pw\n\n');
    const good = await scratch.write(
      'files.yaml',
      'defaults:\n  username: u\n  password_file: secrets/ssh\n  debug_password_file: secrets/debug\nphones:\n  - host: a\n  - host: b\n',
    );
    const { phones, warnings } = await loadInventory(good, { env: {} });
    assert.deepEqual(
      phones.map((phone) => [phone.password.reveal(), phone.debugPassword.reveal()]),
      [
        ['ssh-from-file', 'debug-from-file'],
        ['ssh-from-file', 'debug-from-file'],
      ],
    );
    assert.deepEqual(warnings, []);
    const bad = await scratch.write(
      'bad-files.yaml',
      'defaults:\n  username: u\n  password_file: secrets/absent\n  debug_password_file: secrets/two-lines\nphones:\n  - host: a\n',
    );
    assert.deepEqual(await problemLines(bad), [
      `${bad}:3: password_file: secrets/absent: no such file`,
      `${bad}:4: debug_password_file: the password holds a line break`,
    ]);
  });

  it('warns, naming the file but never the password, when a literal password is readable by others', async () => {
    const text = 'defaults:\n  username: u\n  password: "hunter2"\nphones:\n  - host: a\n';
    const open = await scratch.write('open.yaml', text, 0o644);
    const { warnings } = await loadInventory(open, { env: {} });
    assert.deepEqual(warnings, [
      `${open}: holds passwords (line 3) and is readable by group or others (mode 644): chmod 600 ${open}`,
    ]);
    const closed = await scratch.write('closed.yaml', text, 0o600);
    assert.deepEqual((await loadInventory(closed, { env: {} })).warnings, []);
  });

  it('warns about a password file readable by others', async () => {
    await scratch.write('shared-pw', 'pw\n', 0o640);
    const file = await scratch.write(
      'shared.yaml',
      'defaults:\n  username: u\n  password_file: shared-pw\nphones:\n  - host: a\n',
    );
    const { warnings } = await loadInventory(file, { env: {} });
    assert.deepEqual(warnings, [
      `shared-pw: is a password file readable by group or others (mode 640): chmod 600 shared-pw`,
    ]);
  });

  it('reads /dev/null as an empty password file without a warning about its mode', async () => {
    const file = await scratch.write(
      'empty-debug.yaml',
      'defaults:\n  username: u\n  password: pw\n  debug_password_file: /dev/null\nphones:\n  - host: a\n',
      0o600,
    );
    const { phones, warnings } = await loadInventory(file, { env: {} });
    assert.deepEqual(warnings, []);
    assert.equal(phones[0]?.debugPassword.reveal(), '');
  });

  it('reads merge keys from x- anchors: own keys win, a bad merged value is reported where it is written', async () => {
    const text =
      'defaults: { username: u, password: pw }\nx-branch: &branch\n  site: osaka\n  tags: [branch]\n' +
      'phones:\n  - { host: a, <<: *branch }\n  - { host: b, <<: *branch, site: kobe }\n';
    const file = await scratch.write('merge.yaml', text);
    const { phones } = await loadInventory(file, { env: {} });
    assert.deepEqual(
      phones.map((phone) => [phone.host, phone.site, phone.tags]),
      [
        ['a', 'osaka', ['branch']],
        ['b', 'kobe', ['branch']],
      ],
    );
    const bad = await scratch.write('bad-merge.yaml', text.replace('site: osaka', 'port: seventy'));
    assert.deepEqual(await problemLines(bad), [`${bad}:3: port: must be an integer 1-65535, got seventy`]);
    const open = await scratch.write('open-merge.yaml', text.replace('site: osaka', 'password: "pw2"'), 0o644);
    assert.deepEqual((await loadInventory(open, { env: {} })).warnings, [
      `${open}: holds passwords (lines 1, 3) and is readable by group or others (mode 644): chmod 600 ${open}`,
    ]);
  });

  it("reads max_sessions of defaults (each site), sites: and groups into each phone's caps, sites: settings too", async () => {
    const file = await scratch.write(
      'caps.yaml',
      [
        'defaults: { username: u, password: pw, max_sessions: 4 }',
        'groups:',
        '  slow: { max_sessions: 1 }',
        'sites:',
        '  branch: { max_sessions: 2, username: branch-user }',
        'phones:',
        '  - { host: a, site: branch, groups: [slow] }',
        '  - { host: b, site: hq }',
        '  - { host: c }',
        '',
      ].join('\n'),
    );
    const { phones } = await loadInventory(file, { env: {} });
    assert.deepEqual(
      phones.map((phone) => [phone.host, phone.username, phone.sessionLimits]),
      [
        [
          'a',
          'branch-user',
          [
            { scope: 'group slow', max: 1 },
            { scope: 'site branch', max: 2 },
          ],
        ],
        ['b', 'u', [{ scope: 'site hq', max: 4 }]],
        ['c', 'u', undefined],
      ],
    );
  });

  it('reports max_sessions on a phone, or not a whole number, at its line', async () => {
    const file = await scratch.write(
      'bad-caps.yaml',
      [
        'defaults: { username: u, password: pw, max_sessions: 0 }',
        'sites:',
        '  branch: { max_sessions: 1.5, host: x }',
        'phones:',
        '  - { host: a, max_sessions: 2 }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      (await problemLines(file)).map((line) => line.replace(`${file}:`, '')),
      [
        '1: max_sessions: must be a whole number, 1 or more, got 0',
        '3: max_sessions: must be a whole number, 1 or more, got 1.5',
        '3: host: is allowed only on a phone, not in a site',
        '5: max_sessions: caps a site or group: set it in defaults:, a group or sites:, not on a phone',
      ],
    );
  });

  it('reads jump hosts (one, or a chain) with their key, and reports a bad hop or no credential at its line', async () => {
    await scratch.write('bastion_key', 'not really a key\n');
    const good = await scratch.write(
      'jump.yaml',
      [
        'defaults: { username: u, password: pw, jump: "ops@bastion.example.net", jump_identity_file: bastion_key }',
        'groups:',
        '  far: { jump: ["ops@a.example.net:2222", "root@[::1]:22"] }',
        'phones:',
        '  - { host: a }',
        '  - { host: b, groups: [far] }',
        '',
      ].join('\n'),
    );
    const { phones } = await loadInventory(good, { env: {} });
    assert.deepEqual(phones[0]?.jump?.hops, [{ user: 'ops', host: 'bastion.example.net', port: 22 }]);
    assert.deepEqual(phones[1]?.jump?.hops, [
      { user: 'ops', host: 'a.example.net', port: 2222 },
      { user: 'root', host: '::1', port: 22 },
    ]);
    assert.equal(phones[0]?.jump?.auth.kind, 'key');
    const bad = await scratch.write(
      'bad-jump.yaml',
      [
        'defaults: { username: u, password: pw }',
        'phones:',
        '  - { host: a, jump: bastion }',
        '  - { host: b, jump: ops@c }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      (await problemLines(bad)).map((line) => line.replace(`${bad}:`, '')),
      [
        '3: jump: "bastion" is not user@host[:port]',
        '4: jump: no jump_identity_file, jump_password_env or jump_password_file, and no SSH agent (SSH_AUTH_SOCK unset)',
      ],
    );
  });

  it('hides passwords from inspect and JSON', async () => {
    const file = await scratch.write('hide.yaml', 'phones:\n  - host: a\n    username: u\n');
    const { phones } = await loadInventory(file, { env: { UNREG_SSH_PASSWORD: 'topsecret' } });
    assert.ok(!inspect(phones, { depth: 5 }).includes('topsecret'));
    assert.ok(!JSON.stringify(phones).includes('topsecret'));
  });

  it('loads inventory.example.yaml with its variables and password file in place', async () => {
    await copyFile(join(REPO_ROOT, 'inventory.example.yaml'), scratch.path('inventory.example.yaml'));
    await mkdir(scratch.path('secrets'), { recursive: true });
    await scratch.write('secrets/osaka-ssh-password', 'osaka-pw\n');
    const env = { UNREG_SSH_PASSWORD: 'ssh-pw', UNREG_DEBUG_PASSWORD: 'debug-pw' };
    const { phones, warnings } = await loadInventory(scratch.path('inventory.example.yaml'), { env });
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      phones.map((phone) => [phone.host, phone.port, phone.site, phone.debugUsername, phone.debugPassword.reveal()]),
      [
        ['10.1.2.3', 22, 'tokyo', 'debug', 'debug-pw'],
        ['10.1.2.4', 22, 'tokyo', 'admin', ''],
        ['phone-17.osaka.example.net', 22, 'osaka', 'debug', 'debug-pw'],
        ['10.9.0.5', 2222, 'osaka', 'debug', 'debug-pw'],
      ],
    );
    assert.equal(phones[2]?.password.reveal(), 'osaka-pw');
    assert.equal(phones[3]?.name, '0123');
    assert.ok(phones[2]?.prompts.command.test('debug> '));
  });
});
