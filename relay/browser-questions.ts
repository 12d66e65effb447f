/**
 * The handshake's questions for the person (host key, password, keyboard-interactive),
 * put to the browser as frames and answered by it. Each question waits in `questions`
 * until the matching answer frame arrives, the person runs out of time, or the session
 * closes.
 */
import {
  AuthMethod,
  fitUtf8,
  MAX_AUTH_PROMPTS,
  MAX_AUTH_TEXT_BYTES,
  MAX_KEY_BLOB_BYTES,
  SessionPhase,
  type AuthAnswerFrame,
  type AuthPromptFrame,
  type AuthPromptField,
  type RelayFrame,
} from '../shared/protocol/index.ts';
import type { Questions } from './questions.ts';
import { SessionError } from './session-error.ts';
import type { HandshakeQuestions } from './ssh/handshake.ts';

const RETRY_NOTE = 'Permission denied, please try again.';

/** The question kind an AUTH_ANSWER settles, keyed by its prompt id. */
export const authQuestion = (promptId: number): string => `auth:${promptId}`;

export const HOST_KEY_QUESTION = 'hostKey';

export function askTheBrowser(
  questions: Questions,
  send: (frame: RelayFrame) => void,
): HandshakeQuestions {
  let nextPromptId = 1;
  const askAuth = async (
    method: (typeof AuthMethod)[keyof typeof AuthMethod],
    name: string,
    instructions: string,
    prompts: AuthPromptField[],
  ): Promise<string[] | undefined> => {
    if (prompts.length > MAX_AUTH_PROMPTS) {
      throw new SessionError('ssh.auth_failed', `The host asked ${prompts.length} questions at `
        + `once; Seashell answers at most ${MAX_AUTH_PROMPTS}.`);
    }
    // The host writes these texts: they are cut to the frame's caps rather than refused,
    // since a long instruction is no reason to fail a login.
    const fit = (text: string): string => fitUtf8(text, MAX_AUTH_TEXT_BYTES);
    const frame: AuthPromptFrame = {
      type: 'authPrompt',
      promptId: nextPromptId++,
      method,
      name: fit(name),
      instructions: fit(instructions),
      prompts: prompts.map((prompt) => ({ echo: prompt.echo, text: fit(prompt.text) })),
    };

    send({ type: 'phase', phase: SessionPhase.authenticating, detail: '' });
    const answer = await questions.ask<AuthAnswerFrame>(authQuestion(frame.promptId), () =>
      send(frame),
    );
    return answer.cancelled ? undefined : answer.answers;
  };
  const retryNote = (attempt: number): string => (attempt > 1 ? RETRY_NOTE : '');

  return {
    trustHostKey: async (algorithm, key) => {
      if (key.length > MAX_KEY_BLOB_BYTES) {
        throw new SessionError('ssh.handshake_failed', 'The host offered a host key of '
          + `${key.length} bytes; Seashell accepts at most ${MAX_KEY_BLOB_BYTES}.`);
      }
      return questions.ask<boolean>(HOST_KEY_QUESTION, () =>
        send({ type: 'hostKeyCheck', algorithm, key }),
      );
    },
    password: async (attempt) => {
      const prompt = { text: 'Password:', echo: false };
      const answers = await askAuth(AuthMethod.password, '', retryNote(attempt), [prompt]);
      return answers?.[0];
    },
    keyboardInteractive: (round, attempt) => {
      const instructions = [retryNote(attempt), round.instructions].filter(Boolean).join('\n');
      return askAuth(AuthMethod.keyboardInteractive, round.name, instructions, round.prompts);
    },
  };
}
