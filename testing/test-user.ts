/**
 * The local Linux account that every test signs in to through a real sshd. Its
 * password is fixed and public on purpose: the account exists only on test machines,
 * and the harness's sshd listens on 127.0.0.1 and allows no other user.
 */
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock } from './file-lock.ts';
import { TEST_STATE_DIR } from './paths.ts';
import { runCommand } from './run-command.ts';

export const TEST_USER_NAME = 'seashell-test';
export const TEST_USER_PASSWORD = 'seashell-test-password';

export interface TestUser {
  name: string;
  password: string;
  /** An unencrypted OpenSSH ed25519 private key the test sshd accepts for this user. */
  privateKeyPath: string;
  /** Its public half, one authorized_keys line. */
  publicKey: string;
  home: string;
}

let ready: Promise<TestUser> | undefined;

/**
 * Creates the user, sets its password and makes its client key, each only if needed.
 * Needs root. The result is shared by every call in this process.
 */
export function ensureTestUser(): Promise<TestUser> {
  ready ??= createTestUser().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function createTestUser(): Promise<TestUser> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The real-sshd tests need root: they create the local user ${TEST_USER_NAME} `
        + '(useradd), set its password (chpasswd) and run sshd, which must start as root. '
        + 'Run the tests as root, for example in the CI container.',
    );
  }
  await mkdir(TEST_STATE_DIR, { recursive: true, mode: 0o755 });

  return withFileLock(join(TEST_STATE_DIR, 'test-user.lock'), async () => {
    const home = await ensureAccount();
    await runCommand('/usr/sbin/chpasswd', [], {
      input: `${TEST_USER_NAME}:${TEST_USER_PASSWORD}\n`,
    });
    const privateKeyPath = await ensureClientKey();
    const publicKey = (await readFile(`${privateKeyPath}.pub`, 'utf8')).trim();
    return { name: TEST_USER_NAME, password: TEST_USER_PASSWORD, privateKeyPath, publicKey, home };
  });
}

/** Returns the home directory, creating the account (and the directory) when missing. */
async function ensureAccount(): Promise<string> {
  let entry = await passwdEntry();
  if (entry === undefined) {
    await runCommand('/usr/sbin/useradd', [
      '--create-home', '--shell', '/bin/bash', '--comment', 'Seashell tests', TEST_USER_NAME,
    ]);
    entry = await passwdEntry();
  }
  if (entry === undefined) throw new Error(`useradd ran, yet ${TEST_USER_NAME} does not exist`);

  // passwd fields: name:password:uid:gid:gecos:home:shell
  const [, , uid, gid, , home] = entry.split(':');
  if (home === undefined || uid === undefined || gid === undefined) {
    throw new Error(`unexpected passwd entry for ${TEST_USER_NAME}: ${entry}`);
  }
  if (!existsSync(home)) {
    await mkdir(home, { recursive: true, mode: 0o755 });
    await chown(home, Number(uid), Number(gid));
  }
  return home;
}

async function passwdEntry(): Promise<string | undefined> {
  try {
    return (await runCommand('/usr/bin/getent', ['passwd', TEST_USER_NAME])).stdout.trim();
  } catch {
    // getent exits 2 when the user does not exist; any real failure shows at useradd.
    return undefined;
  }
}

async function ensureClientKey(): Promise<string> {
  const keyPath = join(TEST_STATE_DIR, 'client_ed25519');
  if (existsSync(keyPath) && existsSync(`${keyPath}.pub`)) return keyPath;

  // Generate beside the final name, then rename: a half-written key is never visible.
  const draft = `${keyPath}.${process.pid}`;
  await rm(draft, { force: true });
  await rm(`${draft}.pub`, { force: true });
  await runCommand('/usr/bin/ssh-keygen', [
    '-q', '-t', 'ed25519', '-N', '', '-C', `${TEST_USER_NAME}@seashell-tests`, '-f', draft,
  ]);
  await rename(`${draft}.pub`, `${keyPath}.pub`);
  await rename(draft, keyPath);
  return keyPath;
}
