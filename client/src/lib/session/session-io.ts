/**
 * What a session needs from the outside world. The browser passes a WebSocket and an
 * xterm.js Terminal behind these; tests pass fakes that record what was sent and drawn.
 */
import type { TerminalSize } from '../../../../shared/protocol/index.ts';

/** Where a session connects. */
export interface SessionTarget {
  host: string;
  port: number;
  user: string;
}

export interface SessionSocket {
  /**
   * Sends one binary message. Like WebSocket.send, it has copied the bytes when it
   * returns, so the caller may overwrite them.
   */
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface SessionTerminal {
  /** Draws raw output bytes; `processed` runs once the terminal has parsed them. */
  write(data: Uint8Array, processed: () => void): void;
  /** The current grid and drawing-area size. */
  size(): TerminalSize;
  focus(): void;
}
