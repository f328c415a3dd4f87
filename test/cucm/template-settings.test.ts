import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CucmError } from '../../src/cucm/cucm-error.js';
import { settingsOfTemplate } from '../../src/cucm/template-settings.js';

const TEMPLATE = `# nightly inventory settings
x-login: &login
  username: sshadmin
defaults:
  <<: *login
  password_file: secrets/ssh   # kept as written
phones:
  - host: 10.0.0.1
  - { host: 10.0.0.2 }
# after the phones
groups:
    lobby:
        prompt: 'DEBUG>'
`;

describe('settingsOfTemplate', () => {
  it('keeps everything but phones: verbatim (anchors, comments, groups after the phones)', () => {
    assert.equal(
      settingsOfTemplate(TEMPLATE, 't.yaml', false),
      `# nightly inventory settings
x-login: &login
  username: sshadmin
defaults:
  <<: *login
  password_file: secrets/ssh   # kept as written
# after the phones
groups:
    lobby:
        prompt: 'DEBUG>'
`,
    );
  });

  it("adds the cp6900 group at the groups' own indentation when 6900 phones need it", () => {
    const kept = settingsOfTemplate(TEMPLATE, 't.yaml', true);
    assert.ok(
      kept.endsWith(
        `    lobby:\n        prompt: 'DEBUG>'\n    cp6900: { debug_username: admin, debug_password: "" }\n`,
      ),
    );
  });

  it('adds a groups: block when the template has none, and keeps an existing cp6900 group', () => {
    assert.equal(
      settingsOfTemplate('defaults: { username: u }\nphones: []', 't.yaml', true),
      'defaults: { username: u }\ngroups:\n  cp6900: { debug_username: admin, debug_password: "" }\n',
    );
    const own = 'groups:\n  cp6900: { debug_username: root, debug_password: x }\nphones: []\n';
    assert.equal(
      settingsOfTemplate(own, 't.yaml', true),
      'groups:\n  cp6900: { debug_username: root, debug_password: x }\n',
    );
  });

  it('names file:line for a YAML error, and refuses what it cannot extend', () => {
    assert.throws(
      () => settingsOfTemplate('defaults:\n  port: [\n', 't.yaml', false),
      (error: Error) => {
        assert.ok(error instanceof CucmError && error.usage);
        assert.match(error.message, /^t\.yaml:\d+: /);
        return true;
      },
    );
    assert.throws(() => settingsOfTemplate('- a\n', 't.yaml', false), /t\.yaml: not an inventory/);
    assert.throws(
      () => settingsOfTemplate('groups: { lobby: { port: 22 } }\n', 't.yaml', true),
      /^CucmError: t\.yaml:1: groups: has no cp6900 group/,
    );
  });
});
