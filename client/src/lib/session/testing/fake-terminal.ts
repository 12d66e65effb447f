/**
 * A fake terminal for session tests. Writes queue up until the test says the terminal
 * has processed them, which is how xterm.js behaves under load: its write callbacks run
 * later, in order.
 */
import type { TerminalSize } from '../../../../../shared/protocol/index.ts';
import type { SessionTerminal } from '../session-io.ts';

export class FakeTerminal implements SessionTerminal {
  currentSize: TerminalSize = { cols: 80, rows: 24, widthPx: 720, heightPx: 408 };
  focused = 0;
  private readonly drawnChunks: Uint8Array[] = [];
  private readonly queue: { data: Uint8Array; processed: () => void }[] = [];

  write(data: Uint8Array, processed: () => void): void {
    // The session must not reuse the buffer it handed over, so keep a copy of the bytes.
    this.queue.push({ data: data.slice(), processed });
  }

  size(): TerminalSize {
    return this.currentSize;
  }

  focus(): void {
    this.focused++;
  }

  /** Every byte processed so far, in order. */
  drawn(): Uint8Array {
    const bytes = new Uint8Array(this.drawnChunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const chunk of this.drawnChunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  /** Writes handed over but not processed yet. */
  get pendingWrites(): number {
    return this.queue.length;
  }

  /** Processes the oldest `count` writes (all of them by default). */
  process(count: number = this.queue.length): void {
    for (let i = 0; i < count; i++) {
      const write = this.queue.shift();
      if (!write) throw new Error('FakeTerminal: no write left to process');
      this.drawnChunks.push(write.data);
      write.processed();
    }
  }
}
