/**
 * The protocol side of one terminal session: frames in from the relay, frames out, and
 * the state the UI shows. It does no I/O of its own; the socket and terminal it is given
 * do (a WebSocket and xterm.js in the app, fakes in tests), and its owner feeds it their
 * events through the `socket*` and `terminal*` methods.
 *
 * Session order: OPEN → PHASE* → HOST_KEY_CHECK → AUTH_PROMPT* → READY → OUTPUT*,
 * ended by EXIT or ERROR. A frame out of that order means the relay and app disagree, and
 * the session stops rather than guess.
 */
import {
  CLOSE_CODES,
  decodeRelayFrame,
  encodeClientFrame,
  MAX_AUTH_ANSWER_BYTES,
  type AuthPromptFrame,
  type ClientFrame,
  type HostKeyCheckFrame,
  type PhaseFrame,
  type RelayFrame,
  type TerminalSize,
} from '../../../../shared/protocol/index.ts';
import { utf8Length } from '../../../../shared/protocol/utf8.ts';
import { inspectHostKey } from '../host-key/inspect-host-key.ts';
import type { KnownHostBook } from '../storage/known-hosts.ts';
import { ACK_DELAY_MS, OutputAckCounter } from './flow-control.ts';
import { binaryStringBytes, splitInput } from './input-chunks.ts';
import { Keepalive } from './keepalive.ts';
import type { SessionSocket, SessionTarget, SessionTerminal } from './session-io.ts';
import type { SessionEnding } from './session-ending.ts';
import type { HostKeyChange, SessionQuestion } from './session-questions.ts';
import type { SessionStage } from './session-status.ts';
import { clampTerminalSize } from './terminal-size.ts';

/** The terminal type sent in OPEN; xterm.js implements xterm's 256-colour set. */
export const TERM = 'xterm-256color';

export interface SessionControllerOptions {
  target: SessionTarget;
  socket: SessionSocket;
  terminal: SessionTerminal;
  knownHosts: KnownHostBook;
  /** Time between keep-alive PINGs; default PING_INTERVAL_MS. */
  pingIntervalMs?: number;
  /** Monotonic milliseconds for round trips; default performance.now. */
  now?: () => number;
}

export class SessionController {
  stage = $state<SessionStage>('connecting');
  /** The relay's last progress report before READY. */
  phase = $state<Omit<PhaseFrame, 'type'> | undefined>();
  roundTripMs = $state<number | undefined>();
  /** What the user must answer before the session can go on. */
  question = $state<SessionQuestion | undefined>();
  /** Set when a known host offered another key; it outlives the session's end. */
  hostKeyChange = $state<HostKeyChange | undefined>();
  /** Something the user should know that did not stop the session. */
  notice = $state<string | undefined>();
  ending = $state<SessionEnding | undefined>();

  private readonly target: SessionTarget;
  private readonly socket: SessionSocket;
  private readonly terminal: SessionTerminal;
  private readonly knownHosts: KnownHostBook;
  private readonly keepalive: Keepalive;
  private readonly acks = new OutputAckCounter();
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly encoder = new TextEncoder();
  private socketOpen = false;
  private disposed = false;
  private hostKeyChecked = false;
  private sentSize: TerminalSize | undefined;
  private wantedSize: TerminalSize | undefined;

  constructor(options: SessionControllerOptions) {
    this.target = options.target;
    this.socket = options.socket;
    this.terminal = options.terminal;
    this.knownHosts = options.knownHosts;
    this.keepalive = new Keepalive({
      intervalMs: options.pingIntervalMs,
      now: options.now,
      ping: (nonce) => this.send({ type: 'ping', nonce }),
      roundTrip: (ms) => (this.roundTripMs = ms),
      lost: () => {
        const closeCode = CLOSE_CODES.keepaliveTimeout;
        this.stop({ kind: 'lost', cause: 'keepalive', closeCode }, closeCode, 'keep-alive timeout');
      },
    });
  }

  socketOpened(): void {
    this.socketOpen = true;
    this.stage = 'opening';
    const size = clampTerminalSize(this.terminal.size());
    const { host, port, user } = this.target;
    this.send({ type: 'open', host, port, user, term: TERM, ...size, flags: 0, command: '' });
    this.sentSize = size;
    this.keepalive.start();
  }

