/**
 * Starts bench/forwarder.ts as its own process and stops it by PID.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { withTimeout } from './deadline.ts';

const FORWARDER = fileURLToPath(new URL('./forwarder.ts', import.meta.url));
const START_TIMEOUT_MS = 10_000;

export interface Forwarder {
  port: number;
  stop(): Promise<void>;
}

export async function startForwarder(targetPort: number): Promise<Forwarder> {
  const child = spawn(process.execPath, ['--import', 'tsx', FORWARDER, String(targetPort)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const [line] = (await withTimeout(once(child.stdout!, 'data'), START_TIMEOUT_MS,
      'starting the TCP forwarder')) as [Buffer];
    return { port: Number(line.toString('utf8').trim()), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
