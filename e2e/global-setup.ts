/**
 * Starts what every journey needs: the built relay as its own process (as users run
 * it), and OpenSSH servers on 127.0.0.1. Their addresses reach the tests through
 * environment variables; the returned function stops everything this started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../testing/net.ts';
import { REPO_ROOT } from '../testing/paths.ts';
import { startSshd } from '../testing/sshd.ts';
import { E2E_ENV, type E2eServers } from './servers.ts';

const RELAY_MAIN = join(REPO_ROOT, 'dist', 'relay', 'relay', 'main.js');
const RELAY_START_TIMEOUT_MS = 15_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(RELAY_MAIN) || !existsSync(join(REPO_ROOT, 'dist', 'client', 'index.html'))) {
    throw new Error('The relay or the app is not built: run `npm run build` before the journeys.');
  }
  const [passwordSshd, pamSshd] = await Promise.all([
    startSshd(),
    startSshd({ usePam: true, kbdInteractive: true, passwordAuthentication: false }),
  ]);
  const port = await freePort();
  const relay = spawn(process.execPath, [RELAY_MAIN], {
    env: { ...process.env, CASED_SHELL_PORT: String(port), CASED_SHELL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPing(`http://127.0.0.1:${port}/_ping`, relay);

  const servers: E2eServers = {
    baseUrl: `http://127.0.0.1:${port}`,
    passwordSshd: { port: passwordSshd.port, fingerprint: passwordSshd.hostKey.fingerprint },
    pamSshd: { port: pamSshd.port, fingerprint: pamSshd.hostKey.fingerprint },
    user: passwordSshd.user.name,
    password: passwordSshd.user.password,
  };
  process.env[E2E_ENV] = JSON.stringify(servers);

  return async () => {
    relay.kill('SIGTERM');
    await Promise.all([passwordSshd.stop(), pamSshd.stop()]);
  };
}

async function waitForPing(url: string, relay: ChildProcess): Promise<void> {
  const deadline = Date.now() + RELAY_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (relay.exitCode !== null) throw new Error(`the relay exited with ${relay.exitCode}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  relay.kill('SIGKILL');
  throw new Error(`the relay did not answer ${url} within ${RELAY_START_TIMEOUT_MS} ms`);
}
