/**
 * Every error the relay can report, by stable code. The code is what programs and
 * tests match on; the summary is what a person reads when the relay adds no detail.
 * `retryable` says whether trying the same thing again, unchanged, can succeed.
 */
export const ERROR_CODES = {
  'protocol.malformed': {
    retryable: false,
    summary: 'The app sent a frame the relay could not read. Reload the app.',
  },
  'protocol.unknown_frame': {
    retryable: false,
    summary: 'The app sent a frame type the relay does not know. Reload the app.',
  },
  'protocol.unexpected_frame': {
    retryable: false,
    summary: 'The app sent a frame that does not fit this point of the session.',
  },
  'protocol.text_message': {
    retryable: false,
    summary: 'The relay accepts binary frames only.',
  },
  'protocol.version': {
    retryable: false,
    summary: 'The app and the relay speak different protocol versions. Reload the app.',
  },
  'target.invalid': {
    retryable: false,
    summary: 'The host, port or user name of this prompt is not valid.',
  },
  'ssh.dns': {
    retryable: false,
    summary: 'The host name does not resolve. Check the spelling of the host.',
  },
  'ssh.refused': {
    retryable: true,
    summary: 'The host refused the connection. Check the port and that sshd is running.',
  },
  'ssh.timeout': {
    retryable: true,
    summary: 'The host did not answer in time. Check the address and any firewall.',
  },
  'ssh.unreachable': {
    retryable: true,
    summary: 'There is no route to the host from the relay.',
  },
  'ssh.handshake_failed': {
    retryable: false,
    summary: 'The SSH handshake failed (no common algorithms, or not an SSH server).',
  },
  'ssh.host_key_rejected': {
    retryable: false,
    summary: 'The host key was not trusted, so the connection was closed.',
  },
  'ssh.auth_failed': {
    retryable: true,
    summary: 'The host refused every authentication method that was tried.',
  },
  'ssh.auth_cancelled': {
    retryable: true,
    summary: 'Authentication was cancelled.',
  },
  'ssh.channel_refused': {
    retryable: false,
    summary: 'The host refused to open a terminal (PTY or shell) for this user.',
  },
  'ssh.disconnected': {
    retryable: true,
    summary: 'The connection to the host was lost.',
  },
  'ssh.keepalive_timeout': {
    retryable: true,
    summary: 'The host stopped answering keep-alives, so the session was closed.',
  },
  'relay.question_timeout': {
    retryable: true,
    summary: 'No answer came in time for a question the host asked.',
  },
  'relay.shutting_down': {
    retryable: true,
    summary: 'The relay is restarting. Reconnect in a moment.',
  },
  'relay.internal': {
    retryable: true,
    summary: 'The relay hit an internal error. It has been logged.',
  },
  'resume.unsupported': {
    retryable: false,
    summary: 'This relay cannot resume sessions yet. Start a new session.',
  },
} as const satisfies Record<string, { retryable: boolean; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/**
 * WebSocket close codes. 1000 to 1011 are RFC 6455's; 4000 to 4999 are ours.
 */
export const CLOSE_CODES = {
  /** The session ended (the shell exited, or the user closed it). */
  normal: 1000,
  /** The relay is shutting down. */
  goingAway: 1001,
  /** A text message arrived; the protocol is binary only. */
  unsupportedData: 1003,
  /** A message was larger than the relay accepts. */
  messageTooBig: 1009,
  /** The relay failed internally. */
  internalError: 1011,
  /** A frame could not be decoded or did not fit the session's state. */
  protocolError: 4000,
  /** The client offered no protocol version that the relay speaks. */
  unsupportedVersion: 4001,
  /** The SSH side failed; an ERROR frame that says why came just before. */
  sessionFailed: 4002,
  /** The peer stopped answering keep-alives. */
  keepaliveTimeout: 4003,
} as const;
