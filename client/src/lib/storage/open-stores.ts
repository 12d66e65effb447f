import { openSeashellDb, type SeashellDb } from './db.ts';
import { KnownHostStore } from './known-hosts.ts';
import { PromptStore } from './prompts.ts';

export interface Stores {
  db: SeashellDb;
  prompts: PromptStore;
  knownHosts: KnownHostStore;
}

export async function openStores(): Promise<Stores> {
  const db = await openSeashellDb();
  return { db, prompts: new PromptStore(db), knownHosts: new KnownHostStore(db) };
}
