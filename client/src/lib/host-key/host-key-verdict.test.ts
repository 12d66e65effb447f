import { describe, expect, it } from 'vitest';
import type { KnownHost } from '../storage/known-hosts.ts';
import { judgeHostKey } from './host-key-verdict.ts';

const known: KnownHost = {
  key: 'box:22',
  host: 'box',
  port: 22,
  algorithm: 'ssh-ed25519',
  keyBase64: 'AAAA1',
  fingerprint: 'SHA256:one',
  addedAt: 1,
};

const offered = { algorithm: 'ssh-ed25519', keyBase64: 'AAAA1', fingerprint: 'SHA256:one' };

describe('judgeHostKey', () => {
  it('asks about a host it has never seen', () => {
    expect(judgeHostKey(undefined, offered)).toEqual({ kind: 'unknown' });
  });

  it('goes ahead when the host offers the key that was trusted', () => {
    expect(judgeHostKey(known, offered)).toEqual({ kind: 'match', known });
  });

  it('flags a different key for a known host', () => {
    const other = { ...offered, keyBase64: 'AAAA2', fingerprint: 'SHA256:two' };
    expect(judgeHostKey(known, other)).toEqual({ kind: 'changed', known });
  });

  it('flags a key of another algorithm, even with the same bytes', () => {
    const other = { ...offered, algorithm: 'rsa-sha2-512' };
    expect(judgeHostKey(known, other).kind).toBe('changed');
  });
});
