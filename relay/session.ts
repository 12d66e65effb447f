/**
 * One terminal session: a browser's WebSocket on one side, an SSH connection on the
 * other. The session owns both, and its timers, and tears them all down in `close`,
 * which is the only place anything is disposed.
 *
 * States: awaiting-open (until the OPEN frame) → connecting (DNS, TCP, handshake,
 * questions for the person) → open (terminal bytes flow) → closed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Client, ClientChannel } from 'ssh2';
import type { RawData, WebSocket } from 'ws';
import {
  CLOSE_CODES,
  decodeClientFrame,
  fitUtf8,
  MAX_MESSAGE_BYTES,
  MAX_SIGNAL_BYTES,
  encodeRelayFrame,
  ExitKind,
  SESSION_TOKEN_BYTES,
  SessionPhase,
  type ClientFrame,
  type ExitFrame,
  type OpenFrame,
  type RelayFrame,
} from '../shared/protocol/index.ts';
import { askTheBrowser, authQuestion, HOST_KEY_QUESTION } from './browser-questions.ts';
import { AckOverrunError, OutputFlow } from './flow.ts';
import type { Logger } from './logger.ts';
import { OutputBatch } from './output-batch.ts';
import { Questions } from './questions.ts';
import { SessionError } from './session-error.ts';
import { connectTcp, resolveHost } from './ssh/dial.ts';
import { handshake } from './ssh/handshake.ts';
import { openTerminal } from './ssh/terminal.ts';
import { validateTarget } from './target.ts';

/** A socket that sends no OPEN within this time is closed. */
export const OPEN_TIMEOUT_MS = 10_000;

/** The host's pre-login banners kept for the terminal; the rest is dropped. */
export const MAX_BANNER_BYTES = 64 * 1024;

/** Input waiting for the SSH window; past this the relay stops reading the socket. */
export const MAX_PENDING_INPUT_BYTES = 1024 * 1024;

/**
 * Where a session's bytes are recorded. Every call happens in the order the bytes
 * crossed the relay; `close` is called exactly once, when the session ends.
 */
export interface SessionRecorder {
  input(data: Uint8Array): void;
  output(data: Uint8Array): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

export interface SessionContext {
  logger: Logger;
  keepaliveIntervalMs: number;
  /** How long the host may take over its part of the handshake; see ssh/handshake.ts. */
  handshakeTimeoutMs?: number;
  /** Starts a recording once the terminal is open; none is made when absent. */
  record?(session: { id: string; open: OpenFrame }): SessionRecorder;
  /** Watches the socket for keep-alives; returns the disposer. */
  watchSocket(socket: WebSocket, onDead: () => void): () => void;
  onClosed(session: Session): void;
}

type State = 'awaiting-open' | 'connecting' | 'open' | 'closed';

export class Session {
  readonly id = randomUUID();
  private state: State = 'awaiting-open';
  private readonly logger: Logger;
  private readonly questions = new Questions();
  private readonly unwatchSocket: () => void;
  private openTimer: NodeJS.Timeout | undefined;
  /** The TCP connection to the host, from the moment it opens (the handshake runs on it). */
  private tcp: Socket | undefined;
  private client: Client | undefined;
  private channel: ClientChannel | undefined;
  private flow: OutputFlow | undefined;
  private readonly batch = new OutputBatch(
    (frame, payloadBytes) => this.sendOutput(frame, payloadBytes),
  );
  private recorder: SessionRecorder | undefined;
  private exit: ExitFrame | undefined;
  private readonly banner: string[] = [];
  private bannerBytes = 0;
  private readonly startedAt = Date.now();
  private bytesOut = 0;
  private bytesIn = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: SessionContext,
  ) {
    this.logger = context.logger.child({ session: this.id });
    socket.binaryType = 'nodebuffer';
    const onMessage = (data: RawData, isBinary: boolean): void => this.onMessage(data, isBinary);
    socket.on('message', this.guard(onMessage));
    socket.on('close', () => this.close({ reason: 'browser closed the socket' }));
    socket.on('error', (error) => this.close({ reason: 'socket error', cause: error }));
    this.unwatchSocket = context.watchSocket(socket, () =>
      this.close({
        reason: 'browser stopped answering keep-alives',
        closeCode: CLOSE_CODES.keepaliveTimeout,
      }),
    );
    this.openTimer = setTimeout(() => {
      this.fail(new SessionError('protocol.unexpected_frame', 'No OPEN frame arrived in time.'));
    }, OPEN_TIMEOUT_MS);
  }

