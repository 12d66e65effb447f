import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSE_CODES,
  MAX_INPUT_BYTES,
  MAX_OUTPUT_BYTES,
} from '../../../../shared/protocol/index.ts';
import { ACK_DELAY_MS, ACK_THRESHOLD_BYTES } from './flow-control.ts';
import { PING_INTERVAL_MS } from './keepalive.ts';
import { startReadySession, startSession } from './testing/start-session.ts';

afterEach(() => {
  vi.useRealTimers();
});

const output = (bytes: number[] | Uint8Array) => ({
  type: 'output' as const,
  data: Uint8Array.from(bytes),
});

const ackedBytes = (acks: { bytes: number }[]) => acks.reduce((sum, ack) => sum + ack.bytes, 0);

describe('output', () => {
  it('hands raw bytes to the terminal, even a character split across frames', async () => {
    const { session, terminal, receive } = await startReadySession();
    const snowman = [0xe2, 0x98, 0x83];
    receive(output([0x68, 0x69, snowman[0]!]));
    receive(output(snowman.slice(1)));
    terminal.process();

    expect(terminal.drawn()).toEqual(Uint8Array.from([0x68, 0x69, ...snowman]));
    session.dispose();
  });

  it('acknowledges output only after the terminal has processed it', async () => {
    const { session, socket, terminal, receive } = await startReadySession();
    vi.useFakeTimers();
    receive(output(new Uint8Array(1000)));
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(socket.framesOf('ack')).toEqual([]);

    terminal.process();
    expect(socket.framesOf('ack')).toEqual([]);
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(socket.framesOf('ack')).toEqual([{ type: 'ack', bytes: 1000 }]);
    session.dispose();
  });

  it('acknowledges every byte exactly once across a burst of frames', async () => {
    const { session, socket, terminal, receive } = await startReadySession();
    vi.useFakeTimers();
    const sizes = [MAX_OUTPUT_BYTES, 17, 40_000, 3, MAX_OUTPUT_BYTES, 65_536, 1];
    for (const size of sizes) receive(output(new Uint8Array(size)));

    terminal.process(2);
    const early = socket.framesOf('ack');
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((ack) => ack.bytes >= ACK_THRESHOLD_BYTES)).toBe(true);

    terminal.process();
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(ackedBytes(socket.framesOf('ack'))).toBe(sizes.reduce((a, b) => a + b, 0));
    session.dispose();
  });

  it('gathers small acknowledgements into one after a quiet spell', async () => {
    const { session, socket, terminal, receive } = await startReadySession();
    vi.useFakeTimers();
    for (let i = 0; i < 5; i++) receive(output(new Uint8Array(100)));

    terminal.process(4);
    vi.advanceTimersByTime(ACK_DELAY_MS - 1);
    terminal.process(1);
    expect(socket.framesOf('ack')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(socket.framesOf('ack')).toEqual([{ type: 'ack', bytes: 500 }]);
    session.dispose();
  });

  it('sends no acknowledgement after the session is disposed', async () => {
    const { session, socket, terminal, receive } = await startReadySession();
    vi.useFakeTimers();
    receive(output(new Uint8Array(10)));
    terminal.process();
    session.dispose();
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(socket.framesOf('ack')).toEqual([]);
  });

  it('stops the session when output arrives before READY', async () => {
    const { session, socket, terminal, receive } = await startSession();
    session.socketOpened();
    receive(output([0x41]));

    expect(terminal.pendingWrites).toBe(0);
    expect(session.ending?.kind).toBe('failed');
    expect(socket.closedWith?.code).toBe(CLOSE_CODES.protocolError);
  });

  it('stops the session on a text message or an unreadable frame', async () => {
    const text = await startSession();
    text.session.socketOpened();
    text.session.socketMessage('hello');
    expect(text.session.ending).toMatchObject({ kind: 'failed' });
    expect(text.socket.closedWith?.code).toBe(CLOSE_CODES.protocolError);

    const garbage = await startSession();
    garbage.session.socketOpened();
    garbage.session.socketMessage(Uint8Array.from([0xee, 1, 2]).buffer);
    expect(garbage.session.ending).toMatchObject({ kind: 'failed' });
    if (garbage.session.ending?.kind === 'failed') {
      expect(garbage.session.ending.message).toMatch(/unknown frame type 0xee/);
    }
  });
});

