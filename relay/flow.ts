/**
 * Output flow control for one session.
 *
 * The browser acknowledges OUTPUT bytes once xterm.js has drawn them. The relay stops
 * reading from the SSH channel while too many bytes are unacknowledged, so a flood
 * (`yes`, `cat` of a large file) waits in sshd's buffers and the SSH window instead of
 * in the relay's or the browser's memory, and a Ctrl-C reaches the host while at most
 * one window of output is still in flight.
 *
 * The socket's own buffer is watched too: it is normally smaller than the unacknowledged
 * count (bytes waiting in it are unacknowledged by definition), but it also holds frames
 * that are not OUTPUT, so it gets its own mark.
 */

/** Pause reading from SSH at this many unacknowledged OUTPUT bytes. */
export const OUTPUT_HIGH_WATERMARK_BYTES = 1024 * 1024;

/** Resume reading once unacknowledged bytes fall to this. */
export const OUTPUT_LOW_WATERMARK_BYTES = 256 * 1024;

/** Pause while the WebSocket has this many bytes queued and not yet given to the kernel. */
export const SOCKET_HIGH_WATERMARK_BYTES = 1024 * 1024;

export interface FlowControlTarget {
  pause(): void;
  resume(): void;
}

export class AckOverrunError extends Error {
  override readonly name = 'AckOverrunError';
}

export class OutputFlow {
  private unacknowledged = 0;
  private socketBuffered = 0;
  private paused = false;

  constructor(
    private readonly target: FlowControlTarget,
    private readonly high = OUTPUT_HIGH_WATERMARK_BYTES,
    private readonly low = OUTPUT_LOW_WATERMARK_BYTES,
    private readonly socketHigh = SOCKET_HIGH_WATERMARK_BYTES,
  ) {}

  get unacknowledgedBytes(): number {
    return this.unacknowledged;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Call after handing `bytes` of OUTPUT payload to the socket. */
  sent(bytes: number, socketBuffered: number): void {
    this.unacknowledged += bytes;
    this.socketBuffered = socketBuffered;
    this.update();
  }

  /** The browser drew `bytes` more. Acknowledging more than was sent is a protocol error. */
  acknowledged(bytes: number): void {
    if (bytes > this.unacknowledged) {
      throw new AckOverrunError(
        `acknowledged ${bytes} bytes but only ${this.unacknowledged} were unacknowledged`,
      );
    }
    this.unacknowledged -= bytes;
    this.update();
  }

  /** The socket flushed some of its queue. */
  socketDrained(socketBuffered: number): void {
    this.socketBuffered = socketBuffered;
    this.update();
  }

  private update(): void {
    const behind = this.unacknowledged >= this.high || this.socketBuffered >= this.socketHigh;
    const caughtUp = this.unacknowledged <= this.low && this.socketBuffered < this.socketHigh;
    if (!this.paused && behind) {
      this.paused = true;
      this.target.pause();
    } else if (this.paused && caughtUp) {
      this.paused = false;
      this.target.resume();
    }
  }
}
