/**
 * Host keys the user has trusted, one per `host:port`, like OpenSSH's known_hosts.
 * A host that later offers a key of another algorithm is treated as changed: the relay
 * negotiates the same algorithm every time, so a switch is worth a warning.
 */
import type { SeashellDb } from './db.ts';

export interface KnownHost {
  /** `host:port`, with the host in lower case as DNS names are case-insensitive. */
  key: string;
  host: string;
  port: number;
  /** Such as `ssh-ed25519`. */
  algorithm: string;
  /** The SSH public key blob, base64 with padding. */
  keyBase64: string;
  /** `SHA256:...`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** Milliseconds since the epoch. */
  addedAt: number;
}

export function knownHostKey(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

/** The part of the store a session needs: look a host up, and trust a key. */
export interface KnownHostBook {
  lookup(host: string, port: number): Promise<KnownHost | undefined>;
  trust(entry: Omit<KnownHost, 'key' | 'addedAt'>): Promise<KnownHost>;
}

export class KnownHostStore implements KnownHostBook {
  constructor(
    private readonly db: SeashellDb,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(host: string, port: number): Promise<KnownHost | undefined> {
    return this.db.get('knownHosts', knownHostKey(host, port));
  }

  /** Stores the key, replacing any earlier key for the same host and port. */
  async trust(entry: Omit<KnownHost, 'key' | 'addedAt'>): Promise<KnownHost> {
    const knownHost: KnownHost = {
      ...entry,
      key: knownHostKey(entry.host, entry.port),
      addedAt: this.now(),
    };
    await this.db.put('knownHosts', knownHost);
    return knownHost;
  }

  /** Every known host, sorted by host and port. */
  async list(): Promise<KnownHost[]> {
    const hosts = await this.db.getAll('knownHosts');
    return hosts.sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
  }

  remove(key: string): Promise<void> {
    return this.db.delete('knownHosts', key);
  }
}
