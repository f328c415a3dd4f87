// The yardstick for `unreg sweep`: the same job written directly on ssh2
// with a plain concurrency limit, and nothing more. For each phone: SSH
// password login, the debug shell's login, `show unreg` until the prompt
// after <EOT>, `exit`. No inventory, no parsing, no report, no timeouts
// beyond ssh2's own: what any tool must at least spend per phone.
//
// Usage: node bare-ssh2-sweep.js HOSTS_FILE CONCURRENCY   (a "host port" line per phone)
// Passwords: UNREG_SSH_PASSWORD, UNREG_DEBUG_PASSWORD; SSH user: UNREG_SSH_USER.
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const { Client } = ssh2;
const [hostsFile = '', concurrencyText = '100'] = process.argv.slice(2);
const targets = readFileSync(hostsFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [host = '', port = '22'] = line.trim().split(/\s+/);
    return { host, port: Number(port) };
  });
const user = process.env.UNREG_SSH_USER ?? 'sshadmin';
const password = process.env.UNREG_SSH_PASSWORD ?? '';
const debugPassword = process.env.UNREG_DEBUG_PASSWORD ?? 'debug';

function readPhone(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const client = new Client();
    let output = '';
    let step = 0;
    client.on('error', () => resolve(false));
    client.on('close', () => resolve(step === 4));
    client.on('ready', () => {
      client.shell({ term: 'vt100', cols: 1000, rows: 200 }, (error, stream) => {
        if (error) return client.end();
        stream.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (step === 0 && output.endsWith('login: ')) {
            step = 1;
            stream.write('debug\n');
          } else if (step === 1 && output.endsWith('Password: ')) {
            step = 2;
            stream.write(`${debugPassword}\n`);
          } else if (step === 2 && output.endsWith('DEBUG> ')) {
            step = 3;
            output = '';
            stream.write('show unreg\n');
          } else if (step === 3 && output.includes('<EOT>') && output.endsWith('DEBUG> ')) {
            step = 4;
            stream.end('exit\n');
            client.end();
          }
        });
      });
    });
    client.connect({ host, port, username: user, password, readyTimeout: 60000 });
  });
}

let next = 0;
let ok = 0;
async function worker(): Promise<void> {
  for (let index = next++; index < targets.length; index = next++) {
    const target = targets[index];
    if (target !== undefined && (await readPhone(target.host, target.port))) ok += 1;
  }
}
await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
process.stdout.write(`${JSON.stringify({ phones: targets.length, ok })}\n`);
