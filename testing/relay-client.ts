/**
 * A headless Seashell client for tests and benchmarks: it speaks the frame protocol
 * over a real WebSocket, answers the relay's questions from a script, and acknowledges
 * output as soon as it arrives (it draws nothing, so there is nothing to wait for).
 */
import { WebSocket } from 'ws';
import {
  decodeRelayFrame,
  encodeClientFrame,
  SUBPROTOCOL,
  type ClientFrame,
  type ErrorFrame,
  type ExitFrame,
  type OpenFrame,
  type RelayFrame,
} from '../shared/protocol/index.ts';

/** The app's acknowledgement policy (client/src/lib/session/flow-control.ts). */
const ACK_THRESHOLD_BYTES = 64 * 1024;
const ACK_DELAY_MS = 50;

export interface Answers {
  /** Trust the offered host key? Called with the key's algorithm and blob. */
  hostKey?(algorithm: string, key: Uint8Array): boolean;
  /** Answers to one AUTH_PROMPT; `undefined` cancels. */
  auth?(prompt: RelayFrame & { type: 'authPrompt' }): string[] | undefined;
}

export interface ClientOptions {
  url: string;
  origin?: string;
  subprotocols?: string[];
  answers?: Answers;
  /** Acknowledge output on arrival (default true); false lets a test hold acks back. */
  autoAck?: boolean;
  /** Keep every OUTPUT byte for `text()` (default true); benchmarks only count them. */
  keepOutput?: boolean;
}

export type Ending =
  | { kind: 'exit'; frame: ExitFrame; closeCode: number }
  | { kind: 'error'; frame: ErrorFrame; closeCode: number }
  | { kind: 'closed'; closeCode: number; reason: string };

