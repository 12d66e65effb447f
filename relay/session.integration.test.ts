/**
 * The relay against a real OpenSSH sshd on 127.0.0.1, driven by the headless client.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  MAX_FRAME_BYTES,
  MAX_OUTPUT_BYTES,
  SUBPROTOCOL,
} from '../shared/protocol/index.ts';
import { OUTPUT_HIGH_WATERMARK_BYTES } from './flow.ts';
import { RelayClient, type Answers } from '../testing/relay-client.ts';
import { startTestRelay, type TestRelay } from '../testing/relay.ts';
import { startSshd, type RunningSshd } from '../testing/sshd.ts';

let sshd: RunningSshd;
let relay: TestRelay;

beforeAll(async () => {
  [sshd, relay] = await Promise.all([startSshd(), startTestRelay()]);
});

afterAll(async () => {
  await relay?.close();
  await sshd?.stop();
});

/** fetch() ignores a Host header, and DNS rebinding is all about the Host header. */
function statusOf(url: string, headers: Record<string, string>): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject).end();
  });
}

const fingerprint = (key: Uint8Array): string =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

function trusting(password = sshd.user.password): Answers {
  return { hostKey: () => true, auth: () => [password] };
}

async function openShell(answers: Answers = trusting(), command = ''): Promise<RelayClient> {
  const client = await RelayClient.connect({ url: relay.url, answers });
  client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name, command });
  return client;
}

describe('a session through the relay to a real sshd', () => {
  it(
    'asks about the host key, takes a password, and runs a shell that follows resizes',
    async () => {
      const offered: string[] = [];
      const client = await openShell({
        hostKey: (algorithm, key) => {
          offered.push(algorithm, fingerprint(key));
          return true;
        },
        auth: (prompt) => {
          expect(prompt.prompts).toEqual([{ text: 'Password:', echo: false }]);
          return [sshd.user.password];
        },
      });
      await client.waitFor('ready');
      expect(offered).toEqual([sshd.hostKey.algorithm, sshd.hostKey.fingerprint]);

      client.type('stty size\r');
      await client.waitForText(/[\r\n]24 80\r\n/);
      client.send({ type: 'resize', cols: 132, rows: 43, widthPx: 1320, heightPx: 860 });
      client.type('stty size; echo $TERM\r');
      await client.waitForText(/[\r\n]43 132\r\nxterm-256color\r\n/);

      client.type('exit 3\r');
      const ending = await client.ended;
      expect(ending).toMatchObject({ kind: 'exit', frame: { kind: 0, code: 3 }, closeCode: 1000 });
    },
  );

  it('tells the host the terminal speaks UTF-8', async () => {
    const client = await openShell(trusting(), 'echo "ctype=$LC_CTYPE"; locale charmap');
    await client.ended;
    expect(client.text()).toContain('ctype=C.UTF-8\r\nUTF-8\r\n');
  });

  it('passes UTF-8 and raw bytes through untouched', async () => {
    const client = await openShell(
      trusting(),
      "printf '\\xe2\\x82\\xac \\xf0\\x9f\\x90\\x9a \\xff'",
    );
    await client.ended;
    expect(Buffer.from(client.text(), 'utf8').includes(Buffer.from('€ 🐚'))).toBe(true);
    expect(client.text().endsWith('\ufffd')).toBe(true);
  });

  it('reports a signal that killed the command', async () => {
    const client = await openShell(trusting(), 'kill -TERM $$');
    const ending = await client.ended;
    expect(ending).toMatchObject({ kind: 'exit', frame: { kind: 1, signal: 'TERM' } });
  });

  it('asks again after a wrong password, then gives up with ssh.auth_failed', async () => {
    const prompts: string[] = [];
    const client = await openShell({
      hostKey: () => true,
      auth: (prompt) => {
        prompts.push(prompt.instructions);
        return ['not the password'];
      },
    });
    const ending = await client.ended;
    expect(prompts).toEqual([
      '',
      'Permission denied, please try again.',
      'Permission denied, please try again.',
    ]);
    expect(ending).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.auth_failed', retryable: true },
      closeCode: CLOSE_CODES.sessionFailed,
    });
  });

  it('ends with ssh.auth_cancelled when the person cancels', async () => {
    const client = await openShell({ hostKey: () => true, auth: () => undefined });
    expect(await client.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.auth_cancelled' },
    });
  });

  it('closes without authenticating when the host key is refused', async () => {
    let asked = false;
    const client = await openShell({
      hostKey: () => false,
      auth: () => {
        asked = true;
        return [sshd.user.password];
      },
    });
    expect(await client.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.host_key_rejected' },
    });
    expect(asked).toBe(false);
  });

  it('reports a refused connection with ssh.refused', async () => {
    const client = await RelayClient.connect({ url: relay.url });
    client.open({ host: '127.0.0.1', port: 1, user: 'nobody' });
    const ending = await client.ended;
    expect(ending).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.refused', retryable: true },
    });
    if (ending.kind === 'error') expect(ending.frame.message).toContain('127.0.0.1 port 1');
  });

  it('refuses a nonsense target before dialling anything', async () => {
    const client = await RelayClient.connect({ url: relay.url });
    client.open({ host: 'two words', port: 22, user: 'x' });
    expect(await client.ended).toMatchObject({ kind: 'error', frame: { code: 'target.invalid' } });
  });

  it('never writes the password to its logs', async () => {
    const secret = sshd.user.password;
    const client = await openShell(trusting(), 'true');
    await client.ended;
    expect(relay.logs.join('')).not.toContain(secret);
    expect(relay.logs.some((line) => line.includes('"session closed"'))).toBe(true);
  });
});

