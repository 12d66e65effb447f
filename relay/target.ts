/**
 * Checks the host, port and user a browser asks for before anything is resolved or
 * dialled. The frame decoder already capped their lengths.
 */
import type { OpenFrame } from '../shared/protocol/index.ts';
import { SessionError } from './session-error.ts';

export interface SshTarget {
  host: string;
  port: number;
  user: string;
}

/** A DNS name, an IPv4 address, or an IPv6 address with or without brackets. */
const HOST_PATTERN = /^(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|\[?[0-9a-f:.]+\]?)$/i;

/** Printable, no whitespace, and not starting with '-' (which tools read as an option). */
const USER_PATTERN = /^[^\s\p{Cc}-][^\s\p{Cc}]*$/u;

export function validateTarget(open: OpenFrame): SshTarget {
  const host = open.host.trim();
  if (!HOST_PATTERN.test(host)) {
    throw new SessionError('target.invalid', `"${host}" is not a host name or IP address.`);
  }
  if (!USER_PATTERN.test(open.user)) {
    throw new SessionError('target.invalid', 'The user name is empty or has spaces or control '
      + 'characters.');
  }
  return { host: host.replace(/^\[(.*)\]$/, '$1'), port: open.port, user: open.user };
}
