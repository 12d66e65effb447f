/**
 * The built relay run as its own process, as in production: its memory can then be read
 * from /proc without the bench's own heap in it, and it competes for the CPU with sshd
 * and the clients the way a real deployment does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stopChild } from '../testing/child-process.ts';
import { freePort } from '../testing/net.ts';
import { REPO_ROOT } from '../testing/paths.ts';
import { sleep } from './deadline.ts';
import { INSPECTOR_URL_PATTERN } from './inspector.ts';

export const RELAY_ENTRY = join(REPO_ROOT, 'dist', 'relay', 'relay', 'main.js');

/** Start-up takes well under a second; this leaves room for a machine busy with other tests. */
const START_TIMEOUT_MS = 15_000;
/** A clean stop closes every session first; past this the relay is killed. */
const STOP_TIMEOUT_MS = 5_000;
const PING_INTERVAL_MS = 50;
/** The relay's own output kept for error messages; it logs at warn, so this is plenty. */
const MAX_LOG_TAIL_CHARS = 8 * 1024;

export interface RelayProcess {
  pid: number;
  port: number;
  /** `ws://127.0.0.1:PORT/ws` */
  url: string;
  /** The command line that started it, for the report. */
  command: string;
  /** The last lines the relay wrote to stdout and stderr. */
  logTail(): string;
  /** The relay's inspector endpoint (loopback only), for forced collections. */
  inspectorUrl(): string;
  /** SIGTERM (a clean shutdown, which also writes a CPU profile), then SIGKILL. */
  stop(): Promise<void>;
}

export interface RelayProcessOptions {
  /** When set, the relay writes a V8 CPU profile into this folder as it exits. */
  cpuProfileDir?: string;
}

/** Relays still running; killed by PID if the bench exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRelayProcess(options: RelayProcessOptions = {}): Promise<RelayProcess> {
  if (!existsSync(RELAY_ENTRY)) {
    throw new Error(`${RELAY_ENTRY} is missing; build the relay first: npm run build:relay`);
  }
  const port = await freePort();
  // Port 0: the inspector picks a free port and prints its address on stderr.
  const nodeFlags: string[] = ['--inspect=127.0.0.1:0'];
  if (options.cpuProfileDir !== undefined) {
    await mkdir(options.cpuProfileDir, { recursive: true });
    nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  }
  const args = [...nodeFlags, RELAY_ENTRY];
  const env = { ...process.env, CASED_SHELL_PORT: String(port), CASED_SHELL_LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));

  let tail = '';
  let inspectorUrl: string | undefined;
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-MAX_LOG_TAIL_CHARS);
    inspectorUrl ??= INSPECTOR_URL_PATTERN.exec(tail)?.[1];
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const relay: RelayProcess = {
    pid: child.pid!,
    port,
    url: `ws://127.0.0.1:${port}/ws`,
    command: `CASED_SHELL_PORT=${port} CASED_SHELL_LOG_LEVEL=warn node ${args.join(' ')}`,
    logTail: () => tail.trim(),
    inspectorUrl: () => {
      if (!inspectorUrl) throw new Error(`the relay printed no inspector address:\n${tail}`);
      return inspectorUrl;
    },
    stop: () => stopChild(child, STOP_TIMEOUT_MS),
  };
  try {
    await waitForPing(child, port, () => tail);
  } catch (error) {
    await relay.stop();
    throw error;
  }
  return relay;
}

async function waitForPing(child: ChildProcess, port: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the relay exited during start-up:\n${tail()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/_ping`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(PING_INTERVAL_MS);
  }
  throw new Error(`the relay did not answer /_ping within ${START_TIMEOUT_MS} ms `
    + `(${lastProblem}):\n${tail()}`);
}