  socketMessage(data: unknown): void {
    if (this.stage === 'ended' || this.disposed) return;
    if (!(data instanceof ArrayBuffer)) {
      this.fail('The relay sent a text message, but the protocol is binary only.');
      return;
    }
    const decoded = decodeRelayFrame(new Uint8Array(data));
    if (!decoded.ok) {
      this.fail(`The relay sent a frame the app could not read: ${decoded.error.message}.`);
      return;
    }
    this.handle(decoded.frame);
  }

  socketClosed(code: number): void {
    const wasOpen = this.socketOpen;
    this.socketOpen = false;
    this.keepalive.stop();
    if (this.ending) return;
    const cause = wasOpen ? 'closed' : 'unreachable';
    this.end({ kind: 'lost', cause, closeCode: code });
  }

  /** Text the user typed or pasted, as xterm.js reports it. */
  terminalData(text: string): void {
    if (this.stage === 'ready') this.sendInput(this.encoder.encode(text));
  }

  /** Bytes xterm.js reports as a binary string (one character per byte). */
  terminalBinary(text: string): void {
    if (this.stage === 'ready') this.sendInput(binaryStringBytes(text));
  }

  terminalResized(size: TerminalSize): void {
    this.wantedSize = clampTerminalSize(size);
    if (this.stage === 'ready') this.sendResizeIfChanged();
  }

  /** Trusts the key in the open "new host key" question, then remembers it. */
  async trustHostKey(): Promise<void> {
    const question = this.question;
    if (question?.kind !== 'newHostKey') return;
    this.question = undefined;
    this.send({ type: 'hostKeyDecision', trusted: true });

    const { host, port, algorithm, keyBase64, fingerprint } = question;
    try {
      await this.knownHosts.trust({ host, port, algorithm, keyBase64, fingerprint });
    } catch (error) {
      this.notice = `This host key could not be saved (${messageOf(error)}), `
        + 'so Seashell will ask about it again next time.';
    }
  }

  rejectHostKey(): void {
    if (this.question?.kind !== 'newHostKey') return;
    this.question = undefined;
    this.send({ type: 'hostKeyDecision', trusted: false });
  }

  /**
   * Answers the open authentication question, one answer per prompt. Returns why the
   * answers cannot be sent, or undefined once they are. Nothing keeps the answers.
   */
  answerAuth(answers: readonly string[]): string | undefined {
    const question = this.question;
    if (question?.kind !== 'auth') return 'There is no question to answer.';
    if (answers.length !== question.prompts.length) return 'Answer every prompt.';
    if (answers.some((answer) => utf8Length(answer) > MAX_AUTH_ANSWER_BYTES)) {
      return `An answer can be at most ${MAX_AUTH_ANSWER_BYTES} bytes long.`;
    }

    this.question = undefined;
    const { promptId } = question;
    this.sendSecret({ type: 'authAnswer', promptId, cancelled: false, answers: [...answers] });
    return undefined;
  }

  cancelAuth(): void {
    const question = this.question;
    if (question?.kind !== 'auth') return;
    this.question = undefined;
    this.send({ type: 'authAnswer', promptId: question.promptId, cancelled: true, answers: [] });
  }

  /** Stops the keep-alive and ignores whatever comes after. The owner closes the socket. */
  dispose(): void {
    this.disposed = true;
    this.keepalive.stop();
    clearTimeout(this.ackTimer);
  }

  private handle(frame: RelayFrame): void {
    switch (frame.type) {
      case 'phase':
        if (this.stage !== 'opening') return this.unexpected(frame);
        this.phase = { phase: frame.phase, detail: frame.detail };
        return;
      case 'hostKeyCheck':
        if (this.stage !== 'opening' || this.hostKeyChecked) return this.unexpected(frame);
        this.hostKeyChecked = true;
        void this.checkHostKey(frame);
        return;
      case 'authPrompt':
        if (this.stage !== 'opening') return this.unexpected(frame);
        return this.askAuth(frame);
      case 'ready':
        if (this.stage !== 'opening') return this.unexpected(frame);
        this.stage = 'ready';
        this.question = undefined;
        this.sendResizeIfChanged();
        this.terminal.focus();
        return;
      case 'output':
        if (this.stage !== 'ready') return this.unexpected(frame);
        return this.draw(frame.data);
      case 'exit':
        return this.end({ kind: 'exit', exit: frame });
      case 'error': {
        const { code, retryable, message } = frame;
        return this.end({ kind: 'error', code, retryable, message });
      }
      case 'pong':
        return this.keepalive.pong(frame.nonce);
      case 'agentRequest':
      case 'resumed':
        // This app never offers browser keys nor resumes, so neither may arrive.
        return this.unexpected(frame);
    }
  }

