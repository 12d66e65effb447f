/**
 * Opens the terminal channel on an authenticated SSH connection: a PTY with the
 * browser's size and terminal type, then the login shell or the requested command.
 */
import type { Client, ClientChannel, PseudoTtyOptions } from 'ssh2';
import type { TerminalSize } from '../../shared/protocol/index.ts';
import { SessionError } from '../session-error.ts';

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
    if (request.command === '') client.shell(pty, done);
    else client.exec(request.command, { pty }, done);
  });
}
