import { describe, expect, it, vi } from 'vitest';
import { CLOSE_CODES, SessionPhase } from '../../../../shared/protocol/index.ts';
import { SessionController } from './session-controller.svelte.ts';
import { FakeTerminal } from './testing/fake-terminal.ts';
import { relayMessage } from './testing/relay-message.ts';
import { HOST_KEY, hostKeyBlob, startSession, TARGET } from './testing/start-session.ts';

const hostKeyCheck = (base64?: string) => ({
  type: 'hostKeyCheck' as const,
  algorithm: HOST_KEY.algorithm,
  key: hostKeyBlob(base64),
});

const trust = (trusted: boolean) => ({ type: 'hostKeyDecision', trusted });

const passwordPrompt = (promptId: number, instructions = '') => ({
  type: 'authPrompt' as const,
  promptId,
  method: 1 as const,
  name: '',
  instructions,
  prompts: [{ text: 'Password:', echo: false }],
});

describe('opening a session', () => {
  it('sends OPEN with the target and the terminal size as soon as the socket opens', async () => {
    const { session, socket, terminal } = await startSession();
    terminal.currentSize = { cols: 132, rows: 43, widthPx: 1188, heightPx: 731 };
    session.socketOpened();

    expect(socket.frames()).toEqual([{
      type: 'open',
      ...TARGET,
      term: 'xterm-256color',
      cols: 132,
      rows: 43,
      widthPx: 1188,
      heightPx: 731,
      flags: 0,
      command: '',
    }]);
    expect(session.stage).toBe('opening');
    session.dispose();
  });

  it('shows each phase the relay reports', async () => {
    const { session, receive } = await startSession();
    session.socketOpened();
    receive({ type: 'phase', phase: SessionPhase.resolving, detail: TARGET.host });
    expect(session.phase).toEqual({ phase: SessionPhase.resolving, detail: TARGET.host });
    receive({ type: 'phase', phase: SessionPhase.handshaking, detail: '' });
    expect(session.phase?.phase).toBe(SessionPhase.handshaking);
    session.dispose();
  });
});

describe('host key check', () => {
  it('asks about a first-seen key and answers only once the user trusts it', async () => {
    const { session, socket, knownHosts, receive } = await startSession();
    session.socketOpened();
    receive(hostKeyCheck());

    await vi.waitFor(() => expect(session.question?.kind).toBe('newHostKey'));
    expect(session.question).toMatchObject({
      host: TARGET.host,
      port: TARGET.port,
      algorithm: HOST_KEY.algorithm,
      fingerprint: HOST_KEY.fingerprint,
    });
    expect(socket.framesOf('hostKeyDecision')).toEqual([]);

    await session.trustHostKey();
    expect(session.question).toBeUndefined();
    expect(socket.framesOf('hostKeyDecision')).toEqual([trust(true)]);
    expect(await knownHosts.lookup(TARGET.host, TARGET.port)).toMatchObject({
      algorithm: HOST_KEY.algorithm,
      keyBase64: HOST_KEY.base64,
      fingerprint: HOST_KEY.fingerprint,
    });
    session.dispose();
  });

  it('refuses a first-seen key the user cancels, and remembers nothing', async () => {
    const { session, socket, knownHosts, receive } = await startSession();
    session.socketOpened();
    receive(hostKeyCheck());
    await vi.waitFor(() => expect(session.question?.kind).toBe('newHostKey'));

    session.rejectHostKey();
    expect(socket.framesOf('hostKeyDecision')).toEqual([trust(false)]);
    expect(await knownHosts.lookup(TARGET.host, TARGET.port)).toBeUndefined();
    session.dispose();
  });

  it('trusts the key it knows for this host without asking', async () => {
    const { session, socket, knownHosts, receive } = await startSession();
    await knownHosts.trust({
      ...TARGET,
      algorithm: HOST_KEY.algorithm,
      keyBase64: HOST_KEY.base64,
      fingerprint: HOST_KEY.fingerprint,
    });
    session.socketOpened();
    receive(hostKeyCheck());

    await vi.waitFor(() => expect(socket.framesOf('hostKeyDecision')).toHaveLength(1));
    expect(socket.framesOf('hostKeyDecision')[0]?.trusted).toBe(true);
    expect(session.question).toBeUndefined();
    expect(session.hostKeyChange).toBeUndefined();
    session.dispose();
  });

  it('refuses a changed key at once and keeps the warning after the relay gives up', async () => {
    const { session, socket, knownHosts, receive } = await startSession();
    const stored = await knownHosts.trust({
      ...TARGET,
      algorithm: HOST_KEY.algorithm,
      keyBase64: 'AAAAC3NzaC1lZDI1NTE5AAAAIOld',
      fingerprint: 'SHA256:old',
    });
    session.socketOpened();
    receive(hostKeyCheck());

    await vi.waitFor(() => expect(session.hostKeyChange).toBeDefined());
    expect(socket.framesOf('hostKeyDecision')).toEqual([trust(false)]);
    expect(session.question).toBeUndefined();
    expect(session.hostKeyChange?.known).toEqual(stored);
    expect(session.hostKeyChange?.offered.fingerprint).toBe(HOST_KEY.fingerprint);

    receive({ type: 'error', code: 'ssh.host_key_rejected', retryable: false, message: '' });
    expect(session.ending).toMatchObject({ kind: 'error', code: 'ssh.host_key_rejected' });
    expect(session.hostKeyChange).toBeDefined();
    expect(await knownHosts.lookup(TARGET.host, TARGET.port)).toEqual(stored);
  });

  it('stops when a relay sends a second host key', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive(hostKeyCheck());
    receive(hostKeyCheck());

    expect(session.ending?.kind).toBe('failed');
    expect(socket.closedWith?.code).toBe(CLOSE_CODES.protocolError);
  });
});

