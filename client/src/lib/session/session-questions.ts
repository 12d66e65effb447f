/**
 * What a session may ask the user, or warn them about, before the shell opens.
 */
import type { AuthPromptFrame } from '../../../../shared/protocol/index.ts';
import type { OfferedHostKey } from '../host-key/host-key-verdict.ts';
import type { KnownHost } from '../storage/known-hosts.ts';

/** The host offered a key never seen before: trust it or not. */
export interface NewHostKeyQuestion extends OfferedHostKey {
  kind: 'newHostKey';
  host: string;
  port: number;
}

/** The host asked for a password or keyboard-interactive answers. */
export interface AuthQuestion extends Omit<AuthPromptFrame, 'type'> {
  kind: 'auth';
}

export type SessionQuestion = NewHostKeyQuestion | AuthQuestion;

/**
 * A known host offered a different key. The app refused it already; this only explains,
 * and deliberately offers no way to accept the new key from here.
 */
export interface HostKeyChange {
  host: string;
  port: number;
  known: KnownHost;
  offered: OfferedHostKey;
}
