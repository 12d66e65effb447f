/**
 * Keystroke echo latency: `cat` on a PTY, one byte typed at a time, timed until the PTY's
 * echo of it arrives back. The PTY echoes in the kernel, so the figure is the round trip
 * through the path and sshd, with no shell or program in between.
 *
 * In canonical mode the typed bytes wait in the PTY's line buffer (4095 bytes at most), so
 * every LINE_LENGTH keystrokes an untimed Enter empties it: its echo is CR LF, then cat
 * writes the line back, CR LF ended. Every output byte is thus known in advance, and any
 * stray byte fails the run instead of being taken for an echo.
 */
import { withTimeout } from './deadline.ts';
import { OPEN_TIMEOUT_MS, type Path, type Terminal } from './paths/path.ts';

export const WARM_UP_KEYSTROKES = 50;
const LINE_LENGTH = 64;
/** A timed keystroke normally echoes within a millisecond; this only catches a dead path. */
const ECHO_TIMEOUT_MS = 5_000;
const EXIT_TIMEOUT_MS = 10_000;
const ENTER = 0x0d;
/** VEOF at the start of a line: cat reads end of file and exits with status 0. */
const CTRL_D = 0x04;
const FIRST_KEY = 'a'.charCodeAt(0);

interface Waiter {
  /** Total output bytes that complete the wait. */
  total: number;
  resolve(arrivedNs: bigint): void;
}

/** One `cat` on one path, ready to time keystrokes; `finish` or `destroy` it after. */
export class EchoSession {
  private received = 0;
  private lastByte = -1;
  private waiter: Waiter | undefined;
  private stray: Error | undefined;
  private typedOnLine = 0;
  private keystrokes = 0;
  private terminal: Terminal | undefined;

  private constructor(private readonly path: Path) {}

  /** Opens `cat` and types the warm-up keystrokes. */
  static async open(path: Path): Promise<EchoSession> {
    const session = new EchoSession(path);
    session.terminal = await path.open('cat', (chunk, arrivedNs) =>
      session.onOutput(chunk, arrivedNs));
    try {
      // The first keystroke may wait for ssh to log in (OpenSSH gives no ready signal).
      await session.sample(OPEN_TIMEOUT_MS);
      for (let index = 1; index < WARM_UP_KEYSTROKES; index += 1) await session.sample();
      return session;
    } catch (error) {
      session.destroy();
      throw error;
    }
  }

  /** Types one key and returns the milliseconds until its echo arrived. */
  async sample(timeoutMs = ECHO_TIMEOUT_MS): Promise<number> {
    if (this.typedOnLine === LINE_LENGTH) {
      await this.exchange(ENTER, 2 + LINE_LENGTH + 2, timeoutMs);
      this.typedOnLine = 0;
    }
    const key = FIRST_KEY + (this.keystrokes % 26);
    this.keystrokes += 1;
    const sentNs = process.hrtime.bigint();
    const arrivedNs = await this.exchange(key, 1, timeoutMs);
    this.typedOnLine += 1;
    if (this.lastByte !== key) {
      throw new Error(`${this.path.name}: typed ${String.fromCharCode(key)}, got ${this.lastByte}`);
    }
    return Number(arrivedNs - sentNs) / 1e6;
  }

  /** Ends the line and cat, and checks that nothing unexpected came back meanwhile. */
  async finish(): Promise<void> {
    try {
      if (this.typedOnLine > 0) {
        await this.exchange(ENTER, 2 + this.typedOnLine + 2, ECHO_TIMEOUT_MS);
      }
      this.waiter = { total: Number.POSITIVE_INFINITY, resolve: () => {} };
      this.terminal!.write(Uint8Array.of(CTRL_D));
      const what = `${this.path.name}: cat exiting after Ctrl-D`;
      await withTimeout(this.terminal!.ended, EXIT_TIMEOUT_MS, what);
      if (this.stray) throw this.stray;
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.terminal?.destroy();
  }

  /** Writes one byte; resolves with the arrival time once `expect` more bytes came back. */
  private exchange(byte: number, expect: number, timeoutMs: number): Promise<bigint> {
    if (this.stray) return Promise.reject(this.stray);
    const total = this.received + expect;
    const arrived = new Promise<bigint>((resolve) => (this.waiter = { total, resolve }));
    this.terminal!.write(Uint8Array.of(byte));
    const what = `${this.path.name}: waiting for ${expect} echoed bytes`;
    return withTimeout(arrived, timeoutMs, what);
  }

  private onOutput(chunk: Uint8Array, arrivedNs: bigint): void {
    this.received += chunk.length;
    this.lastByte = chunk[chunk.length - 1] ?? this.lastByte;
    if (this.waiter === undefined || this.received > this.waiter.total) {
      const text = Buffer.from(chunk).toString('latin1').slice(0, 80);
      this.stray ??= new Error(`${this.path.name}: unexpected output ${JSON.stringify(text)}`);
      return;
    }
    if (this.received === this.waiter.total) this.waiter.resolve(arrivedNs);
  }
}
