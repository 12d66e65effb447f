/**
 * Ways a connection fails that need a host of their own: one that refuses terminals, one
 * that accepts TCP but never speaks SSH, and one that speaks something else.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayClient } from '../testing/relay-client.ts';
import { startTestRelay, type TestRelay } from '../testing/relay.ts';
import { startSshd, type RunningSshd } from '../testing/sshd.ts';

let relay: TestRelay;
let noTty: RunningSshd;
const silent: Server[] = [];

beforeAll(async () => {
  [relay, noTty] = await Promise.all([
    startTestRelay({}, { handshakeTimeoutMs: 700 }),
    startSshd({ extraConfig: ['PermitTTY no'] }),
  ]);
});

afterAll(async () => {
  await relay?.close();
  await noTty?.stop();
  for (const server of silent) server.close();
});

/** A TCP server on 127.0.0.1 that answers every connection with `reply` (or nothing). */
async function fakeHost(reply?: string): Promise<number> {
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    if (reply) socket.end(reply);
  });
  silent.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('connection failures reach the browser with their own codes', () => {
  it('ssh.channel_refused when sshd forbids a PTY', async () => {
    const client = await RelayClient.connect({
      url: relay.url,
      answers: { hostKey: () => true, auth: () => [noTty.user.password] },
    });
    client.open({ host: noTty.host, port: noTty.port, user: noTty.user.name });
    const ending = await client.ended;
    expect(ending).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.channel_refused', retryable: false },
    });
  });

  it(
    'ssh.timeout when the host accepts TCP but never answers, without waiting for ever',
    async () => {
      const port = await fakeHost();
      const client = await RelayClient.connect({ url: relay.url });
      const started = performance.now();
      client.open({ host: '127.0.0.1', port, user: 'x' });
      const ending = await client.ended;
      expect(ending).toMatchObject({ kind: 'error', frame: { code: 'ssh.timeout' } });
      if (ending.kind === 'error') expect(ending.frame.message).toContain('0.7 s');
      expect(performance.now() - started).toBeLessThan(5000);
    },
  );

  it('ssh.handshake_failed when the port speaks another protocol', async () => {
    const port = await fakeHost('HTTP/1.1 400 Bad Request\r\n\r\n');
    const client = await RelayClient.connect({ url: relay.url });
    client.open({ host: '127.0.0.1', port, user: 'x' });
    const ending = await client.ended;
    expect(ending.kind).toBe('error');
    if (ending.kind === 'error') {
      expect(['ssh.handshake_failed', 'ssh.disconnected']).toContain(ending.frame.code);
    }
  });

  it('the handshake clock stops while a person decides about the host key', async () => {
    const sshd = await startSshd();
    try {
      const client = await RelayClient.connect({ url: relay.url });
      client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name });
      await client.waitFor('hostKeyCheck');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      client.send({ type: 'hostKeyDecision', trusted: true });
      const prompt = await client.waitFor('authPrompt');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      client.send({
        type: 'authAnswer',
        promptId: prompt.promptId,
        cancelled: false,
        answers: [sshd.user.password],
      });
      await client.waitFor('ready');
      client.type('exit\r');
      expect(await client.ended).toMatchObject({ kind: 'exit' });
    } finally {
      await sshd.stop();
    }
  });
});
