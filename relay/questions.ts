/**
 * Questions the host asks that only the person at the browser can answer: whether to
 * trust a host key, a password, keyboard-interactive prompts. One is outstanding at a
 * time, because SSH asks them one after another.
 */

/** How long a person has to answer one question. sshd's own LoginGraceTime may be shorter. */
export const QUESTION_TIMEOUT_MS = 5 * 60 * 1000;

export class QuestionTimeoutError extends Error {
  override readonly name = 'QuestionTimeoutError';
}

export class QuestionCancelledError extends Error {
  override readonly name = 'QuestionCancelledError';
}

interface Pending {
  kind: string;
  settle(answer: unknown): void;
  fail(error: Error): void;
  timer: NodeJS.Timeout;
}

export class Questions {
  private pending: Pending | undefined;
  private closedBecause: string | undefined;

  constructor(private readonly timeoutMs = QUESTION_TIMEOUT_MS) {}

  get waiting(): string | undefined {
    return this.pending?.kind;
  }

  /** `send` puts the question on the wire; the promise settles with `answer` or a timeout. */
  ask<A>(kind: string, send: () => void): Promise<A> {
    if (this.closedBecause !== undefined) {
      return Promise.reject(new QuestionCancelledError(this.closedBecause));
    }
    if (this.pending) {
      return Promise.reject(new Error(`asked ${kind} while ${this.pending.kind} is unanswered`));
    }
    return new Promise<A>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new QuestionTimeoutError(`no answer to the ${kind} question in time`));
      }, this.timeoutMs);
      // The kind names the answer's type: whoever answers a kind gives what `ask` expects.
      this.pending = { kind, settle: (answer) => resolve(answer as A), fail: reject, timer };
      send();
    });
  }

  /** Settles the outstanding question; false when none of that kind was asked. */
  answer(kind: string, answer: unknown): boolean {
    const pending = this.pending;
    if (!pending || pending.kind !== kind) return false;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.settle(answer);
    return true;
  }

  /**
   * Fails the outstanding question, if any, and every later one at once: the session is
   * going away, and a handshake still under way must not wait for an answer that cannot come.
   */
  close(reason: string): void {
    this.closedBecause ??= reason;
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.fail(new QuestionCancelledError(reason));
  }
}
