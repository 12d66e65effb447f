/**
 * The relay's memory per idle session, as resident set size (RSS): what the operating
 * system really holds for the relay process, V8's heap and everything else together.
 */
import { RelayClient } from '../testing/relay-client.ts';
import type { RunningSshd } from '../testing/sshd.ts';
import { sleep, withTimeout } from './deadline.ts';
import { OPEN_TIMEOUT_MS } from './paths/path.ts';
import { readMemory } from './proc.ts';
import type { RelayProcess } from './relay-process.ts';

/** Sessions opened at once; sshd's MaxStartups (10 by default) refuses bursts beyond it. */
const OPEN_BATCH = 5;
/** Lets the relay finish the first session's lazy allocations before the baseline. */
const SETTLE_BEFORE_MS = 1_000;
/** Lets every new shell print its prompt and the relay's buffers settle. */
const SETTLE_OPEN_MS = 2_000;
const SETTLE_AFTER_CLOSE_MS = 1_000;
const CLOSE_TIMEOUT_MS = 10_000;

export interface MemoryResult {
  sessions: number;
  baselineKb: number;
  withSessionsKb: number;
  afterCloseKb: number;
  perSessionKb: number;
}

export async function measureIdleSessions(
  relay: RelayProcess,
  sshd: RunningSshd,
  sessions: number,
): Promise<MemoryResult> {
  const open: RelayClient[] = [];
  try {
    await closeAll([await openShell(relay, sshd)]);
    await sleep(SETTLE_BEFORE_MS);
    const baseline = await readMemory(relay.pid);

    while (open.length < sessions) {
      const batch = Math.min(OPEN_BATCH, sessions - open.length);
      const opening = Array.from({ length: batch }, () => openShell(relay, sshd));
      const settled = await Promise.allSettled(opening);
      for (const result of settled) if (result.status === 'fulfilled') open.push(result.value);
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    await sleep(SETTLE_OPEN_MS);
    const loaded = await readMemory(relay.pid);

    await closeAll(open.splice(0));
    await sleep(SETTLE_AFTER_CLOSE_MS);
    const after = await readMemory(relay.pid);

    return {
      sessions,
      baselineKb: baseline.rssKb,
      withSessionsKb: loaded.rssKb,
      afterCloseKb: after.rssKb,
      perSessionKb: (loaded.rssKb - baseline.rssKb) / sessions,
    };
  } finally {
    for (const client of open) client.close();
  }
}

async function openShell(relay: RelayProcess, sshd: RunningSshd): Promise<RelayClient> {
  const client = await withTimeout(
    RelayClient.connect({
      url: relay.url,
      answers: { hostKey: () => true, auth: () => [sshd.user.password] },
    }),
    OPEN_TIMEOUT_MS,
    `connecting to the relay at ${relay.url}`,
  );
  try {
    client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name, command: '' });
    await client.waitFor('ready', OPEN_TIMEOUT_MS);
    return client;
  } catch (error) {
    client.close();
    throw error;
  }
}

async function closeAll(clients: RelayClient[]): Promise<void> {
  for (const client of clients) client.close();
  await withTimeout(
    Promise.all(clients.map((client) => client.ended)),
    CLOSE_TIMEOUT_MS,
    `closing ${clients.length} relay sessions`,
  );
}