  /** Ends the session because the relay is stopping. */
  shutdown(): void {
    this.fail(new SessionError('relay.shutting_down'), CLOSE_CODES.goingAway);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed') return;
    if (!isBinary) {
      this.fail(new SessionError('protocol.text_message'), CLOSE_CODES.unsupportedData);
      return;
    }
    // With binaryType 'nodebuffer' a message is one Buffer.
    const decoded = decodeClientFrame(data as Buffer);
    if (!decoded.ok) {
      this.fail(
        new SessionError(decoded.error.code, decoded.error.message),
        CLOSE_CODES.protocolError,
      );
      return;
    }
    this.handleFrame(decoded.frame);
  }

  private handleFrame(frame: ClientFrame): void {
    switch (frame.type) {
      case 'open':
        if (this.state !== 'awaiting-open') return this.unexpected(frame);
        clearTimeout(this.openTimer);
        this.state = 'connecting';
        void this.open(frame);
        return;
      case 'input':
        if (this.state !== 'open') return this.unexpected(frame);
        return this.input(frame.data);
      case 'resize':
        if (this.state !== 'open') return this.unexpected(frame);
        this.channel!.setWindow(frame.rows, frame.cols, frame.heightPx, frame.widthPx);
        this.recorder?.resize(frame.cols, frame.rows);
        return;
      case 'ack':
        if (this.state !== 'open') return this.unexpected(frame);
        return this.acknowledge(frame.bytes);
      case 'hostKeyDecision':
        if (!this.questions.answer(HOST_KEY_QUESTION, frame.trusted)) this.unexpected(frame);
        return;
      case 'authAnswer':
        if (!this.questions.answer(authQuestion(frame.promptId), frame)) this.unexpected(frame);
        return;
      case 'ping':
        this.send({ type: 'pong', nonce: frame.nonce });
        return;
      case 'resume':
        this.fail(new SessionError('resume.unsupported'));
        return;
      case 'agentIdentities':
      case 'agentSignature':
        return this.unexpected(frame);
    }
  }

  private async open(frame: OpenFrame): Promise<void> {
    const log = this.logger;
    try {
      const target = validateTarget(frame);
      log.info({ host: target.host, port: target.port, user: target.user }, 'session opening');

      this.send({ type: 'phase', phase: SessionPhase.resolving, detail: target.host });
      const address = await resolveHost(target.host);
      this.ensureOpen();

      this.send({
        type: 'phase',
        phase: SessionPhase.connecting,
        detail: `${address} port ${target.port}`,
      });
      const tcp = await connectTcp(address, target.port);
      this.tcp = tcp;
      if (this.state === 'closed') {
        tcp.destroy();
        return;
      }

      this.send({ type: 'phase', phase: SessionPhase.handshaking, detail: '' });
      const client = await handshake({
        socket: tcp,
        user: target.user,
        keepaliveIntervalMs: this.context.keepaliveIntervalMs,
        handshakeTimeoutMs: this.context.handshakeTimeoutMs,
        questions: askTheBrowser(this.questions, (frame) => this.send(frame)),
        onBanner: (message) => this.keepBanner(message),
      });
      if (this.isClosed()) {
        client.end();
        return;
      }
      this.client = client;
      client.on('error', (error: Error & { level?: string }) => this.onSshError(error));
      client.on('close', () => this.onSshClosed());

      this.send({ type: 'phase', phase: SessionPhase.opening, detail: '' });
      const channel = await openTerminal(client, frame);
      this.channel = channel;
      this.ensureOpen();
      this.startTerminal(frame, channel);
    } catch (error) {
      if (this.state === 'closed') return;
      if (error instanceof SessionError) this.fail(error);
      else this.fail(new SessionError('relay.internal', undefined, { cause: error }));
    }
  }

  private keepBanner(message: string): void {
    const room = MAX_BANNER_BYTES - this.bannerBytes;
    if (room <= 0) return;
    const kept = fitUtf8(message, room);
    this.banner.push(kept);
    this.bannerBytes += Buffer.byteLength(kept);
  }

  private startTerminal(open: OpenFrame, channel: ClientChannel): void {
    this.state = 'open';
    this.flow = new OutputFlow({ pause: () => channel.pause(), resume: () => channel.resume() });
    this.recorder = this.context.record?.({ id: this.id, open });
    this.send({ type: 'ready', token: randomBytes(SESSION_TOKEN_BYTES) });
    for (const message of this.banner.splice(0)) {
      this.output(Buffer.from(message.replace(/\r?\n/g, '\r\n'), 'utf8'));
    }

    channel.on('data', this.guard((chunk: Buffer) => this.output(chunk)));
    channel.stderr.on('data', this.guard((chunk: Buffer) => this.output(chunk)));
    channel.on('drain', () => this.socket.resume());
    channel.on('exit', (
      code: number | null,
      signal?: string,
      _core?: boolean,
      description?: string,
    ) => {
      this.exit = code !== null
        ? { type: 'exit', kind: ExitKind.code, code, signal: '', message: '' }
        : {
          type: 'exit',
          kind: ExitKind.signal,
          code: 0,
          // ssh2 adds a SIG prefix that the SSH protocol's signal names do not have. Both
          // texts come from the host, so they are cut to the frame's caps.
          signal: fitUtf8((signal ?? '').replace(/^SIG/, ''), MAX_SIGNAL_BYTES),
          message: fitUtf8(description ?? '', MAX_MESSAGE_BYTES),
        };
    });
    channel.on('close', this.guard(() => {
      this.batch.flush();
      this.send(
        this.exit ?? { type: 'exit', kind: ExitKind.unknown, code: 0, signal: '', message: '' },
      );
      this.close({ reason: 'terminal closed', closeCode: CLOSE_CODES.normal });
    }));
    this.logger.info('session open');
  }

