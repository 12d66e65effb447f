/**
 * Structured JSON logs (pino), one object per line on stdout. The redaction list is the
 * last line of defence: code should not log secrets at all, but a field with one of
 * these names is censored wherever it appears, up to two levels deep.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

const SECRET_FIELDS = [
  'password',
  'passphrase',
  'answers',
  'privateKey',
  'key',
  'token',
  'secret',
  'cookie',
  'authorization',
  'signature',
];

const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export const REDACTED = '[redacted]';

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'seashell-relay' },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
