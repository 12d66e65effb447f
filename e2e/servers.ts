/** What global-setup.ts started, as the journeys see it. */
export interface E2eServers {
  baseUrl: string;
  /** sshd with password authentication. */
  passwordSshd: { port: number; fingerprint: string };
  /** sshd with keyboard-interactive through PAM only. */
  pamSshd: { port: number; fingerprint: string };
  user: string;
  password: string;
}

export const E2E_ENV = 'SEASHELL_E2E_SERVERS';

export function servers(): E2eServers {
  const raw = process.env[E2E_ENV];
  if (!raw) throw new Error(`${E2E_ENV} is not set: run the journeys through playwright.config.ts`);
  return JSON.parse(raw) as E2eServers;
}