  private output(chunk: Buffer): void {
    if (this.state !== 'open') return;
    this.recorder?.output(chunk);
    this.bytesOut += chunk.length;
    this.batch.add(chunk);
  }

  private sendOutput(frame: Uint8Array, payloadBytes: number): void {
    this.socket.send(frame, this.onSocketFlushed);
    this.flow!.sent(payloadBytes, this.socket.bufferedAmount);
  }

  private readonly onSocketFlushed = (): void => {
    this.flow?.socketDrained(this.socket.bufferedAmount);
  };

  private input(data: Uint8Array): void {
    this.recorder?.input(data);
    this.bytesIn += data.length;
    this.channel!.write(data);
    if (this.channel!.writableLength > MAX_PENDING_INPUT_BYTES) this.socket.pause();
  }

  private acknowledge(bytes: number): void {
    try {
      this.flow!.acknowledged(bytes);
    } catch (error) {
      if (!(error instanceof AckOverrunError)) throw error;
      this.fail(
        new SessionError('protocol.unexpected_frame', error.message),
        CLOSE_CODES.protocolError,
      );
    }
  }

  private onSshError(error: Error & { level?: string }): void {
    const code = error.level === 'client-timeout' ? 'ssh.keepalive_timeout' : 'ssh.disconnected';
    this.fail(new SessionError(code, undefined, { cause: error }));
  }

  private onSshClosed(): void {
    // After a clean exit the channel's close ends the session first; this is the host vanishing.
    this.fail(new SessionError('ssh.disconnected'));
  }

  /**
   * Wraps an event handler so that a bug in it ends this session (logged, with a generic
   * message to the browser) instead of throwing out of the event loop and ending every
   * session of the relay.
   */
  private guard<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        handler(...args);
      } catch (error) {
        this.logger.error({ err: error }, 'session handler failed');
        this.fail(new SessionError('relay.internal', undefined, { cause: error }));
      }
    };
  }

  private unexpected(frame: ClientFrame): void {
    const error = new SessionError(
      'protocol.unexpected_frame',
      `A ${frame.type} frame does not fit the session while it is ${this.state}.`,
    );
    this.fail(error, CLOSE_CODES.protocolError);
  }

  /** The state read fresh: after an await, the compiler's narrowing of it may be stale. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Throws when the session closed while an await was pending, to stop `open` there. */
  private ensureOpen(): void {
    if (this.isClosed()) throw new SessionError('ssh.disconnected');
  }

  private send(frame: RelayFrame): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(encodeRelayFrame(frame));
  }

  private fail(error: SessionError, closeCode: number = CLOSE_CODES.sessionFailed): void {
    if (this.state === 'closed') return;
    this.send({
      type: 'error',
      code: error.code,
      retryable: error.retryable,
      // Messages may quote the host (a disconnect reason, say), so they are cut to fit.
      message: fitUtf8(error.message, MAX_MESSAGE_BYTES),
    });
    this.close({ reason: error.code, cause: error.cause, closeCode });
  }

  private close(how: { reason: string; cause?: unknown; closeCode?: number }): void {
    if (this.state === 'closed') return;
    this.state = 'closed';

    clearTimeout(this.openTimer);
    this.unwatchSocket();
    this.questions.close(how.reason);
    this.batch.dispose();
    this.recorder?.close();
    this.channel?.removeAllListeners('close');
    this.client?.removeAllListeners('close');
    this.client?.end();
    // A handshake still under way has no client yet; ending its socket ends it.
    this.tcp?.destroy();
    if (this.socket.readyState === this.socket.OPEN) {
      this.socket.close(how.closeCode ?? CLOSE_CODES.normal, how.reason.slice(0, 120));
    } else {
      this.socket.terminate();
    }

    const fields = {
      reason: how.reason,
      cause: how.cause instanceof Error ? how.cause.message : undefined,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      seconds: (Date.now() - this.startedAt) / 1000,
    };
    this.logger.info(fields, 'session closed');
    this.context.onClosed(this);
  }
}
