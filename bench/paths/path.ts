/**
 * One way of reaching a remote PTY: through the relay, with ssh2 directly (also through a
 * bare forwarder), or with OpenSSH's client. The measurements are written once against this
 * interface, so the three paths are timed by the very same code.
 */

export type PathName = 'relay' | 'ssh2' | 'forwarded' | 'openssh';

/**
 * `forwarded` is ssh2 through a bare TCP forwarder process (bench/forwarder.ts): the
 * floor that any relay running as its own process pays.
 */
export const PATH_NAMES: readonly PathName[] = ['relay', 'ssh2', 'forwarded', 'openssh'];

/** Called with each chunk of terminal output as it arrives, with its arrival time in ns. */
export type OutputListener = (chunk: Uint8Array, arrivedNs: bigint) => void;

export interface Terminal {
  /** Sends keystrokes to the remote PTY. */
  write(data: Uint8Array): void;
  /**
   * Resolves once the remote command exited with status 0 and the path has closed;
   * rejects if it failed or exited otherwise.
   */
  readonly ended: Promise<void>;
  /** Tears the path down now; safe to call at any time, more than once. */
  destroy(): void;
}

export interface Path {
  name: PathName;
  /**
   * Runs `command` on a PTY (80x24, xterm-256color). `onOutput` is attached before any
   * output can arrive. Resolves once keystrokes can be written; output may come sooner.
   */
  open(command: string, onOutput: OutputListener): Promise<Terminal>;
  /** Human-readable description for the report (what runs, with which settings). */
  describe(): string;
}

/** The PTY every path asks for, the same as the relay's default OPEN. */
export const PTY = { term: 'xterm-256color', cols: 80, rows: 24 } as const;

/** Connecting, authenticating and opening the channel; generous for a loaded machine. */
export const OPEN_TIMEOUT_MS = 30_000;
