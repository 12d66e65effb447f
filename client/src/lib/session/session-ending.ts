/**
 * How a session ended, and how to say so to a person.
 */
import {
  CLOSE_CODES,
  ERROR_CODES,
  ExitKind,
  type ErrorCode,
  type ExitFrame,
} from '../../../../shared/protocol/index.ts';

export type SessionEnding =
  /** The remote command ended; the relay sent EXIT. */
  | { kind: 'exit'; exit: Omit<ExitFrame, 'type'> }
  /** The relay reported a failure with ERROR. */
  | { kind: 'error'; code: ErrorCode; retryable: boolean; message: string }
  /** The socket closed without EXIT or ERROR, or the relay stopped answering. */
  | { kind: 'lost'; cause: 'unreachable' | 'closed' | 'keepalive'; closeCode: number }
  /** The app stopped the session itself, because of something it could not handle. */
  | { kind: 'failed'; message: string };

export interface EndingDescription {
  title: string;
  detail: string;
  /** Whether a new session to the same prompt may work. */
  canReconnect: boolean;
}

export function describeEnding(ending: SessionEnding): EndingDescription {
  switch (ending.kind) {
    case 'exit':
      return describeExit(ending.exit);
    case 'error':
      return {
        title: 'Session failed',
        detail: `${ending.message || ERROR_CODES[ending.code].summary} (${ending.code})`,
        canReconnect: ending.retryable,
      };
    case 'lost':
      return describeLost(ending.cause, ending.closeCode);
    case 'failed':
      return { title: 'Session stopped', detail: ending.message, canReconnect: false };
  }
}

function describeExit(exit: Omit<ExitFrame, 'type'>): EndingDescription {
  const title = exit.kind === ExitKind.code
    ? `Session ended: exit status ${exit.code}`
    : exit.kind === ExitKind.signal
      ? `Session ended: killed by signal ${exit.signal}`
      : 'Session ended';
  const unexplained = exit.kind === ExitKind.unknown
    ? 'The host closed the session without an exit status.'
    : '';
  return { title, detail: exit.message || unexplained, canReconnect: true };
}

function describeLost(cause: 'unreachable' | 'closed' | 'keepalive', code: number) {
  if (cause === 'unreachable') {
    return {
      title: 'Could not reach the relay',
      detail: 'Check that the relay is running and that this device can reach it.',
      canReconnect: true,
    };
  }
  const detail = cause === 'keepalive'
    ? 'The relay stopped answering keep-alives, so the app closed the connection.'
    : describeCloseCode(code);
  return { title: 'Connection to the relay lost', detail, canReconnect: true };
}

/** What a WebSocket close code means for someone looking at a dead terminal. */
export function describeCloseCode(code: number): string {
  switch (code) {
    case CLOSE_CODES.goingAway:
      return 'The relay is shutting down. Reconnect in a moment.';
    case CLOSE_CODES.unsupportedData:
    case CLOSE_CODES.messageTooBig:
    case CLOSE_CODES.protocolError:
      return 'The relay could not understand this app. Reload the page to get the current app.';
    case CLOSE_CODES.unsupportedVersion:
      return 'The relay speaks another protocol version. Reload the page to get the matching app.';
    case CLOSE_CODES.keepaliveTimeout:
      return 'The relay stopped hearing from this app and closed the connection.';
    case CLOSE_CODES.internalError:
      return 'The relay hit an internal error. It has been logged; try again.';
    default:
      return `The connection closed unexpectedly (WebSocket close code ${code}).`;
  }
}
