import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSeashellDb } from './db.ts';
import { PromptNotFoundError, PromptStore } from './prompts.ts';

let clock = 1_000;
const tick = () => ++clock;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function store(): Promise<PromptStore> {
  return new PromptStore(await openSeashellDb(), tick);
}

const input = { name: 'Build box', host: 'build.example.net', port: 22, user: 'ada' };

describe('PromptStore', () => {
  it('stores a prompt with an id and timestamps and lists it', async () => {
    const prompts = await store();
    const added = await prompts.add(input);

    expect(added).toMatchObject(input);
    expect(added.id).toMatch(/^[0-9a-f]{32}$/);
    expect(added.updatedAt).toBe(added.createdAt);
    expect(await prompts.list()).toEqual([added]);
  });

  it('keeps prompts across a reopened database', async () => {
    const added = await (await store()).add(input);
    expect(await (await store()).get(added.id)).toEqual(added);
  });

  it('lists prompts by name, then host', async () => {
    const prompts = await store();
    await prompts.add({ ...input, name: 'web', host: 'b' });
    await prompts.add({ ...input, name: 'db', host: 'z' });
    await prompts.add({ ...input, name: 'web', host: 'a' });

    const listed = (await prompts.list()).map((p) => `${p.name}/${p.host}`);
    expect(listed).toEqual(['db/z', 'web/a', 'web/b']);
  });

  it('updates the fields and updatedAt but keeps the id and createdAt', async () => {
    const prompts = await store();
    const added = await prompts.add(input);
    const updated = await prompts.update(added.id, { ...input, port: 2222, user: 'grace' });

    expect(updated).toMatchObject({ id: added.id, port: 2222, user: 'grace' });
    expect(updated.createdAt).toBe(added.createdAt);
    expect(updated.updatedAt).toBeGreaterThan(added.updatedAt);
    expect(await prompts.list()).toEqual([updated]);
  });

  it('refuses to update a prompt that was deleted', async () => {
    const prompts = await store();
    const added = await prompts.add(input);
    await prompts.remove(added.id);

    await expect(prompts.update(added.id, input)).rejects.toBeInstanceOf(PromptNotFoundError);
    expect(await prompts.list()).toEqual([]);
  });
});
