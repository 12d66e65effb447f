/**
 * An SSH host is not trusted to keep its texts short. Here the host is ssh2's Server in
 * this process, an honest fake: real sshd never sends these, which is the point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, utils, type Connection, type ServerChannel } from 'ssh2';
import {
  MAX_AUTH_PROMPTS,
  MAX_AUTH_TEXT_BYTES,
  MAX_MESSAGE_BYTES,
} from '../shared/protocol/index.ts';
import { RelayClient } from '../testing/relay-client.ts';
import { startTestRelay, type TestRelay } from '../testing/relay.ts';

// Above every cap, yet three of them still fit one SSH packet (ssh2 sends at most 35000 bytes).
const HUGE_TEXT = 'x'.repeat(9_000);

let relay: TestRelay;
let server: Server;
let port: number;
let behaviour: (client: Connection) => void;

beforeAll(async () => {
  const hostKey = utils.generateKeyPairSync('ed25519').private;
  server = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on('error', () => client.end());
    behaviour(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  relay = await startTestRelay();
});

afterAll(async () => {
  await relay?.close();
  server?.close();
});

async function connect(): Promise<RelayClient> {
  const client = await RelayClient.connect({
    url: relay.url,
    answers: { hostKey: () => true, auth: (prompt) => prompt.prompts.map(() => 'answer') },
  });
  client.open({ host: '127.0.0.1', port, user: 'someone' });
  return client;
}

/** Asks one keyboard-interactive round, then opens a shell whose end is `onShell`'s. */
function interactiveHost(
  prompts: { prompt: string; echo: boolean }[],
  instructions: string,
  onShell: (stream: ServerChannel) => void,
) {
  return (client: Connection): void => {
    client.on('authentication', (context) => {
      if (context.method !== 'keyboard-interactive') {
        context.reject(['keyboard-interactive']);
        return;
      }
      context.prompt(prompts, HUGE_TEXT, instructions, () => context.accept());
    });
    client.on('session', (accept) => {
      const session = accept();
      session.on('pty', (acceptPty) => acceptPty());
      session.on('shell', (acceptShell) => onShell(acceptShell()));
    });
  };
}

describe('a host that sends more than fits a frame', () => {
  it('has its prompt texts and exit message cut to the caps, and still works', async () => {
    behaviour = interactiveHost([{ prompt: HUGE_TEXT, echo: false }], HUGE_TEXT, (stream) => {
      stream.write('hello from a strange host\r\n');
      // ssh2's Server sends only known signal names, so only the message can be long here.
      stream.exit('KILL', false, HUGE_TEXT);
      stream.end();
    });
    const client = await connect();
    const prompt = await client.waitFor('authPrompt');
    for (const text of [prompt.name, prompt.instructions, prompt.prompts[0]!.text]) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_AUTH_TEXT_BYTES);
      expect(text.endsWith('…')).toBe(true);
    }

    const ending = await client.ended;
    expect(ending.kind).toBe('exit');
    if (ending.kind !== 'exit') return;
    expect(ending.frame.signal).toBe('KILL');
    expect(Buffer.byteLength(ending.frame.message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(ending.frame.message.endsWith('…')).toBe(true);
    expect(client.text()).toContain('hello from a strange host');
  });

  it('refuses a keyboard-interactive round with too many questions, by name', async () => {
    const prompts = Array.from({ length: MAX_AUTH_PROMPTS + 4 }, (_, index) => ({
      prompt: `Question ${index}:`,
      echo: true,
    }));
    behaviour = interactiveHost(prompts, '', (stream) => stream.end());
    const client = await connect();
    const ending = await client.ended;
    expect(ending).toMatchObject({ kind: 'error', frame: { code: 'ssh.auth_failed' } });
    if (ending.kind === 'error') {
      expect(ending.frame.message).toContain(`asked ${MAX_AUTH_PROMPTS + 4} questions`);
    }
    expect(relay.relay.sessionCount()).toBe(0);
  });
});