export class RelayClient {
  readonly frames: RelayFrame[] = [];
  /** Every OUTPUT byte, in order. */
  private output: Buffer[] = [];
  outputBytes = 0;
  readonly ended: Promise<Ending>;
  private readonly socket: WebSocket;
  private readonly listeners = new Set<(frame: RelayFrame) => void>();
  private lastError: ErrorFrame | undefined;
  private lastExit: ExitFrame | undefined;
  socketError: Error | undefined;
  private pendingAck = 0;
  private ackTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: ClientOptions) {
    const url = new URL(options.url);
    this.socket = new WebSocket(options.url, options.subprotocols ?? [SUBPROTOCOL], {
      origin: options.origin ?? `http://${url.host}`,
    });
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => this.onMessage(data));
    // A relay that closes on a client mid-send (an oversized frame) makes writes fail with
    // EPIPE; the close that follows is what tests look at.
    this.socket.on('error', (error) => (this.socketError = error));
    this.ended = new Promise((resolve) => {
      this.socket.on('close', (closeCode, reason) => {
        if (this.lastExit) resolve({ kind: 'exit', frame: this.lastExit, closeCode });
        else if (this.lastError) resolve({ kind: 'error', frame: this.lastError, closeCode });
        else resolve({ kind: 'closed', closeCode, reason: reason.toString() });
      });
    });
  }

  /** Connects and resolves once the socket is open (before OPEN is sent). */
  static async connect(options: ClientOptions): Promise<RelayClient> {
    const client = new RelayClient(options);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('open', () => resolve());
      client.socket.once('error', reject);
      client.socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`relay refused the socket: HTTP ${response.statusCode}`)),
      );
    });
    return client;
  }

  open(target: Partial<OpenFrame> & Pick<OpenFrame, 'host' | 'port' | 'user'>): void {
    this.send({
      type: 'open',
      term: 'xterm-256color',
      cols: 80,
      rows: 24,
      widthPx: 0,
      heightPx: 0,
      flags: 0,
      command: '',
      ...target,
    });
  }

  send(frame: ClientFrame): void {
    this.socket.send(encodeClientFrame(frame));
  }

  sendRaw(data: Buffer | string, binary = true): void {
    this.socket.send(data, { binary });
  }

  type(text: string): void {
    this.send({ type: 'input', data: Buffer.from(text, 'utf8') });
  }

  /** All output so far as UTF-8 text. */
  text(): string {
    if (this.output.length > 1) this.output = [Buffer.concat(this.output)];
    return this.output[0]?.toString('utf8') ?? '';
  }

  /** Resolves with the first frame (already seen or future) that matches. */
  waitFor<T extends RelayFrame['type']>(
    type: T,
    timeoutMs = 10_000,
  ): Promise<RelayFrame & { type: T }> {
    const seen = this.frames.find((frame) => frame.type === type);
    if (seen) return Promise.resolve(seen as RelayFrame & { type: T });
    return this.until((frame) => frame.type === type, `a ${type} frame`, timeoutMs) as Promise<
      RelayFrame & { type: T }
    >;
  }

  /** Resolves once the output so far contains `needle`. */
  async waitForText(needle: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const matches = (): boolean =>
      typeof needle === 'string' ? this.text().includes(needle) : needle.test(this.text());
    if (!matches()) await this.until(() => matches(), `output ${String(needle)}`, timeoutMs);
    return this.text();
  }

  /** Calls `listener` for each frame from now on; returns the disposer. */
  onFrame(listener: (frame: RelayFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  /**
   * Stops reading from the socket, as a browser tab that froze or lost its network would:
   * pings go unanswered and nothing more arrives until `thaw`.
   */
  freeze(): void {
    this.socket.pause();
  }

  thaw(): void {
    this.socket.resume();
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  private until(
    test: (frame: RelayFrame) => boolean,
    what: string,
    timeoutMs: number,
  ): Promise<RelayFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        dispose();
        reject(new Error(
          `timed out waiting for ${what}; output so far: ${this.text().slice(-500)}`,
        ));
      }, timeoutMs);
      const dispose = this.onFrame((frame) => {
        if (!test(frame)) return;
        clearTimeout(timer);
        dispose();
        resolve(frame);
      });
      void this.ended.then((ending) => {
        clearTimeout(timer);
        dispose();
        reject(new Error(`session ended (${JSON.stringify(ending)}) before ${what}`));
      });
    });
  }

  private onMessage(data: Buffer): void {
    const decoded = decodeRelayFrame(data);
    if (!decoded.ok) throw decoded.error;
    const frame = decoded.frame;
    if (frame.type === 'output') {
      // The decoded frame is a view into `data`; keep it, since ws gives each
      // message its own buffer.
      if (this.options.keepOutput !== false) {
        this.output.push(Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length));
      }
      this.outputBytes += frame.data.length;
    } else {
      this.frames.push(frame);
    }
    if (frame.type === 'error') this.lastError = frame;
    if (frame.type === 'exit') this.lastExit = frame;
    this.answer(frame);
    for (const listener of this.listeners) listener(frame);
    if (frame.type === 'output' && this.options.autoAck !== false) {
      this.acknowledge(frame.data.length);
    }
  }

  /**
   * Acknowledges as the app does once it has drawn: at once when 64 KiB are pending,
   * otherwise after a short quiet spell, so a trickle of keystroke echoes costs the relay
   * no extra frame each.
   */
  private acknowledge(bytes: number): void {
    this.pendingAck += bytes;
    if (this.pendingAck >= ACK_THRESHOLD_BYTES) {
      this.flushAck();
      return;
    }
    this.ackTimer ??= setTimeout(() => this.flushAck(), ACK_DELAY_MS);
  }

  private flushAck(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    if (this.pendingAck === 0 || this.socket.readyState !== WebSocket.OPEN) return;
    this.send({ type: 'ack', bytes: this.pendingAck });
    this.pendingAck = 0;
  }

  private answer(frame: RelayFrame): void {
    const answers = this.options.answers;
    if (frame.type === 'hostKeyCheck' && answers?.hostKey) {
      this.send({ type: 'hostKeyDecision', trusted: answers.hostKey(frame.algorithm, frame.key) });
    }
    if (frame.type === 'authPrompt' && answers?.auth) {
      const given = answers.auth(frame);
      this.send({
        type: 'authAnswer',
        promptId: frame.promptId,
        cancelled: given === undefined,
        answers: given ?? [],
      });
    }
  }
}