  private async checkHostKey(frame: HostKeyCheckFrame): Promise<void> {
    const { host, port } = this.target;
    let inspection;
    try {
      inspection = await inspectHostKey(this.knownHosts, host, port, frame.algorithm, frame.key);
    } catch (error) {
      const message = `The host key could not be checked: ${messageOf(error)}`;
      this.stop({ kind: 'failed', message }, CLOSE_CODES.normal, 'host key check failed');
      return;
    }
    if (this.stage === 'ended' || this.disposed) return;

    const { offered, verdict } = inspection;
    switch (verdict.kind) {
      case 'match':
        this.send({ type: 'hostKeyDecision', trusted: true });
        return;
      case 'unknown':
        this.question = { kind: 'newHostKey', host, port, ...offered };
        return;
      case 'changed':
        this.send({ type: 'hostKeyDecision', trusted: false });
        this.hostKeyChange = { host, port, known: verdict.known, offered };
        return;
    }
  }

  private askAuth(frame: AuthPromptFrame): void {
    // A keyboard-interactive round may carry no prompts (only a banner): answer it at once.
    if (frame.prompts.length === 0) {
      this.send({ type: 'authAnswer', promptId: frame.promptId, cancelled: false, answers: [] });
      return;
    }
    const { promptId, method, name, instructions, prompts } = frame;
    this.question = { kind: 'auth', promptId, method, name, instructions, prompts };
  }

  private draw(data: Uint8Array): void {
    const bytes = data.length;
    this.terminal.write(data, () => {
      if (this.disposed) return;
      const ack = this.acks.processed(bytes);
      if (ack > 0) this.send({ type: 'ack', bytes: ack });
      else this.ackTimer ??= setTimeout(() => this.acknowledgePending(), ACK_DELAY_MS);
    });
  }

  private acknowledgePending(): void {
    this.ackTimer = undefined;
    if (this.acks.hasPending) this.send({ type: 'ack', bytes: this.acks.takePending() });
  }

  private sendInput(bytes: Uint8Array): void {
    for (const chunk of splitInput(bytes)) this.send({ type: 'input', data: chunk });
  }

  private sendResizeIfChanged(): void {
    const size = this.wantedSize;
    if (!size) return;
    if (size.cols === this.sentSize?.cols && size.rows === this.sentSize.rows) return;
    this.send({ type: 'resize', ...size });
    this.sentSize = size;
  }

  private send(frame: ClientFrame): void {
    if (!this.socketOpen || this.disposed) return;
    this.socket.send(encodeClientFrame(frame));
  }

  /** Sends a frame holding a secret, then wipes the encoded copy (the socket has its own). */
  private sendSecret(frame: ClientFrame): void {
    if (!this.socketOpen || this.disposed) return;
    const message = encodeClientFrame(frame);
    this.socket.send(message);
    message.fill(0);
  }

  private end(ending: SessionEnding): void {
    if (this.ending) return;
    this.ending = ending;
    this.stage = 'ended';
    this.question = undefined;
    this.keepalive.stop();
  }

  /** Ends the session from this side and closes the socket with a code that says why. */
  private stop(ending: SessionEnding, closeCode: number, reason: string): void {
    this.end(ending);
    if (this.socketOpen) this.socket.close(closeCode, reason);
  }

  /** The relay broke the protocol: stop, since guessing could show or send the wrong thing. */
  private fail(problem: string): void {
    const message = `${problem} Reload the page; if this persists, the relay and the app `
      + 'are of different versions.';
    this.stop({ kind: 'failed', message }, CLOSE_CODES.protocolError, 'protocol error');
  }

  private unexpected(frame: RelayFrame): void {
    this.fail(`The relay sent ${frame.type} while the session was ${this.stage}.`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