describe('flow control', () => {
  it('stops reading from SSH while output is unacknowledged, and resumes on ACK', async () => {
    const total = 16 * 1024 * 1024;
    const client = await RelayClient.connect({
      url: relay.url,
      answers: trusting(),
      autoAck: false,
    });
    client.open({
      host: sshd.host,
      port: sshd.port,
      user: sshd.user.name,
      command: `head -c ${total} /dev/zero`,
    });
    await client.waitFor('ready');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const held = client.outputBytes;
    expect(held).toBeGreaterThan(0);
    // The relay stops at the high watermark, overshooting by at most the frame that crossed
    // it and the reads already gathered for the next one (one SSH packet, 32 KiB at most).
    expect(held).toBeLessThanOrEqual(OUTPUT_HIGH_WATERMARK_BYTES + MAX_OUTPUT_BYTES + 32 * 1024);

    const stop = client.onFrame((frame) => {
      if (frame.type === 'output') client.send({ type: 'ack', bytes: frame.data.length });
    });
    client.send({ type: 'ack', bytes: held });
    await client.ended;
    stop();
    expect(client.outputBytes).toBe(total);
  });

  it('lets Ctrl-C stop a flood with a bounded backlog behind it', async () => {
    const client = await openShell();
    await client.waitFor('ready');
    client.type('yes\r');
    await client.waitForText('y\r\ny\r\ny\r\n');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const before = client.outputBytes;
    client.type('\x03');
    client.type('echo flood-$((40 + 2))\r');
    await client.waitForText('flood-42\r\n', 20_000);
    // Only what was already in flight may follow the Ctrl-C: at most the relay's window
    // (1 MiB), ssh2's channel window (2 MiB), and what sshd, the PTY and TCP held.
    expect(client.outputBytes - before).toBeLessThan(8 * 1024 * 1024);
    client.close();
  });
});

describe('protocol safety', () => {
  it('closes a socket that sends text, and only that socket', async () => {
    const bystander = await openShell();
    await bystander.waitFor('ready');

    const rude = await RelayClient.connect({ url: relay.url });
    rude.sendRaw('hello', false);
    expect(await rude.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'protocol.text_message' },
      closeCode: CLOSE_CODES.unsupportedData,
    });

    const garbled = await RelayClient.connect({ url: relay.url });
    garbled.sendRaw(Buffer.from([0x7f, 1, 2, 3]));
    expect(await garbled.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'protocol.unknown_frame' },
      closeCode: CLOSE_CODES.protocolError,
    });

    const huge = await RelayClient.connect({ url: relay.url });
    huge.sendRaw(Buffer.alloc(MAX_FRAME_BYTES + 1, 2));
    expect(await huge.ended).toMatchObject({
      kind: 'closed',
      closeCode: CLOSE_CODES.messageTooBig,
    });

    const early = await RelayClient.connect({ url: relay.url });
    early.type('ls\r');
    expect(await early.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'protocol.unexpected_frame' },
    });

    bystander.type('echo still-$((1 + 1))\r');
    await bystander.waitForText('still-2\r\n');
    bystander.close();
  });

  it('refuses other origins, other host names and other protocol versions', async () => {
    await expect(RelayClient.connect({ url: relay.url, origin: 'http://evil.example' }))
      .rejects.toThrow(/HTTP 403/);
    const port = new URL(relay.url).port;
    await expect(RelayClient.connect({
      url: `ws://localhost:${port}/ws`, origin: `http://127.0.0.1:${port}`,
    })).rejects.toThrow(/HTTP 403/);

    const old = await RelayClient.connect({ url: relay.url, subprotocols: ['seashell.v0'] });
    const ending = await old.ended;
    expect(ending).toMatchObject({ kind: 'closed', closeCode: CLOSE_CODES.unsupportedVersion });
    if (ending.kind === 'closed') expect(ending.reason).toContain(SUBPROTOCOL);

    expect(await statusOf(`${relay.origin}/_ping`, { host: `evil.example:${port}` })).toBe(421);
  });

  it('answers /_ping with the time and version', async () => {
    const response = await fetch(`${relay.origin}/_ping`);
    const body = (await response.json()) as { time: number; version: string };
    expect(response.status).toBe(200);
    expect(Math.abs(body.time - Date.now() / 1000)).toBeLessThan(5);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
