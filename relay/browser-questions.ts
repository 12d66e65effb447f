/**
 * The handshake's questions for the person (host key, password, keyboard-interactive),
 * put to the browser as frames and answered by it. Each question waits in `questions`
 * until the matching answer frame arrives, the person runs out of time, or the session
 * closes.
 */
import {
  AuthMethod,
  SessionPhase,
  type AuthAnswerFrame,
  type AuthPromptField,
  type RelayFrame,
} from '../shared/protocol/index.ts';
import type { Questions } from './questions.ts';
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
    const promptId = nextPromptId++;
    send({ type: 'phase', phase: SessionPhase.authenticating, detail: '' });
    const answer = await questions.ask<AuthAnswerFrame>(authQuestion(promptId), () =>
      send({ type: 'authPrompt', promptId, method, name, instructions, prompts }),
    );
    return answer.cancelled ? undefined : answer.answers;
  };
  const retryNote = (attempt: number): string => (attempt > 1 ? RETRY_NOTE : '');

  return {
    trustHostKey: (algorithm, key) =>
      questions.ask<boolean>(
        HOST_KEY_QUESTION,
        () => send({ type: 'hostKeyCheck', algorithm, key }),
      ),
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
