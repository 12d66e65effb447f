/**
 * Dead peers on either leg are found by keep-alives and the session is closed on both
 * sides. The relay runs with a one-second interval so the tests take seconds.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../shared/protocol/index.ts';
import { RelayClient } from '../testing/relay-client.ts';
import { startTestRelay, type TestRelay } from '../testing/relay.ts';
import { startSshd, type RunningSshd } from '../testing/sshd.ts';

let sshd: RunningSshd;
let relay: TestRelay;

beforeAll(async () => {
  [sshd, relay] = await Promise.all([startSshd(), startTestRelay({ keepaliveIntervalSeconds: 1 })]);
});

afterAll(async () => {
  await relay?.close();
  await sshd?.stop();
});

async function openShell(): Promise<RelayClient> {
  const client = await RelayClient.connect({
    url: relay.url,
    answers: { hostKey: () => true, auth: () => [sshd.user.password] },
  });
  client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name });
  await client.waitFor('ready');
  return client;
}

/** Every process serving connections of this sshd (the listener's descendants). */
function connectionProcesses(): number[] {
  const descendants: number[] = [];
  let parents = [sshd.pid];
  while (parents.length > 0) {
    const children = parents.flatMap((pid) => {
      try {
        return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
          .split('\n').filter(Boolean).map(Number);
      } catch {
        // pgrep exits 1 when a process has no children.
        return [];
      }
    });
    descendants.push(...children);
    parents = children;
  }
  return descendants;
}

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a host that dies while a person is deciding', () => {
  it('ends that session with ssh.disconnected and leaves the relay serving', async () => {
    const client = await RelayClient.connect({ url: relay.url });
    client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name });
    await client.waitFor('hostKeyCheck');
    for (const pid of connectionProcesses()) process.kill(pid, 'SIGKILL');

    expect(await client.ended).toMatchObject({
      kind: 'error',
      frame: { code: 'ssh.disconnected' },
    });
    const next = await openShell();
    next.type('exit\r');
    expect(await next.ended).toMatchObject({ kind: 'exit', frame: { code: 0 } });
  });
});

describe('a browser that leaves while the relay is still connecting', () => {
  it('leaves no SSH connection behind', async () => {
    const client = await RelayClient.connect({ url: relay.url });
    client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name });
    client.close();
    await waitUntil(() => relay.relay.sessionCount() === 0, 2000);
    // The handshake that was under way must be ended, not left waiting for an answer.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(connectionProcesses()).toEqual([]);
  });
});

describe('keep-alives', () => {
  it('closes the session when the browser stops answering pings', async () => {
    const client = await openShell();
    expect(relay.relay.sessionCount()).toBe(1);
    client.freeze();
    await waitUntil(() => relay.relay.sessionCount() === 0, 5000);
    await waitUntil(() => connectionProcesses().length === 0, 5000);
    client.thaw();
  });

  it('tells the browser when the SSH host stops answering', async () => {
    const client = await openShell();
    const frozen = connectionProcesses();
    expect(frozen.length).toBeGreaterThan(0);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      const ending = await client.ended;
      expect(ending).toMatchObject({
        kind: 'error',
        frame: { code: 'ssh.keepalive_timeout', retryable: true },
        closeCode: CLOSE_CODES.sessionFailed,
      });
      expect(relay.relay.sessionCount()).toBe(0);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
  });
});
