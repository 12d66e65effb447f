/**
 * A real OpenSSH sshd on 127.0.0.1 for integration tests, browser journeys and
 * benchmarks. Each server has its own config, host key, port and authorized_keys file;
 * nothing of the machine's own sshd is touched. Needs root (see test-user.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import {
  appendFile, chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { stopChild } from './child-process.ts';
import { loadOrCreateHostKey, type HostKey, type HostKeyType } from './host-key.ts';
import { freePort, readSshBanner } from './net.ts';
import { TEST_STATE_DIR } from './paths.ts';
import { runCommand } from './run-command.ts';
import { renderSshdConfig } from './sshd-config.ts';
import { ensureTestUser, type TestUser } from './test-user.ts';

export { ensureTestUser, type TestUser } from './test-user.ts';
export { fingerprintOf, type HostKey, type HostKeyType } from './host-key.ts';

const SSHD = '/usr/sbin/sshd';
/** sshd's privilege separation directory; it refuses to start without it. */
const PRIVSEP_DIR = '/run/sshd';
/** Starting takes well under a second here; ten leaves room for a loaded CI machine. */
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_MS = 20;
/** Logs older than this are deleted when a server starts, so `.tmp/` stays small. */
const LOG_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface SshdOptions {
  /** Type of the host key generated for this server. Default `ed25519`. */
  hostKeyType?: HostKeyType;
  /**
   * A host key file to use, generated there if missing and kept after `stop()`, so a
   * restarted server can offer the SAME key. Default: a fresh key for every server.
   */
  hostKeyPath?: string;
  /** Default false. With true, passwords and keyboard-interactive go through PAM. */
  usePam?: boolean;
  /** Default true. */
  passwordAuthentication?: boolean;
  /** Default false. */
  kbdInteractive?: boolean;
  /** Default: a free port. Give the port of a stopped server to restart it. */
  port?: number;
  /** Public key lines accepted besides the test user's own key. Default none. */
  authorizedKeys?: string[];
  /** Raw sshd_config lines; they override the defaults. Default none. */
  extraConfig?: string[];
}

export interface RunningSshd {
  host: '127.0.0.1';
  port: number;
  hostKey: HostKey;
  user: TestUser;
  /** sshd's own log (LogLevel VERBOSE), kept after `stop()` for debugging. */
  logPath: string;
  /** The file sshd reads on every public key attempt. */
  authorizedKeysPath: string;
  /** Accepts one more public key from now on, without a restart. */
  authorize(publicKeyLine: string): Promise<void>;
  /** The listening sshd's PID; each connection is served by its child processes. */
  pid: number;
  /** Ends this sshd (its PID only), waits for it to exit, and deletes its files. */
  stop(): Promise<void>;
}

/** Servers of this process still running; killed if the process exits without stop(). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startSshd(options: SshdOptions = {}): Promise<RunningSshd> {
  const user = await ensureTestUser();
  await mkdir(PRIVSEP_DIR, { recursive: true, mode: 0o755 });
  const runDir = await mkdtemp(join(TEST_STATE_DIR, 'sshd-'));
  // sshd reads AuthorizedKeysFile as the test user, who must be able to reach it.
  await chmod(runDir, 0o755);

  try {
    return await launch(options, user, runDir);
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
}

async function launch(options: SshdOptions, user: TestUser, runDir: string): Promise<RunningSshd> {
  const hostKey = await loadOrCreateHostKey(
    options.hostKeyPath ?? join(runDir, 'ssh_host_key'),
    options.hostKeyType,
  );
  const port = options.port ?? (await freePort());
  const pidFile = join(runDir, 'sshd.pid');
  const authorizedKeysPath = join(runDir, 'authorized_keys');
  const keys = [user.publicKey, ...(options.authorizedKeys ?? [])];
  await writeFile(authorizedKeysPath, `${keys.join('\n')}\n`, { mode: 0o644 });

  const configPath = join(runDir, 'sshd_config');
  await writeFile(configPath, renderSshdConfig({
    port,
    hostKeyPath: hostKey.path,
    pidFile,
    authorizedKeysFile: authorizedKeysPath,
    usePam: options.usePam ?? false,
    passwordAuthentication: options.passwordAuthentication ?? true,
    kbdInteractive: options.kbdInteractive ?? false,
    extraConfig: options.extraConfig ?? [],
  }));
  await runCommand(SSHD, ['-t', '-f', configPath]).catch((error: Error) => {
    throw new Error(`sshd -t rejected the test config ${configPath}: ${error.message}`);
  });

  const logPath = await newLogPath(port);
  const child = spawnSshd(configPath, logPath);
  await waitUntilServing(child, pidFile, port, logPath);

  let stopping: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    hostKey,
    user,
    logPath,
    authorizedKeysPath,
    pid: child.pid!,
    authorize: (line) => appendFile(authorizedKeysPath, `${line.trim()}\n`),
    stop: () =>
      (stopping ??= stopChild(child, STOP_TIMEOUT_MS).then(() => rm(runDir, { recursive: true }))),
  };
}

async function newLogPath(port: number): Promise<string> {
  const logDir = join(TEST_STATE_DIR, 'logs');
  await mkdir(logDir, { recursive: true });
  await pruneOldLogs(logDir);
  const stamp = new Date().toISOString().replaceAll(':', '-');
  return join(logDir, `sshd-${port}-${stamp}-${process.pid}.log`);
}

async function pruneOldLogs(logDir: string): Promise<void> {
  const cutoff = Date.now() - LOG_RETENTION_MS;
  for (const name of await readdir(logDir)) {
    const path = join(logDir, name);
    // Another test process may prune the same file at the same moment: missing is fine.
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && info.mtimeMs < cutoff) await rm(path, { force: true });
  }
}

function spawnSshd(configPath: string, logPath: string): ChildProcess {
  // sshd writes its log straight into the file, so it survives this process.
  const log = openSync(logPath, 'a');
  try {
    const child = spawn(SSHD, ['-D', '-e', '-f', configPath], {
      stdio: ['ignore', log, log],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  } finally {
    closeSync(log);
  }
}

/**
 * sshd writes its PidFile only after it has bound the port, so a PidFile holding our
 * child's PID proves the port is ours (and not an older server still holding it).
 */
async function waitUntilServing(
  child: ChildProcess,
  pidFile: string,
  port: number,
  logPath: string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await readFile(pidFile, 'utf8').catch(() => '')).trim() !== String(child.pid)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`sshd exited during start-up: ${await logTail(logPath)}`);
    }
    if (Date.now() > deadline) {
      await stopChild(child, STOP_TIMEOUT_MS);
      throw new Error(`sshd did not start within ${START_TIMEOUT_MS} ms; see ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  const banner = await readSshBanner(port, Math.max(deadline - Date.now(), 1_000));
  if (!banner.startsWith('SSH-2.0-')) {
    await stopChild(child, STOP_TIMEOUT_MS);
    throw new Error(`127.0.0.1:${port} answered ${JSON.stringify(banner)}, not an SSH banner`);
  }
}

async function logTail(logPath: string): Promise<string> {
  const text = await readFile(logPath, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-10).join('\n') || `(empty log ${logPath})`;
}
