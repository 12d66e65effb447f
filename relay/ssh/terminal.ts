/**
 * Opens the terminal channel on an authenticated SSH connection: a PTY with the
 * browser's size and terminal type, then the login shell or the requested command.
 */
import type { Client, ClientChannel, PseudoTtyOptions } from 'ssh2';
import type { TerminalSize } from '../../shared/protocol/index.ts';
import { SessionError } from '../session-error.ts';

/**
 * xterm.js reads and writes UTF-8 only, so the relay tells the host so, as OpenSSH's client
 * does with its own locale (Debian's sshd accepts LANG and LC_*). Without it a host in the
 * C locale treats each byte of a non-ASCII character as a character of its own, and
 * readline's idea of the cursor drifts from the screen's. Only LC_CTYPE is sent: language,
 * dates and sorting stay the host's.
 */
export const TERMINAL_ENV = { LC_CTYPE: 'C.UTF-8' };

export interface TerminalRequest extends TerminalSize {
  term: string;
  /** Empty for the login shell. */
  command: string;
}

export function openTerminal(client: Client, request: TerminalRequest): Promise<ClientChannel> {
  const pty: PseudoTtyOptions = {
    term: request.term,
    cols: request.cols,
    rows: request.rows,
    width: request.widthPx,
    height: request.heightPx,
  };
  return new Promise((resolve, reject) => {
    const done = (cause: Error | undefined, channel: ClientChannel): void => {
      if (cause) {
        reject(new SessionError('ssh.channel_refused', 'The host refused to open a terminal: '
          + `${cause.message}. Its sshd_config may forbid a PTY or a shell for this user.`, {
          cause,
        }));
      } else {
        resolve(channel);
      }
    };
    if (request.command === '') client.shell(pty, { env: TERMINAL_ENV }, done);
    else client.exec(request.command, { pty, env: TERMINAL_ENV }, done);
  });
}
