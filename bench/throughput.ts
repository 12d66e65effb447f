/**
 * Throughput through a PTY: `head -c N /dev/zero` on the remote side, timed from the
 * first output byte to the last, so connecting and logging in are not counted.
 */
import { withTimeout } from './deadline.ts';
import { OPEN_TIMEOUT_MS, type Path } from './paths/path.ts';

/**
 * The slowest rate a path may fall to before the round counts as stuck. sshd alone
 * manages about 60 MB/s through a PTY here; this allows for a machine shared with tests.
 */
const MIN_BYTES_PER_SECOND = 1024 * 1024;

export interface ThroughputRound {
  bytes: number;
  /** Pieces the output arrived in (OUTPUT frames, SSH channel data, pipe reads). */
  chunks: number;
  /** From the arrival of the first output chunk to the arrival of the last. */
  seconds: number;
  /** Megabytes (10^6 bytes) per second. */
  mbPerSecond: number;
}

export async function measureThroughput(path: Path, bytes: number): Promise<ThroughputRound> {
  const command = `head -c ${bytes} /dev/zero`;
  let received = 0;
  let chunks = 0;
  let firstNs: bigint | undefined;
  let lastNs = 0n;
  const onOutput = (chunk: Uint8Array, arrivedNs: bigint): void => {
    firstNs ??= arrivedNs;
    lastNs = arrivedNs;
    received += chunk.length;
    chunks += 1;
  };

  const timeoutMs = OPEN_TIMEOUT_MS + Math.ceil((bytes / MIN_BYTES_PER_SECOND) * 1000);
  const terminal = await path.open(command, onOutput);
  try {
    await withTimeout(terminal.ended, timeoutMs, `${path.name}: ${command}`);
  } catch (error) {
    throw new Error(`${(error as Error).message} (${received} of ${bytes} bytes arrived)`, {
      cause: error,
    });
  } finally {
    terminal.destroy();
  }

  // A PTY passes NUL bytes through unchanged, so anything but exactly N means a lost or
  // extra byte somewhere on the path.
  if (received !== bytes) {
    throw new Error(`${path.name}: ${command} delivered ${received} bytes, not ${bytes}`);
  }
  const seconds = Number(lastNs - (firstNs ?? lastNs)) / 1e9;
  if (seconds <= 0) {
    throw new Error(`${path.name}: all ${bytes} bytes came in one chunk; use a larger --bytes`);
  }
  return { bytes, chunks, seconds, mbPerSecond: bytes / 1e6 / seconds };
}
