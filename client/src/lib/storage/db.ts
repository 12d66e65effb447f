/**
 * The app's one IndexedDB database. Each store's record type lives with the module that
 * owns the store; this file only names them and creates them on upgrade.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KnownHost } from './known-hosts.ts';
import type { Prompt } from './prompts.ts';

export const DB_NAME = 'seashell';

/**
 * Version 1 holds prompts and known hosts. Private keys will come in version 2 as a
 * `keys` store of non-extractable CryptoKeys (IndexedDB keeps them by structured clone,
 * so the raw key never reaches script); add its step to `upgrade` under `oldVersion < 2`.
 */
export const DB_VERSION = 1;

export interface SeashellSchema extends DBSchema {
  prompts: { key: string; value: Prompt };
  knownHosts: { key: string; value: KnownHost };
}

export type SeashellDb = IDBPDatabase<SeashellSchema>;

export function openSeashellDb(name: string = DB_NAME): Promise<SeashellDb> {
  return openDB<SeashellSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('prompts', { keyPath: 'id' });
        db.createObjectStore('knownHosts', { keyPath: 'key' });
      }
    },
  });
}
