/**
 * A fault inside one session (here a recorder that throws, through the recording seam)
 * ends that session with relay.internal and leaves the relay and other sessions alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayClient } from '../testing/relay-client.ts';
import { startTestRelay, type TestRelay } from '../testing/relay.ts';
import { startSshd, type RunningSshd } from '../testing/sshd.ts';
import type { SessionRecorder } from './session.ts';

let sshd: RunningSshd;
let relay: TestRelay;
const recorded: string[] = [];

const recorder = (breaks: boolean): SessionRecorder => ({
  input: () => {},
  output: (data) => {
    if (breaks && Buffer.from(data).includes('break-now')) throw new Error('recorder broke');
    recorded.push(Buffer.from(data).toString('utf8'));
  },
  resize: () => {},
  close: () => {},
});

beforeAll(async () => {
  sshd = await startSshd();
  relay = await startTestRelay({}, {
    record: ({ open }) => recorder(open.command.includes('fragile')),
  });
});

afterAll(async () => {
  await relay?.close();
  await sshd?.stop();
});

async function open(command: string): Promise<RelayClient> {
  const client = await RelayClient.connect({
    url: relay.url,
    answers: { hostKey: () => true, auth: () => [sshd.user.password] },
  });
  client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name, command });
  await client.waitFor('ready');
  return client;
}

describe('a fault in one session', () => {
  it('ends only that session, with relay.internal, and is logged', async () => {
    const steady = await open('cat');
    const fragile = await open('echo fragile; sleep 1; echo break-now; sleep 30');

    const ending = await fragile.ended;
    expect(ending).toMatchObject({ kind: 'error', frame: { code: 'relay.internal' } });
    expect(relay.logs.join('')).toContain('recorder broke');

    steady.type('still fine\r');
    await steady.waitForText('still fine\r\nstill fine\r\n');
    expect(recorded.join('')).toContain('still fine');
    steady.close();
  });
});
