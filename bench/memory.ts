/**
 * The relay's memory per idle session. Before each reading the relay collects its garbage
 * (through the inspector), so the figures are what sessions retain. Two views: resident
 * set size (RSS), what the operating system holds for the process, which also counts heap
 * pages V8 keeps after growing; and V8's heap in use plus external memory, which counts
 * only live objects.
 */
import { RelayClient } from '../testing/relay-client.ts';
import type { RunningSshd } from '../testing/sshd.ts';
import { sleep, withTimeout } from './deadline.ts';
import { OPEN_TIMEOUT_MS } from './paths/path.ts';
import { Inspector } from './inspector.ts';
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
  /** RSS growth per session, after collections. */
  perSessionKb: number;
  /** Live heap plus external memory per session, after collections. */
  livePerSessionKb: number;
}

export async function measureIdleSessions(
  relay: RelayProcess,
  sshd: RunningSshd,
  sessions: number,
): Promise<MemoryResult> {
  const open: RelayClient[] = [];
  const inspector = await Inspector.connect(relay.inspectorUrl());
  const settled = async () => {
    await inspector.collectGarbage();
    const [memory, heap] = await Promise.all([readMemory(relay.pid), inspector.heap()]);
    return { rssKb: memory.rssKb, liveKb: heap.heapUsedKb + heap.externalKb };
  };
  try {
    await closeAll([await openShell(relay, sshd)]);
    await sleep(SETTLE_BEFORE_MS);
    const baseline = await settled();

    while (open.length < sessions) {
      const batch = Math.min(OPEN_BATCH, sessions - open.length);
      const opening = Array.from({ length: batch }, () => openShell(relay, sshd));
      const settled = await Promise.allSettled(opening);
      for (const result of settled) if (result.status === 'fulfilled') open.push(result.value);
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    await sleep(SETTLE_OPEN_MS);
    const loaded = await settled();

    await closeAll(open.splice(0));
    await sleep(SETTLE_AFTER_CLOSE_MS);
    const after = await settled();

    return {
      sessions,
      baselineKb: baseline.rssKb,
      withSessionsKb: loaded.rssKb,
      afterCloseKb: after.rssKb,
      perSessionKb: (loaded.rssKb - baseline.rssKb) / sessions,
      livePerSessionKb: (loaded.liveKb - baseline.liveKb) / sessions,
    };
  } finally {
    inspector.close();
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