describe('authentication', () => {
  it('sends the answers with the prompt id and forgets the question', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive(passwordPrompt(7));

    expect(session.question).toMatchObject({ kind: 'auth', promptId: 7, method: 1 });
    expect(session.answerAuth(['hunter2'])).toBeUndefined();
    expect(session.question).toBeUndefined();
    expect(socket.framesOf('authAnswer')).toEqual([
      { type: 'authAnswer', promptId: 7, cancelled: false, answers: ['hunter2'] },
    ]);
    session.dispose();
  });

  it('wipes its own copy of the encoded answer once the socket has it', async () => {
    const { knownHosts } = await startSession();
    const handedOver: Uint8Array[] = [];
    // Unlike FakeSocket, this socket keeps the caller's buffer, to show what is left in it.
    const keepingSocket = { send: (m: Uint8Array) => handedOver.push(m), close() {} };
    const session = new SessionController({
      target: TARGET,
      socket: keepingSocket,
      terminal: new FakeTerminal(),
      knownHosts,
    });
    session.socketOpened();
    session.socketMessage(relayMessage(passwordPrompt(1)));
    session.answerAuth(['hunter2']);

    const answer = handedOver.at(-1)!;
    expect(answer.length).toBeGreaterThan('hunter2'.length);
    expect(answer.every((byte) => byte === 0)).toBe(true);
    session.dispose();
  });

  it('asks again when the relay sends another prompt after a wrong password', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive(passwordPrompt(1));
    session.answerAuth(['wrong']);
    receive(passwordPrompt(2, 'Permission denied, please try again.'));

    expect(session.question).toMatchObject({
      kind: 'auth',
      promptId: 2,
      instructions: 'Permission denied, please try again.',
    });
    session.answerAuth(['right']);
    expect(socket.framesOf('authAnswer').map((f) => [f.promptId, f.answers])).toEqual([
      [1, ['wrong']],
      [2, ['right']],
    ]);
    session.dispose();
  });

  it('sends a cancellation with no answers', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive({ ...passwordPrompt(3), method: 2, prompts: [
      { text: 'Password:', echo: false },
      { text: 'Code:', echo: true },
    ] });
    session.cancelAuth();

    expect(socket.framesOf('authAnswer')).toEqual([
      { type: 'authAnswer', promptId: 3, cancelled: true, answers: [] },
    ]);
    expect(session.question).toBeUndefined();
    session.dispose();
  });

  it('refuses an answer longer than the protocol carries and sends nothing', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive(passwordPrompt(4));

    expect(session.answerAuth(['x'.repeat(1025)])).toMatch(/at most 1024 bytes/);
    expect(socket.framesOf('authAnswer')).toEqual([]);
    expect(session.question?.kind).toBe('auth');
    session.dispose();
  });

  it('answers a keyboard-interactive round with no prompts without asking', async () => {
    const { session, socket, receive } = await startSession();
    session.socketOpened();
    receive({ ...passwordPrompt(5), method: 2, instructions: 'Welcome', prompts: [] });

    expect(session.question).toBeUndefined();
    expect(socket.framesOf('authAnswer')).toEqual([
      { type: 'authAnswer', promptId: 5, cancelled: false, answers: [] },
    ]);
    session.dispose();
  });
});

describe('ready', () => {
  it('focuses the terminal and sends a resize that happened while opening', async () => {
    const { session, socket, terminal, receive } = await startSession();
    session.socketOpened();
    session.terminalResized({ cols: 100, rows: 30, widthPx: 900, heightPx: 510 });
    expect(socket.framesOf('resize')).toEqual([]);

    receive({ type: 'ready', token: new Uint8Array(16) });
    expect(session.stage).toBe('ready');
    expect(terminal.focused).toBe(1);
    expect(socket.framesOf('resize')).toEqual([
      { type: 'resize', cols: 100, rows: 30, widthPx: 900, heightPx: 510 },
    ]);
    session.dispose();
  });
});
