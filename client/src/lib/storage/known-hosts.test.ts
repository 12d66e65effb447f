import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSeashellDb } from './db.ts';
import { knownHostKey, KnownHostStore } from './known-hosts.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function store(): Promise<KnownHostStore> {
  return new KnownHostStore(await openSeashellDb(), () => 42);
}

const entry = {
  host: 'Build.Example.net',
  port: 22,
  algorithm: 'ssh-ed25519',
  keyBase64: 'AAAA',
  fingerprint: 'SHA256:abc',
};

describe('KnownHostStore', () => {
  it('keys hosts by lower-case host and port', () => {
    expect(knownHostKey('Build.Example.net', 2222)).toBe('build.example.net:2222');
  });

  it('finds a trusted key by host and port, whatever the host case', async () => {
    const hosts = await store();
    const trusted = await hosts.trust(entry);

    expect(trusted).toEqual({ ...entry, key: 'build.example.net:22', addedAt: 42 });
    expect(await hosts.lookup('build.example.NET', 22)).toEqual(trusted);
    expect(await hosts.lookup('build.example.net', 2222)).toBeUndefined();
  });

  it('replaces the key of a host that is trusted again', async () => {
    const hosts = await store();
    await hosts.trust(entry);
    await hosts.trust({ ...entry, keyBase64: 'BBBB', fingerprint: 'SHA256:def' });

    const listed = await hosts.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]?.fingerprint).toBe('SHA256:def');
  });

  it('forgets a removed host', async () => {
    const hosts = await store();
    const trusted = await hosts.trust(entry);
    await hosts.trust({ ...entry, host: 'other', port: 2200 });
    await hosts.remove(trusted.key);

    expect((await hosts.list()).map((h) => h.key)).toEqual(['other:2200']);
    expect(await hosts.lookup(entry.host, entry.port)).toBeUndefined();
  });
});
