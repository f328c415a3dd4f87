import type { ConnectConfig } from 'ssh2';
import ssh2 from 'ssh2';

const { Client } = ssh2;

const REMOTE_LIST = /^Handshake: \(remote\) (KEX method|Host key format|C->S cipher|C->S MAC): (.*)$/;

/**
 * What a phone offers, for the message of a failed negotiation. ssh2 shows
 * the peer's lists only through its debug output, which costs on every
 * packet: rather than slow every session, a second handshake with debug on
 * is made only for a phone whose negotiation already failed.
 */
export function offeredAlgorithms(config: ConnectConfig, timeoutMs: number): Promise<string> {
  const offers: string[] = [];
  return new Promise((resolve) => {
    const client = new Client();
    const done = () => {
      clearTimeout(timer);
      client.destroy();
      resolve(offers.length > 0 ? `the phone offers ${offers.join('; ')}` : 'the phone did not say what it offers');
    };
    const timer = setTimeout(done, timeoutMs);
    client.on('error', done).on('close', done);
    client.connect({
      ...config,
      debug: (line: string) => {
        const match = REMOTE_LIST.exec(line);
        if (match !== null) offers.push(`${match[1]}: ${match[2]}`);
      },
    });
  });
}
