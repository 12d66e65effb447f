/**
 * Saved prompts: where to connect and as whom. No secret is ever stored here; passwords
 * are asked for on each connection.
 */
import type { PromptInput } from '../prompts/validate-prompt.ts';
import type { SeashellDb } from './db.ts';

export interface Prompt extends PromptInput {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** Thrown when a prompt to update or delete is no longer stored (another tab removed it). */
export class PromptNotFoundError extends Error {
  override readonly name = 'PromptNotFoundError';
  readonly code = 'prompt.not_found';

  constructor(id: string) {
    super(`Prompt ${id} is no longer saved; it may have been deleted in another tab.`);
  }
}

export class PromptStore {
  constructor(
    private readonly db: SeashellDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every prompt, by name (then host), as a person scans a list. */
  async list(): Promise<Prompt[]> {
    const prompts = await this.db.getAll('prompts');
    return prompts.sort(
      (a, b) => a.name.localeCompare(b.name) || a.host.localeCompare(b.host) || a.port - b.port,
    );
  }

  get(id: string): Promise<Prompt | undefined> {
    return this.db.get('prompts', id);
  }

  async add(input: PromptInput): Promise<Prompt> {
    const at = this.now();
    const prompt: Prompt = { ...input, id: newPromptId(), createdAt: at, updatedAt: at };
    await this.db.add('prompts', prompt);
    return prompt;
  }

  async update(id: string, input: PromptInput): Promise<Prompt> {
    const transaction = this.db.transaction('prompts', 'readwrite');
    const stored = await transaction.store.get(id);
    if (!stored) throw new PromptNotFoundError(id);
    const prompt: Prompt = { ...stored, ...input, id, updatedAt: this.now() };
    await transaction.store.put(prompt);
    await transaction.done;
    return prompt;
  }

  remove(id: string): Promise<void> {
    return this.db.delete('prompts', id);
  }
}

/**
 * A random id. crypto.getRandomValues works outside secure contexts too, unlike
 * crypto.randomUUID, so saving a prompt never depends on how the page was served.
 */
function newPromptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
