import { describe, expect, it, vi } from 'vitest';

/** What the fake resolver answers next: real DNS failures would need queries off this machine. */
const resolver = vi.hoisted(() => ({
  answer: (): Promise<{ address: string; family: number }> => Promise.reject(new Error('unset')),
}));
vi.mock('node:dns/promises', () => ({ lookup: () => resolver.answer() }));

const { connectTcp, resolveHost } = await import('./dial.ts');
const { SessionError } = await import('../session-error.ts');

async function failureOf(promise: Promise<unknown>): Promise<InstanceType<typeof SessionError>> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SessionError);
  return error as InstanceType<typeof SessionError>;
}

describe('resolveHost', () => {
  it('gives ssh.dns, naming the host, when the name does not resolve', async () => {
    resolver.answer = () =>
      Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    const { code, retryable, message } = await failureOf(resolveHost('db.nowhere'));
    expect({ code, retryable, message }).toEqual({
      code: 'ssh.dns',
      retryable: false,
      message: 'The host name "db.nowhere" does not resolve.',
    });
  });

  it('returns the first address', async () => {
    resolver.answer = () => Promise.resolve({ address: '127.0.0.1', family: 4 });
    await expect(resolveHost('localhost')).resolves.toBe('127.0.0.1');
  });
});

describe('connectTcp', () => {
  it('gives ssh.refused, naming address and port, for a closed port', async () => {
    const error = await failureOf(connectTcp('127.0.0.1', 1));
    expect(error.code).toBe('ssh.refused');
    expect(error.message).toContain('127.0.0.1 port 1 refused the connection');
  });
});
