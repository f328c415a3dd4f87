import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PROMPTS } from '../../src/inventory/phone-target.js';
import { anyPrompt, endOfShowUnreg } from '../../src/ssh/prompt-matchers.js';

describe('prompt matchers', () => {
  const prompt = anyPrompt(DEFAULT_PROMPTS);

  it('tells the debug shell prompts apart at the end of the text only', () => {
    assert.equal(prompt('Cisco SEP001122334455\r\nlogin: ')?.value, 'login');
    assert.equal(prompt('debug\r\nPassword: ')?.value, 'password');
    assert.equal(prompt('\r\n\u001b[1mDEBUG>\u001b[0m ')?.value, 'command');
    assert.equal(prompt('login: debug\r\n'), null);
    assert.equal(prompt('DEBUG> show unreg\r\n---'), null);
  });

  it('ends show unreg at <EOT> and the prompt, or at the prompt of an unknown command', () => {
    const end = endOfShowUnreg(DEFAULT_PROMPTS.command);
    const header = 'show unreg\r\n-----Alarms sent out to UCM-----\r\n';
    assert.equal(end(`${header}<x-cisco-alarm>\r\nDEBUG> `), null, 'a prompt-like line before <EOT> does not end it');
    assert.equal(end(`${header}---\r\n<EOT>\r\n\r\nDEBUG> `)?.value, 'done');
    assert.equal(end(`${header}---\r\n<EOT>\r\n`), null, 'the prompt must follow <EOT>');
    assert.equal(end('show unreg\r\nUnknown command\r\nDEBUG> ')?.value, 'done');
  });
});
