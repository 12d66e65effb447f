import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from './logger.ts';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes passwords, passphrases, keys, tokens or cookies', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        password: 'hunter2-top',
        passphrase: 'correct horse',
        answers: ['otp-123456'],
        privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----',
        token: 'tok-abcdef',
        headers: { cookie: 'session=cookie-value', authorization: 'Bearer bearer-value' },
        auth: { password: 'nested-secret' },
        frame: { prompt: { token: 'deep-token' } },
      },
      'a line with secrets in its fields',
    );
    const output = lines.join('');
    for (const secret of [
      'hunter2-top', 'correct horse', 'otp-123456', 'BEGIN OPENSSH', 'tok-abcdef',
      'cookie-value', 'bearer-value', 'nested-secret', 'deep-token',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain(REDACTED);
    expect(output).toContain('a line with secrets in its fields');
  });

  it('is quiet below its level', () => {
    const { lines, stream } = capture();
    const logger = createLogger('warn', stream);
    logger.info('not shown');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'shown', level: 40 });
  });
});
