/**
 * Checks what a person typed into the prompt form before it is stored or sent. The
 * limits are the protocol's, so a saved prompt always fits in an OPEN frame.
 */
import { MAX_HOST_BYTES, MAX_USER_BYTES } from '../../../../shared/protocol/index.ts';
import { utf8Length } from '../../../../shared/protocol/utf8.ts';

/** A prompt's name is only a label for the list; this keeps a row on one line. */
export const MAX_PROMPT_NAME_CHARS = 100;

export const DEFAULT_SSH_PORT = 22;

/** The form's fields, as typed. */
export interface PromptDraft {
  name: string;
  host: string;
  port: string;
  user: string;
}

/** A prompt's fields once they are valid. */
export interface PromptInput {
  name: string;
  host: string;
  port: number;
  user: string;
}

export type PromptField = keyof PromptDraft;

export type PromptErrors = Partial<Record<PromptField, string>>;

export type PromptValidation =
  | { ok: true; value: PromptInput }
  | { ok: false; errors: PromptErrors };

export function validatePrompt(draft: PromptDraft): PromptValidation {
  const name = draft.name.trim();
  const host = draft.host.trim();
  const port = draft.port.trim();
  const user = draft.user.trim();
  const errors: PromptErrors = {};

  if ([...name].length > MAX_PROMPT_NAME_CHARS) {
    errors.name = `Use at most ${MAX_PROMPT_NAME_CHARS} characters.`;
  }

  if (host === '') errors.host = 'Enter a host name or IP address.';
  else if (/\s/.test(host)) errors.host = 'A host name cannot contain spaces.';
  else if (utf8Length(host) > MAX_HOST_BYTES) {
    errors.host = `A host name can be at most ${MAX_HOST_BYTES} bytes long.`;
  }

  const portNumber = Number(port);
  if (!/^\d{1,5}$/.test(port) || portNumber < 1 || portNumber > 65_535) {
    errors.port = 'Enter a port number from 1 to 65535 (SSH uses 22).';
  }

  if (user === '') errors.user = 'Enter the user name to log in as.';
  else if (utf8Length(user) > MAX_USER_BYTES) {
    errors.user = `A user name can be at most ${MAX_USER_BYTES} bytes long.`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, host, port: portNumber, user } };
}

/** What the list shows for a prompt: its name, or `user@host` when it has none. */
export function promptLabel(prompt: PromptInput): string {
  return prompt.name === '' ? `${prompt.user}@${prompt.host}` : prompt.name;
}
