import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSeashellDb } from '../storage/db.ts';
import { KnownHostStore } from '../storage/known-hosts.ts';
import { KnownHostListModel } from './known-host-list.svelte.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const key = { algorithm: 'ssh-ed25519', keyBase64: 'AAAA', fingerprint: 'SHA256:x' };

describe('KnownHostListModel', () => {
  it('lists known hosts and forgets a deleted one', async () => {
    const store = new KnownHostStore(await openSeashellDb());
    await store.trust({ ...key, host: 'alpha', port: 22 });
    await store.trust({ ...key, host: 'beta', port: 2222 });
    const list = new KnownHostListModel(store);

    await list.load();
    expect(list.hosts.map((h) => h.key)).toEqual(['alpha:22', 'beta:2222']);

    await list.remove(list.hosts[0]!);
    expect(list.hosts.map((h) => h.key)).toEqual(['beta:2222']);
    expect(await store.lookup('alpha', 22)).toBeUndefined();
  });

  it('says what failed when the database is gone', async () => {
    const db = await openSeashellDb();
    const list = new KnownHostListModel(new KnownHostStore(db));
    db.close();

    await list.load();
    expect(list.loaded).toBe(false);
    expect(list.problem).toMatch(/^Could not load the known hosts: /);
  });
});
