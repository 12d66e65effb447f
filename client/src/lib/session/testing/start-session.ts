/**
 * Builds a SessionController wired to a fake socket and terminal, with a real known-hosts
 * store on fake-indexeddb (an in-memory IndexedDB), as the session tests need it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { RelayFrame } from '../../../../../shared/protocol/index.ts';
import { openSeashellDb } from '../../storage/db.ts';
import { KnownHostStore } from '../../storage/known-hosts.ts';
import { SessionController } from '../session-controller.svelte.ts';
import type { SessionTarget } from '../session-io.ts';
import { FakeSocket } from './fake-socket.ts';
import { FakeTerminal } from './fake-terminal.ts';
import { relayMessage } from './relay-message.ts';

export const TARGET: SessionTarget = { host: 'build.example.net', port: 2222, user: 'ada' };

/** An ed25519 host key blob and its fingerprint as `ssh-keygen -lf` printed it. */
export const HOST_KEY = {
  algorithm: 'ssh-ed25519',
  base64: 'AAAAC3NzaC1lZDI1NTE5AAAAICdgt9Sk5PHzX9XDNnYP6C1AocW+qig32ecwqZGc1t3F',
  fingerprint: 'SHA256:7U3yD9dz5LJcNqTAs6utO+m+mlL6icO/kl31MnT/+lQ',
};

export function hostKeyBlob(base64: string = HOST_KEY.base64): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

export async function startSession() {
  globalThis.indexedDB = new IDBFactory();
  const knownHosts = new KnownHostStore(await openSeashellDb());
  const socket = new FakeSocket();
  const terminal = new FakeTerminal();
  const session = new SessionController({
    target: TARGET,
    socket,
    terminal,
    knownHosts,
    now: () => Date.now(),
  });
  const receive = (frame: RelayFrame) => session.socketMessage(relayMessage(frame));
  return { session, socket, terminal, knownHosts, receive };
}

/** A session past the host key and authentication, ready for output. */
export async function startReadySession() {
  const started = await startSession();
  started.session.socketOpened();
  started.receive({ type: 'ready', token: new Uint8Array(16) });
  started.socket.clear();
  return started;
}
