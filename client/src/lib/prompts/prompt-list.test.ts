import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSeashellDb } from '../storage/db.ts';
import { PromptStore } from '../storage/prompts.ts';
import { PromptListModel } from './prompt-list.svelte.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function model(): Promise<{ list: PromptListModel; store: PromptStore }> {
  const store = new PromptStore(await openSeashellDb());
  const list = new PromptListModel(store);
  await list.load();
  return { list, store };
}

const draft = { name: 'Build box', host: 'build.example.net', port: '22', user: 'ada' };

describe('PromptListModel', () => {
  it('offers port 22 in a new prompt', async () => {
    const { list } = await model();
    list.startAdding();
    expect(list.form?.initial).toEqual({ name: '', host: '', port: '22', user: '' });
  });

  it('adds a valid prompt, closes the form and lists it', async () => {
    const { list, store } = await model();
    list.startAdding();

    expect(await list.save(draft)).toBeUndefined();
    expect(list.form).toBeUndefined();
    expect(list.prompts.map((p) => p.host)).toEqual(['build.example.net']);
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps the form open and stores nothing when a field is wrong', async () => {
    const { list, store } = await model();
    list.startAdding();

    const errors = await list.save({ ...draft, port: '70000' });
    expect(errors?.port).toMatch(/1 to 65535/);
    expect(list.form).toBeDefined();
    expect(await store.list()).toEqual([]);
  });

  it('edits a prompt in place', async () => {
    const { list } = await model();
    list.startAdding();
    await list.save(draft);
    const [saved] = list.prompts;

    list.startEditing(saved!);
    expect(list.form?.initial).toEqual(draft);
    await list.save({ ...draft, user: 'grace' });

    expect(list.prompts).toHaveLength(1);
    expect(list.prompts[0]).toMatchObject({ id: saved!.id, user: 'grace' });
  });

  it('deletes a prompt', async () => {
    const { list } = await model();
    list.startAdding();
    await list.save(draft);
    await list.remove(list.prompts[0]!);

    expect(list.prompts).toEqual([]);
  });

  it('says what failed when the store fails', async () => {
    const { list, store } = await model();
    list.startAdding();
    await list.save(draft);
    const [saved] = list.prompts;
    await store.remove(saved!.id);

    list.startEditing(saved!);
    await list.save({ ...draft, user: 'grace' });
    expect(list.problem).toMatch(/^Could not save the prompt: Prompt .* no longer saved/);
  });
});
