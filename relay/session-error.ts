/**
 * An error that ends a session and is shown to the person in the browser. The code is
 * one of shared/protocol's stable codes; the message is written for that person; the
 * cause, which may hold internals, goes to the log only.
 */
import { ERROR_CODES, type ErrorCode } from '../shared/protocol/index.ts';

export class SessionError extends Error {
  override readonly name = 'SessionError';

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].summary,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }
}
