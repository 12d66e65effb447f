/**
 * A fake WebSocket for session tests: it records every message (copied, as a real socket
 * copies on send) and every close, and sends nothing anywhere.
 */
import { decodeClientFrame, type ClientFrame } from '../../../../../shared/protocol/index.ts';
import type { SessionSocket } from '../session-io.ts';

export class FakeSocket implements SessionSocket {
  readonly messages: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | undefined;

  send(message: Uint8Array): void {
    if (this.closedWith) throw new Error('FakeSocket: send after close');
    this.messages.push(message.slice());
  }

  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }

  /** Every frame sent so far, decoded with the relay's own decoder. */
  frames(): ClientFrame[] {
    return this.messages.map((message) => {
      const decoded = decodeClientFrame(message);
      if (!decoded.ok) throw decoded.error;
      return decoded.frame;
    });
  }

  /** Sent frames of one type. */
  framesOf<T extends ClientFrame['type']>(type: T): Extract<ClientFrame, { type: T }>[] {
    return this.frames().filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type);
  }

  /** Forgets what was sent, so a test can look at what comes next. */
  clear(): void {
    this.messages.length = 0;
  }
}
