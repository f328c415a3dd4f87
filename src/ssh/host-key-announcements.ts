import type { Client } from 'ssh2';

type GlobalRequestHandler = (
  protocol: { requestSuccess(): void },
  name: string,
  wantReply: boolean,
  data: unknown,
) => void;
interface ClientInternals {
  readonly _protocol?: { _handlers?: { GLOBAL_REQUEST?: GlobalRequestHandler } };
}

const ANNOUNCEMENT = 'hostkeys-00@openssh.com';

/**
 * After login an OpenSSH server announces all its host keys
 * (hostkeys-00@openssh.com, for clients that update known_hosts with them).
 * ssh2 answers each announcement by asking the server to prove it holds
 * every key (hostkeys-prove-00): a signature per key on the phone, a
 * verification here, one more round trip, for a list unreg never uses (it
 * checks the one key of the handshake against known_hosts). So the
 * announcement is let pass unanswered, as OpenSSH's own client does with
 * UpdateHostKeys off. Reaches into ssh2's message handlers, set by
 * connect(): call it after that. Should a later ssh2 lay them out
 * otherwise, nothing is changed (test/ssh/openssh-sshd.test.ts notices).
 */
export function skipHostKeyProofs(client: Client): void {
  const handlers = (client as unknown as ClientInternals)._protocol?._handlers;
  const original = handlers?.GLOBAL_REQUEST;
  if (handlers === undefined || original === undefined) return;
  handlers.GLOBAL_REQUEST = (protocol, name, wantReply, data) => {
    if (name !== ANNOUNCEMENT) return original(protocol, name, wantReply, data);
    if (wantReply) protocol.requestSuccess();
  };
}
