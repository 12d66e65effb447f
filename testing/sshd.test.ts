import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, type ConnectConfig, type KeyboardInteractiveCallback, type Prompt } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STATE_DIR } from './paths.ts';
import { runCommand } from './run-command.ts';
import { fingerprintOf, startSshd, type RunningSshd } from './sshd.ts';

interface Session {
  /** What `command` printed. */
  stdout: string;
  /** The host key fingerprint ssh2's hostVerifier was shown. */
  fingerprint: string;
}

type Login = Omit<ConnectConfig, 'host' | 'port' | 'hostVerifier'> & {
  onKeyboard?: (prompts: Prompt[], finish: KeyboardInteractiveCallback) => void;
};

/** Signs in with ssh2's Client, runs `command` in an exec channel and disconnects. */
function runOver(server: RunningSshd, login: Login, command = 'echo hi'): Promise<Session> {
  const { onKeyboard, ...config } = login;
  return new Promise((resolve, reject) => {
    const client = new Client();
    let fingerprint = '';
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      if (onKeyboard) onKeyboard(prompts, finish);
      else finish([]);
    });
    client.on('error', reject);
    client.on('ready', () => {
      client.exec(command, (error, channel) => {
        if (error) return reject(error);
        let stdout = '';
        channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        channel.on('close', () => {
          client.end();
          resolve({ stdout, fingerprint });
        });
      });
    });
    client.connect({
      host: server.host,
      port: server.port,
      readyTimeout: 10_000,
      hostVerifier: (key: Buffer) => {
        fingerprint = fingerprintOf(key);
        return true;
      },
      ...config,
    });
  });
}

describe('startSshd (a real OpenSSH server)', () => {
  let server: RunningSshd;

  beforeAll(async () => {
    server = await startSshd();
  });

  afterAll(() => server?.stop());

  it('accepts the test user with the password and runs a command', async () => {
    const session = await runOver(server, {
      username: server.user.name, password: server.user.password,
    });
    expect(session.stdout).toBe('hi\n');
  });

  it('accepts the test user with the key pair and runs commands as that user', async () => {
    const session = await runOver(server, {
      username: server.user.name, privateKey: readFileSync(server.user.privateKeyPath),
    }, 'id -un');
    expect(session.stdout).toBe('seashell-test\n');
  });

  it('refuses a wrong password', async () => {
    const login = runOver(server, { username: server.user.name, password: 'not-the-password' });
    await expect(login).rejects.toThrow(/authentication methods failed/);
  });

  it('reports the fingerprint that ssh2 computes from the key it receives', async () => {
    const session = await runOver(server, {
      username: server.user.name, password: server.user.password,
    });
    expect(session.fingerprint).toBe(server.hostKey.fingerprint);
    expect(fingerprintOf(server.hostKey.blob)).toBe(server.hostKey.fingerprint);
    expect(server.hostKey.algorithm).toBe('ssh-ed25519');
  });

  it('accepts a key authorized while it runs', async () => {
    const dir = await mkdtemp(join(TEST_STATE_DIR, 'extra-key-'));
    try {
      const keyPath = join(dir, 'id_ed25519');
      await runCommand('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);
      const login = { username: server.user.name, privateKey: readFileSync(keyPath) };
      await expect(runOver(server, login)).rejects.toThrow(/authentication methods failed/);

      await server.authorize(await readFile(`${keyPath}.pub`, 'utf8'));
      expect((await runOver(server, login)).stdout).toBe('hi\n');
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('logs to logPath', async () => {
    expect(await readFile(server.logPath, 'utf8')).toMatch(/Server listening on 127\.0\.0\.1/);
  });
});

describe('restarting a server on the same port', () => {
  const login = (server: RunningSshd) =>
    runOver(server, { username: server.user.name, password: server.user.password });

  it('offers a different host key, unless it is given the same key file', async () => {
    const first = await startSshd();
    const firstSeen = (await login(first)).fingerprint;
    await first.stop();

    const second = await startSshd({ port: first.port });
    const secondSeen = (await login(second)).fingerprint;
    await second.stop();
    expect(second.port).toBe(first.port);
    expect(secondSeen).toBe(second.hostKey.fingerprint);
    expect(secondSeen).not.toBe(firstSeen);

    const dir = await mkdtemp(join(TEST_STATE_DIR, 'host-key-'));
    try {
      const hostKeyPath = join(dir, 'host_key');
      const third = await startSshd({ port: first.port, hostKeyPath });
      await third.stop();
      const fourth = await startSshd({ port: first.port, hostKeyPath });
      const fourthSeen = (await login(fourth)).fingerprint;
      await fourth.stop();
      expect(fourthSeen).toBe(third.hostKey.fingerprint);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('server options', () => {
  it('with usePam and kbdInteractive, signs in through the PAM password prompt', async () => {
    const server = await startSshd({
      usePam: true, kbdInteractive: true, passwordAuthentication: false,
    });
    try {
      const asked: Prompt[] = [];
      const session = await runOver(server, {
        username: server.user.name,
        tryKeyboard: true,
        onKeyboard: (prompts, finish) => {
          asked.push(...prompts);
          finish(prompts.map(() => server.user.password));
        },
      });
      expect(asked).toEqual([{ prompt: 'Password: ', echo: false }]);
      expect(session.stdout).toBe('hi\n');
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['ecdsa', 'ecdsa-sha2-nistp256'],
    ['rsa', 'ssh-rsa'],
  ] as const)('offers a %s host key when asked', async (hostKeyType, algorithm) => {
    const server = await startSshd({ hostKeyType });
    try {
      const session = await runOver(server, {
        username: server.user.name, password: server.user.password,
      });
      expect(server.hostKey.algorithm).toBe(algorithm);
      expect(session.fingerprint).toBe(server.hostKey.fingerprint);
    } finally {
      await server.stop();
    }
  });

  it('surfaces the error of sshd -t for a bad config line', async () => {
    await expect(startSshd({ extraConfig: ['NoSuchKeyword yes'] })).rejects.toThrow(
      /sshd -t rejected .*NoSuchKeyword/s,
    );
  });
});
