/**
 * Opens the TCP connection to an SSH host. The relay does this itself, rather than
 * leaving it to ssh2, so that each way of failing (no such name, refused, silent,
 * unreachable) reaches the browser as its own error, and so that the time allowed to
 * connect does not also limit how long a person may take to type a password.
 */
import { lookup } from 'node:dns/promises';
import { connect, type Socket } from 'node:net';
import { SessionError } from '../session-error.ts';

/** How long a host may take to accept the TCP connection. */
export const CONNECT_TIMEOUT_MS = 15_000;

export interface Target {
  host: string;
  port: number;
}

/** Resolves `host` to one address, as ssh(1) does with its first answer. */
export async function resolveHost(host: string): Promise<string> {
  try {
    const { address } = await lookup(host);
    return address;
  } catch (cause) {
    throw new SessionError('ssh.dns', `The host name "${host}" does not resolve.`, { cause });
  }
}

export function connectTcp(
  address: string,
  port: number,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    const fail = (error: SessionError): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => {
      fail(new SessionError('ssh.timeout', `${address} port ${port} did not answer within `
        + `${timeoutMs / 1000} s. Check the address, the port and any firewall.`));
    });
    socket.once('error', (cause: NodeJS.ErrnoException) =>
      fail(describeConnectError(cause, address, port)),
    );
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

function describeConnectError(
  cause: NodeJS.ErrnoException,
  address: string,
  port: number,
): SessionError {
  const where = `${address} port ${port}`;
  switch (cause.code) {
    case 'ECONNREFUSED':
      return new SessionError('ssh.refused', `${where} refused the connection. `
        + 'Check the port and that sshd is running.', { cause });
    case 'ETIMEDOUT':
      return new SessionError('ssh.timeout', `${where} did not answer. `
        + 'Check the address and any firewall.', { cause });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SessionError('ssh.unreachable', `There is no route from the relay to ${where}.`, {
        cause,
      });
    default:
      return new SessionError(
        'ssh.disconnected',
        `Connecting to ${where} failed (${cause.code}).`,
        { cause },
      );
  }
}
