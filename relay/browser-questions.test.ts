import { describe, expect, it } from 'vitest';
import { MAX_KEY_BLOB_BYTES, type RelayFrame } from '../shared/protocol/index.ts';
import { askTheBrowser, authQuestion, HOST_KEY_QUESTION } from './browser-questions.ts';
import { Questions } from './questions.ts';
import { SessionError } from './session-error.ts';

function browser() {
  const sent: RelayFrame[] = [];
  const questions = new Questions(1000);
  return { sent, questions, ask: askTheBrowser(questions, (frame) => sent.push(frame)) };
}

describe('askTheBrowser', () => {
  it('puts the host key to the browser and returns its decision', async () => {
    const { sent, questions, ask } = browser();
    const decision = ask.trustHostKey('ssh-ed25519', Buffer.from([1, 2, 3]));

    const key = Buffer.from([1, 2, 3]);
    expect(sent).toEqual([{ type: 'hostKeyCheck', algorithm: 'ssh-ed25519', key }]);
    questions.answer(HOST_KEY_QUESTION, true);
    await expect(decision).resolves.toBe(true);
  });

  it('refuses a host key too large for a frame without asking', async () => {
    const { sent, ask } = browser();
    const error = await ask.trustHostKey('ssh-rsa', Buffer.alloc(MAX_KEY_BLOB_BYTES + 1))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).code).toBe('ssh.handshake_failed');
    expect(sent).toEqual([]);
  });

  it('asks for a password, notes a retry after a failure, and passes a cancel on', async () => {
    const { sent, questions, ask } = browser();
    const first = ask.password(1);
    const firstPrompt = sent.at(-1) as RelayFrame & { type: 'authPrompt' };
    expect(firstPrompt).toMatchObject({ method: 1, instructions: '', prompts: [{ echo: false }] });
    questions.answer(authQuestion(firstPrompt.promptId), {
      type: 'authAnswer', promptId: firstPrompt.promptId, cancelled: false, answers: ['pw'],
    });
    await expect(first).resolves.toBe('pw');

    const second = ask.password(2);
    const secondPrompt = sent.at(-1) as RelayFrame & { type: 'authPrompt' };
    expect(secondPrompt.instructions).toBe('Permission denied, please try again.');
    expect(secondPrompt.promptId).not.toBe(firstPrompt.promptId);
    questions.answer(authQuestion(secondPrompt.promptId), {
      type: 'authAnswer', promptId: secondPrompt.promptId, cancelled: true, answers: [],
    });
    await expect(second).resolves.toBeUndefined();
  });
});
