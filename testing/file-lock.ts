import { mkdir, rmdir, stat } from 'node:fs/promises';

/** How long a lock may be held before another process may assume its holder died. */
const STALE_LOCK_MS = 60_000;
const RETRY_MS = 50;
const GIVE_UP_MS = 30_000;

/**
 * Runs `task` while holding a lock shared by every process on the machine. mkdir is
 * atomic, so the directory itself is the lock. Vitest runs test files in parallel
 * workers, and two of them must not run useradd or chpasswd at the same time.
 */
export async function withFileLock<T>(lockDir: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await removeIfStale(lockDir);
    if (Date.now() > deadline) {
      throw new Error(`waited ${GIVE_UP_MS} ms for the lock ${lockDir}; remove it if no test runs`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }

  try {
    return await task();
  } finally {
    await rmdir(lockDir);
  }
}

async function removeIfStale(lockDir: string): Promise<void> {
  try {
    const { mtimeMs } = await stat(lockDir);
    if (Date.now() - mtimeMs > STALE_LOCK_MS) await rmdir(lockDir);
  } catch (error) {
    // The holder released it between our mkdir and stat: simply try again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
