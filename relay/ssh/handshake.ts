/**
 * Runs the SSH handshake and authentication over an open TCP socket, asking the
 * browser (through `HandshakeQuestions`) to judge the host key and supply credentials.
 *
 * ssh2's readyTimeout is off: it would also count the time a person takes to answer.
 * Instead a handshake timer runs only while the relay waits for the host, and stops
 * while the relay waits for the person.
 */
import type { Socket } from 'node:net';
import { Client, type ConnectConfig } from 'ssh2';
import { SessionError } from '../session-error.ts';
import { createAuthHandler, type AuthOutcome, type Credentials } from './authenticate.ts';

/** How long the host itself may take over the handshake and each authentication step. */
export const HANDSHAKE_TIMEOUT_MS = 30_000;

/** Missed SSH keep-alives before the host is taken for dead, as OpenSSH's ServerAliveCountMax. */
export const SSH_KEEPALIVE_COUNT_MAX = 3;

export interface HandshakeQuestions extends Credentials {
  /** Whether to trust this host key; the browser decides. */
  trustHostKey(algorithm: string, key: Buffer): Promise<boolean>;
}

export interface HandshakeOptions {
  socket: Socket;
  user: string;
  keepaliveIntervalMs: number;
  questions: HandshakeQuestions;
  /** The host's pre-authentication banner, if it sends one. */
  onBanner(message: string): void;
  handshakeTimeoutMs?: number;
}

/** Resolves with an authenticated client, or rejects with a SessionError. */
export function handshake(options: HandshakeOptions): Promise<Client> {
  const client = new Client();
  const timeoutMs = options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  const outcome: AuthOutcome = { cancelled: false, offered: [] };
  let hostKeyRefused = false;
  let timedOut = false;
  let connectionOpen = true;
  let timer: NodeJS.Timeout | undefined;

  const startClock = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      client.end();
      options.socket.destroy();
    }, timeoutMs);
  };
  const stopClock = (): void => clearTimeout(timer);

  /** Stops the clock while a person thinks, and restarts it once they answered. */
  const askPerson = async <T>(question: () => Promise<T>): Promise<T> => {
    stopClock();
    try {
      return await question();
    } finally {
      startClock();
    }
  };

  const questions = options.questions;
  const credentials: Credentials = {
    password: (attempt) => askPerson(() => questions.password(attempt)),
    keyboardInteractive: (round, attempt) =>
      askPerson(() => questions.keyboardInteractive(round, attempt)),
  };

  const config: ConnectConfig = {
    sock: options.socket,
    username: options.user,
    readyTimeout: 0,
    keepaliveInterval: options.keepaliveIntervalMs,
    keepaliveCountMax: SSH_KEEPALIVE_COUNT_MAX,
    tryKeyboard: true,
    hostVerifier: (key: Buffer, verify: (trusted: boolean) => void) => {
      askPerson(() => questions.trustHostKey(keyAlgorithm(key), key)).then(
        (trusted) => {
          hostKeyRefused = !trusted;
          if (connectionOpen) verify(trusted);
        },
        (failure: unknown) => {
          outcome.failure = failure;
          if (connectionOpen) verify(false);
        },
      );
    },
    // See AuthHandler: ssh2's published types omit the values it really passes.
    authHandler: createAuthHandler(options.user, credentials, outcome, () =>
      client.end(),
    ) as unknown as ConnectConfig['authHandler'],
  };

  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    const settle = (error?: SessionError): void => {
      if (settled) return;
      settled = true;
      stopClock();
      client.removeListener('banner', options.onBanner);
      if (error) {
        client.end();
        options.socket.destroy();
        reject(error);
      } else {
        resolve(client);
      }
    };

    client.on('banner', options.onBanner);
    client.once('ready', () => settle());
    client.on('error', (error: Error & { level?: string }) => {
      settle(describeFailure(error, { timeoutMs, hostKeyRefused, timedOut, outcome }));
    });
    client.once('close', () => {
      // ssh2 throws if `verify` is called after this, which a late answer would do.
      connectionOpen = false;
      settle(describeFailure(undefined, { timeoutMs, hostKeyRefused, timedOut, outcome }));
    });

    startClock();
    client.connect(config);
  });
}

interface FailureContext {
  timeoutMs: number;
  hostKeyRefused: boolean;
  timedOut: boolean;
  outcome: AuthOutcome;
}

function describeFailure(
  error: (Error & { level?: string }) | undefined,
  context: FailureContext,
): SessionError {
  const cause = context.outcome.failure ?? error;
  if (context.outcome.failure instanceof SessionError) return context.outcome.failure;
  if (context.outcome.failure !== undefined) {
    return new SessionError('relay.question_timeout', undefined, { cause });
  }
  if (context.hostKeyRefused) {
    return new SessionError('ssh.host_key_rejected', undefined, { cause });
  }
  if (context.outcome.cancelled) {
    return new SessionError('ssh.auth_cancelled', undefined, { cause });
  }
  if (context.timedOut) {
    return new SessionError('ssh.timeout', 'The host accepted the connection but did not '
      + `finish the SSH handshake within ${context.timeoutMs / 1000} s.`, { cause });
  }
  switch (error?.level) {
    case 'client-authentication': {
      const offered = context.outcome.offered;
      const methods = offered.length > 0 ? offered.join(', ') : 'none';
      return new SessionError('ssh.auth_failed', 'Authentication failed. The host accepts: '
        + `${methods}; the relay tried keyboard-interactive and password.`, { cause });
    }
    case 'handshake':
    case 'protocol':
      return new SessionError(
        'ssh.handshake_failed',
        `The SSH handshake failed: ${error.message}.`,
        { cause },
      );
    default:
      return new SessionError('ssh.disconnected', 'The host closed the connection during the '
        + 'handshake. Its logs may say why (for example MaxStartups or AllowUsers).', { cause });
  }
}

/** The algorithm name at the start of an SSH public key blob (RFC 4253 section 6.6). */
export function keyAlgorithm(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return 'unknown';
  return blob.toString('latin1', 4, 4 + length);
}
