import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Ends a child process this test run started (by its PID only): SIGTERM, then SIGKILL
 * if it has not exited within `timeoutMs`. Resolves once it has exited.
 */
export async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
