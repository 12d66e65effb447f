/**
 * Chooses SSH authentication methods and asks the browser for what they need.
 *
 * Order, as OpenSSH's client: keyboard-interactive, then password. Each gets a few
 * attempts, so a mistyped password can be typed again as in ssh(1). Methods the server
 * lists are re-read after every failure; after a partial success ssh2 may report a stale
 * list, which costs one failed attempt at worst.
 */
import type {
  AnyAuthMethod,
  AuthenticationType,
  KeyboardInteractiveCallback,
  Prompt,
} from 'ssh2';

/** Attempts per method before giving up, as OpenSSH's NumberOfPasswordPrompts. */
export const MAX_ATTEMPTS_PER_METHOD = 3;

/**
 * ssh2's auth handler as the library really calls it: the first call has no method list
 * (the answer 'none' asks the server for one) and `false` means "give up". The published
 * types omit both, so the relay casts once, where it hands this to ssh2.
 */
export type AuthHandler = (
  methodsLeft: AuthenticationType[] | null,
  partialSuccess: boolean,
  next: (auth: AnyAuthMethod | false) => void,
) => void;

export interface KeyboardInteractiveRound {
  name: string;
  instructions: string;
  prompts: { text: string; echo: boolean }[];
}

/** What the person in the browser answers; `undefined` means they cancelled. */
export interface Credentials {
  password(attempt: number): Promise<string | undefined>;
  keyboardInteractive(
    round: KeyboardInteractiveRound,
    attempt: number,
  ): Promise<string[] | undefined>;
}

export interface AuthOutcome {
  /** Set when the person cancelled; the connection is then ended. */
  cancelled: boolean;
  /** Methods the server offered, for the error message when all failed. */
  offered: string[];
  /** A question failed (timed out, or the session closed); ends the connection. */
  failure?: unknown;
}

export function createAuthHandler(
  user: string,
  credentials: Credentials,
  outcome: AuthOutcome,
  endConnection: () => void,
): AuthHandler {
  const attempts = { 'keyboard-interactive': 0, password: 0 };

  const giveUp = (failure: unknown): void => {
    if (failure === undefined) outcome.cancelled = true;
    else outcome.failure = failure;
    endConnection();
  };

  return (methodsLeft, _partialSuccess, next) => {
    if (methodsLeft === null) {
      next({ type: 'none', username: user });
      return;
    }
    outcome.offered = methodsLeft;

    if (methodsLeft.includes('keyboard-interactive')
      && attempts['keyboard-interactive'] < MAX_ATTEMPTS_PER_METHOD) {
      const attempt = ++attempts['keyboard-interactive'];
      next({
        type: 'keyboard-interactive',
        username: user,
        prompt: (
          name: string,
          instructions: string,
          _lang: string,
          prompts: Prompt[],
          finish: KeyboardInteractiveCallback,
        ) => {
          const round = {
            name,
            instructions,
            prompts: prompts.map((prompt) => ({ text: prompt.prompt, echo: prompt.echo ?? false })),
          };
          credentials.keyboardInteractive(round, attempt).then(
            (answers) => (answers ? finish(answers) : giveUp(undefined)),
            giveUp,
          );
        },
      });
      return;
    }

    if (methodsLeft.includes('password') && attempts.password < MAX_ATTEMPTS_PER_METHOD) {
      const attempt = ++attempts.password;
      credentials.password(attempt).then((password) => {
        if (password === undefined) giveUp(undefined);
        else next({ type: 'password', username: user, password });
      }, giveUp);
      return;
    }

    next(false);
  };
}
