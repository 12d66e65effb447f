/**
 * Output flow control, browser side. The relay stops reading from the SSH channel when
 * too many OUTPUT bytes are unacknowledged, so every byte must be acknowledged exactly
 * once, and only after the terminal has processed it: acknowledging early would let a
 * fast command flood the tab, and never acknowledging would stall the session.
 */

/**
 * Acknowledge at once when this many bytes are drawn. Small enough that the relay's window
 * (1 MiB) never runs dry while xterm keeps up, large enough to send few ACK frames.
 */
export const ACK_THRESHOLD_BYTES = 64 * 1024;

/**
 * Fewer bytes wait this long for more output, then go in one ACK. Keystroke echoes then
 * cost the relay no frame each, and the wait is far too short to stall its window.
 */
export const ACK_DELAY_MS = 50;

export class OutputAckCounter {
  private pending = 0;

  get hasPending(): boolean {
    return this.pending > 0;
  }

  /**
   * The terminal finished with `bytes` of output. Returns how many bytes to ACK now:
   * everything pending once it reaches the threshold, otherwise 0, and the caller
   * acknowledges with `takePending` after ACK_DELAY_MS.
   */
  processed(bytes: number): number {
    this.pending += bytes;
    return this.pending >= ACK_THRESHOLD_BYTES ? this.takePending() : 0;
  }

  /** Everything processed and not yet acknowledged; the count starts again at zero. */
  takePending(): number {
    const ack = this.pending;
    this.pending = 0;
    return ack;
  }
}