describe('input', () => {
  it('sends typed text as UTF-8', async () => {
    const { session, socket } = await startReadySession();
    session.terminalData('ls ☃\r');

    const [frame] = socket.framesOf('input');
    expect(frame?.data).toEqual(new TextEncoder().encode('ls ☃\r'));
    session.dispose();
  });

  it('sends binary-string input byte for byte', async () => {
    const { session, socket } = await startReadySession();
    session.terminalBinary('\x1b[M\xe0\x21\x21');

    expect(socket.framesOf('input')[0]?.data).toEqual(Uint8Array.from([27, 91, 77, 224, 33, 33]));
    session.dispose();
  });

  it('splits a large paste into frames the relay accepts', async () => {
    const { session, socket } = await startReadySession();
    session.terminalData('y'.repeat(2 * MAX_INPUT_BYTES + 10));

    expect(socket.framesOf('input').map((f) => f.data.length))
      .toEqual([MAX_INPUT_BYTES, MAX_INPUT_BYTES, 10]);
    session.dispose();
  });

  it('drops keystrokes typed before the shell is ready', async () => {
    const { session, socket } = await startSession();
    session.socketOpened();
    session.terminalData('too early');

    expect(socket.framesOf('input')).toEqual([]);
    session.dispose();
  });
});

describe('resize', () => {
  it('sends a resize only when the grid changes', async () => {
    const { session, socket } = await startReadySession();
    session.terminalResized({ cols: 80, rows: 24, widthPx: 730, heightPx: 410 });
    expect(socket.framesOf('resize')).toEqual([]);

    session.terminalResized({ cols: 81, rows: 24, widthPx: 740, heightPx: 410 });
    session.terminalResized({ cols: 81, rows: 24, widthPx: 745, heightPx: 412 });
    expect(socket.framesOf('resize')).toEqual([
      { type: 'resize', cols: 81, rows: 24, widthPx: 740, heightPx: 410 },
    ]);
    session.dispose();
  });
});

describe('ending', () => {
  it('reports the exit status and keeps it when the relay then closes', async () => {
    const { session, receive } = await startReadySession();
    receive({ type: 'exit', kind: 0, code: 3, signal: '', message: '' });
    session.socketClosed(CLOSE_CODES.normal);

    expect(session.stage).toBe('ended');
    expect(session.ending).toEqual({
      kind: 'exit',
      exit: { type: 'exit', kind: 0, code: 3, signal: '', message: '' },
    });
  });

  it('reports a relay error with its code and whether to retry', async () => {
    const { session, receive } = await startSession();
    session.socketOpened();
    receive({ type: 'error', code: 'ssh.refused', retryable: true, message: 'refused' });
    session.socketClosed(CLOSE_CODES.sessionFailed);

    expect(session.ending).toEqual({
      kind: 'error',
      code: 'ssh.refused',
      retryable: true,
      message: 'refused',
    });
  });

  it('calls a socket that closes without EXIT or ERROR a lost relay', async () => {
    const { session } = await startReadySession();
    session.socketClosed(1006);
    expect(session.ending).toEqual({ kind: 'lost', cause: 'closed', closeCode: 1006 });
  });

  it('calls a socket that never opened an unreachable relay', async () => {
    const { session } = await startSession();
    session.socketClosed(1006);
    expect(session.ending).toMatchObject({ kind: 'lost', cause: 'unreachable' });
  });

  it('clears an open question when the session ends', async () => {
    const { session, receive } = await startSession();
    session.socketOpened();
    receive({
      type: 'authPrompt',
      promptId: 1,
      method: 1,
      name: '',
      instructions: '',
      prompts: [{ text: 'Password:', echo: false }],
    });
    receive({ type: 'error', code: 'relay.question_timeout', retryable: true, message: '' });

    expect(session.question).toBeUndefined();
  });
});

describe('keep-alive', () => {
  it('pings while connected and shows the round trip', async () => {
    const started = await startSession();
    vi.useFakeTimers();
    const { session, socket, receive } = started;
    session.socketOpened();

    vi.advanceTimersByTime(PING_INTERVAL_MS);
    const [ping] = socket.framesOf('ping');
    expect(ping).toBeDefined();
    vi.advanceTimersByTime(25);
    receive({ type: 'pong', nonce: ping!.nonce });

    expect(session.roundTripMs).toBe(25);
    session.dispose();
  });

  it('closes the socket and reports the relay lost when pongs stop', async () => {
    const started = await startSession();
    vi.useFakeTimers();
    const { session, socket } = started;
    session.socketOpened();

    vi.advanceTimersByTime(3 * PING_INTERVAL_MS);
    expect(socket.closedWith?.code).toBe(CLOSE_CODES.keepaliveTimeout);
    expect(session.ending).toMatchObject({ kind: 'lost', cause: 'keepalive' });

    session.socketClosed(CLOSE_CODES.keepaliveTimeout);
    expect(session.ending).toMatchObject({ kind: 'lost', cause: 'keepalive' });
  });

  it('stops pinging once the session has ended', async () => {
    const started = await startSession();
    vi.useFakeTimers();
    const { session, socket, receive } = started;
    session.socketOpened();
    receive({ type: 'error', code: 'ssh.refused', retryable: true, message: '' });

    vi.advanceTimersByTime(5 * PING_INTERVAL_MS);
    expect(socket.framesOf('ping')).toEqual([]);
    expect(socket.closedWith).toBeUndefined();
  });
});
