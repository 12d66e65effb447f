import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { runCommand } from './run-command.ts';

export type HostKeyType = 'ed25519' | 'ecdsa' | 'rsa';

export interface HostKey {
  /** SSH name of the key type, such as `ssh-ed25519` or `ecdsa-sha2-nistp256`. */
  algorithm: string;
  /** The public key blob (RFC 4253 section 6.6), as a client receives it. */
  blob: Buffer;
  /** OpenSSH's form: `SHA256:` and the unpadded base64 of sha256(blob). */
  fingerprint: string;
  /** The private key file; its public half is beside it with `.pub` added. */
  path: string;
}

/** 2048 bits, not ssh-keygen's 3072: OpenSSH accepts it and tests start faster. */
const KEYGEN_ARGS: Record<HostKeyType, string[]> = {
  ed25519: ['-t', 'ed25519'],
  ecdsa: ['-t', 'ecdsa', '-b', '256'],
  rsa: ['-t', 'rsa', '-b', '2048'],
};

const ALGORITHM_OF_TYPE: Record<HostKeyType, string> = {
  ed25519: 'ssh-ed25519',
  ecdsa: 'ecdsa-sha2-nistp256',
  rsa: 'ssh-rsa',
};

/** Uses the key at `path`, or generates one of `type` there when the file is missing. */
export async function loadOrCreateHostKey(path: string, type?: HostKeyType): Promise<HostKey> {
  if (!existsSync(path)) {
    await runCommand('/usr/bin/ssh-keygen', [
      '-q', ...KEYGEN_ARGS[type ?? 'ed25519'], '-N', '', '-C', 'seashell-test-host', '-f', path,
    ]);
  }
  const key = await readHostKey(path);
  if (type !== undefined && key.algorithm !== ALGORITHM_OF_TYPE[type]) {
    throw new Error(`${path} holds a ${key.algorithm} key, but hostKeyType is ${type}`);
  }
  return key;
}

async function readHostKey(path: string): Promise<HostKey> {
  const line = (await readFile(`${path}.pub`, 'utf8')).trim();
  const [algorithm, base64] = line.split(/\s+/);
  if (algorithm === undefined || base64 === undefined) {
    throw new Error(`${path}.pub is not an OpenSSH public key line`);
  }
  const blob = Buffer.from(base64, 'base64');
  const fingerprint = fingerprintOf(blob);

  // ssh-keygen is the reference for what a person sees when they verify the key.
  const { stdout } = await runCommand('/usr/bin/ssh-keygen', [
    '-l', '-E', 'sha256', '-f', `${path}.pub`,
  ]);
  const reference = stdout.split(/\s+/)[1];
  if (reference !== fingerprint) {
    const says = `computed ${fingerprint}, ssh-keygen says ${String(reference)}`;
    throw new Error(`fingerprint of ${path}: ${says}`);
  }
  return { algorithm, blob, fingerprint, path };
}

export function fingerprintOf(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
