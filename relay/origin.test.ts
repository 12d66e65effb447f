import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './origin.ts';

describe('createOriginPolicy', () => {
  const policy = createOriginPolicy({ hostname: 'shell.example.com', port: 8888 });

  it('answers to its own name and to loopback names on its port only', () => {
    for (const host of [
      'shell.example.com:8888',
      'localhost:8888',
      '127.0.0.1:8888',
      '[::1]:8888',
    ]) {
      expect(policy.allowsHost(host)).toBe(true);
    }
    for (const host of [
      undefined,
      'evil.example:8888',
      'localhost:9999',
      'localhost',
      'x.localhost:8888',
    ]) {
      expect(policy.allowsHost(host)).toBe(false);
    }
  });

  it('lets a page open sockets only from the origin it was served on', () => {
    expect(policy.allowsOrigin('http://127.0.0.1:8888', '127.0.0.1:8888')).toBe(true);
    expect(policy.allowsOrigin(undefined, '127.0.0.1:8888')).toBe(false);
    expect(policy.allowsOrigin('null', '127.0.0.1:8888')).toBe(false);
    expect(policy.allowsOrigin('http://localhost:8888', '127.0.0.1:8888')).toBe(false);
    expect(policy.allowsOrigin('https://evil.example', '127.0.0.1:8888')).toBe(false);
  });
});
