import { describe, expect, it } from 'vitest';
import type { OpenFrame } from '../shared/protocol/index.ts';
import { SessionError } from './session-error.ts';
import { validateTarget } from './target.ts';

const open = (host: string, user = 'alice'): OpenFrame => ({
  type: 'open', host, port: 22, user, term: 'xterm-256color',
  cols: 80, rows: 24, widthPx: 0, heightPx: 0, flags: 0, command: '',
});

describe('validateTarget', () => {
  it('accepts names, IPv4 and IPv6 (bracketed or not)', () => {
    expect(validateTarget(open('db-1.internal')).host).toBe('db-1.internal');
    expect(validateTarget(open('10.0.0.7')).host).toBe('10.0.0.7');
    expect(validateTarget(open('[::1]')).host).toBe('::1');
    expect(validateTarget(open('fe80::1')).host).toBe('fe80::1');
  });

  it('refuses hosts and users that could not be meant, with target.invalid', () => {
    for (const [host, user] of [
      ['', 'alice'], ['two words', 'alice'], ['-oProxyCommand=x', 'alice'], ['host', ''],
      ['host', 'al ice'], ['host', '-l'], ['host', 'a\u0000b'],
    ] as const) {
      let caught: unknown;
      try {
        validateTarget(open(host, user));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SessionError);
      expect((caught as SessionError).code).toBe('target.invalid');
    }
  });
});
