/**
 * State of the prompt list screen: the saved prompts and the open add/edit form.
 */
import type { Prompt, PromptStore } from '../storage/prompts.ts';
import {
  DEFAULT_SSH_PORT,
  validatePrompt,
  type PromptDraft,
  type PromptErrors,
} from './validate-prompt.ts';

/** The form's state: which prompt it edits (none when adding) and what it started with. */
export interface PromptFormState {
  editing: Prompt | undefined;
  initial: PromptDraft;
}

export class PromptListModel {
  prompts = $state<Prompt[]>([]);
  loaded = $state(false);
  form = $state<PromptFormState | undefined>();
  /** A storage failure, worded for the user. */
  problem = $state<string | undefined>();

  constructor(private readonly store: PromptStore) {}

  async load(): Promise<void> {
    await this.attempt('load the saved prompts', async () => {
      this.prompts = await this.store.list();
      this.loaded = true;
    });
  }

  startAdding(): void {
    this.form = {
      editing: undefined,
      initial: { name: '', host: '', port: String(DEFAULT_SSH_PORT), user: '' },
    };
  }

  startEditing(prompt: Prompt): void {
    const { name, host, port, user } = prompt;
    this.form = { editing: prompt, initial: { name, host, port: String(port), user } };
  }

  closeForm(): void {
    this.form = undefined;
  }

  /** Saves the form. Returns the field errors to show, or undefined once saved. */
  async save(draft: PromptDraft): Promise<PromptErrors | undefined> {
    const validation = validatePrompt(draft);
    if (!validation.ok) return validation.errors;

    const editing = this.form?.editing;
    await this.attempt('save the prompt', async () => {
      if (editing) await this.store.update(editing.id, validation.value);
      else await this.store.add(validation.value);
      this.form = undefined;
      this.prompts = await this.store.list();
    });
    return undefined;
  }

  async remove(prompt: Prompt): Promise<void> {
    await this.attempt('delete the prompt', async () => {
      await this.store.remove(prompt.id);
      if (this.form?.editing?.id === prompt.id) this.form = undefined;
      this.prompts = await this.store.list();
    });
  }

  private async attempt(what: string, action: () => Promise<void>): Promise<void> {
    this.problem = undefined;
    try {
      await action();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.problem = `Could not ${what}: ${reason}`;
    }
  }
}
