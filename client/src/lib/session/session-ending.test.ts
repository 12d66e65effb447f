import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, ERROR_CODES } from '../../../../shared/protocol/index.ts';
import { describeCloseCode, describeEnding } from './session-ending.ts';

describe('describeEnding', () => {
  it('gives the exit status of a command that exited', () => {
    const text = describeEnding({
      kind: 'exit',
      exit: { kind: 0, code: 3, signal: '', message: '' },
    });
    expect(text).toEqual({ title: 'Session ended: exit status 3', detail: '', canReconnect: true });
  });

  it('names the signal that killed a command', () => {
    const text = describeEnding({
      kind: 'exit',
      exit: { kind: 1, code: 0, signal: 'TERM', message: 'core dumped' },
    });
    expect(text.title).toBe('Session ended: killed by signal TERM');
    expect(text.detail).toBe('core dumped');
  });

  it('says so when the host gave no exit status', () => {
    const text = describeEnding({
      kind: 'exit',
      exit: { kind: 2, code: 0, signal: '', message: '' },
    });
    expect(text.title).toBe('Session ended');
    expect(text.detail).toMatch(/without an exit status/);
  });

  it('shows the relay message and code, and offers reconnect only when retryable', () => {
    const refused = describeEnding({
      kind: 'error',
      code: 'ssh.refused',
      retryable: true,
      message: 'connect ECONNREFUSED 127.0.0.1:2222',
    });
    expect(refused).toEqual({
      title: 'Session failed',
      detail: 'connect ECONNREFUSED 127.0.0.1:2222 (ssh.refused)',
      canReconnect: true,
    });

    const rejected = describeEnding({
      kind: 'error',
      code: 'ssh.host_key_rejected',
      retryable: false,
      message: '',
    });
    const summary = ERROR_CODES['ssh.host_key_rejected'].summary;
    expect(rejected.detail).toBe(`${summary} (ssh.host_key_rejected)`);
    expect(rejected.canReconnect).toBe(false);
  });

  it('tells apart an unreachable relay, a lost one and a silent one', () => {
    const unreachable = describeEnding({ kind: 'lost', cause: 'unreachable', closeCode: 1006 });
    const closed = describeEnding({ kind: 'lost', cause: 'closed', closeCode: 1006 });
    const silent = describeEnding({ kind: 'lost', cause: 'keepalive', closeCode: 4003 });

    expect(unreachable.title).toBe('Could not reach the relay');
    expect(closed.title).toBe('Connection to the relay lost');
    expect(closed.detail).toMatch(/close code 1006/);
    expect(silent.detail).toMatch(/keep-alives/);
  });
});

describe('describeCloseCode', () => {
  it('explains the close codes the relay uses', () => {
    expect(describeCloseCode(CLOSE_CODES.unsupportedVersion)).toMatch(/protocol version/);
    expect(describeCloseCode(CLOSE_CODES.goingAway)).toMatch(/shutting down/);
    expect(describeCloseCode(CLOSE_CODES.protocolError)).toMatch(/Reload/);
  });
});
