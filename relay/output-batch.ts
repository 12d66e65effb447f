/**
 * Gathers terminal output into OUTPUT frames. A busy PTY is read a few kilobytes at a
 * time; sending each read as its own WebSocket message costs a syscall and a frame on
 * both sides. Reads that arrive within one turn of the event loop leave as one frame
 * instead, so a lone keystroke echo still goes out within that turn.
 */
import { encodeOutputParts, MAX_OUTPUT_BYTES } from '../shared/protocol/index.ts';

export class OutputBatch {
  private parts: Uint8Array[] = [];
  private bytes = 0;
  private scheduled: NodeJS.Immediate | undefined;

  /** `send` gets each finished frame and the number of payload bytes in it. */
  constructor(
    private readonly send: (frame: Uint8Array, payloadBytes: number) => void,
    private readonly maxBytes = MAX_OUTPUT_BYTES,
  ) {}

  add(chunk: Uint8Array): void {
    if (this.bytes + chunk.length > this.maxBytes) this.flush();
    if (chunk.length > this.maxBytes) {
      for (let at = 0; at < chunk.length; at += this.maxBytes) {
        this.add(chunk.subarray(at, at + this.maxBytes));
      }
      return;
    }
    this.parts.push(chunk);
    this.bytes += chunk.length;
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.bytes === 0) return;
    const frame = encodeOutputParts(this.parts, this.bytes);
    const payloadBytes = this.bytes;
    this.parts = [];
    this.bytes = 0;
    this.send(frame, payloadBytes);
  }

  /** Drops anything not yet sent; the session is over. */
  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.parts = [];
    this.bytes = 0;
  }
}
