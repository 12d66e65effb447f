import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuestionCancelledError, Questions, QuestionTimeoutError } from './questions.ts';

afterEach(() => vi.useRealTimers());

describe('Questions', () => {
  it('settles a question with the answer of its kind only', async () => {
    const questions = new Questions(1000);
    let sent = false;
    const answer = questions.ask<boolean>('hostKey', () => (sent = true));
    expect(sent).toBe(true);
    expect(questions.answer('auth:1', 'wrong kind')).toBe(false);
    expect(questions.answer('hostKey', true)).toBe(true);
    await expect(answer).resolves.toBe(true);
    expect(questions.answer('hostKey', true)).toBe(false);
  });

  it('times out a question nobody answers', async () => {
    vi.useFakeTimers();
    const questions = new Questions(1000);
    const answer = questions.ask('hostKey', () => {});
    vi.advanceTimersByTime(1001);
    await expect(answer).rejects.toBeInstanceOf(QuestionTimeoutError);
    expect(questions.waiting).toBeUndefined();
  });

  it('fails the open question when the session goes away, and ignores late answers', async () => {
    const questions = new Questions(1000);
    const answer = questions.ask('auth:1', () => {});
    questions.close('socket closed');
    await expect(answer).rejects.toBeInstanceOf(QuestionCancelledError);
    expect(questions.answer('auth:1', ['late'])).toBe(false);
  });

  it('refuses new questions once closed', async () => {
    const questions = new Questions(1000);
    questions.close('socket closed');
    let sent = false;
    await expect(questions.ask('hostKey', () => (sent = true))).rejects.toBeInstanceOf(
      QuestionCancelledError,
    );
    expect(sent).toBe(false);
  });

  it('asks one question at a time', async () => {
    const questions = new Questions(1000);
    const first = questions.ask('hostKey', () => {});
    await expect(questions.ask('auth:1', () => {})).rejects.toThrow(/unanswered/);
    questions.close('done');
    await expect(first).rejects.toBeInstanceOf(QuestionCancelledError);
  });
});
