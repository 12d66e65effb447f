/**
 * Output flow control, browser side. The relay stops reading from the SSH channel when
 * too many OUTPUT bytes are unacknowledged, so every byte must be acknowledged exactly
 * once, and only after the terminal has processed it: acknowledging early would let a
 * fast command flood the tab, and never acknowledging would stall the session.
 */

/**
 * Acknowledge at the latest once this many bytes are drawn. Small enough that the relay's
 * window never runs dry while xterm keeps up, large enough to send few ACK frames.
 */
export const ACK_THRESHOLD_BYTES = 64 * 1024;

export class OutputAckCounter {
  private inFlight = 0;
  private pending = 0;

  /** An OUTPUT payload was handed to the terminal. */
  written(): void {
    this.inFlight++;
  }

  /**
   * The terminal finished with a payload of `bytes`. Returns how many bytes to ACK now:
   * everything pending once it reaches the threshold or once no write is left in flight,
   * otherwise 0 (the bytes stay pending for a later ACK).
   */
  processed(bytes: number): number {
    this.inFlight--;
    this.pending += bytes;
    if (this.pending === 0) return 0;
    if (this.pending < ACK_THRESHOLD_BYTES && this.inFlight > 0) return 0;

    const ack = this.pending;
    this.pending = 0;
    return ack;
  }
}
