import type { KnownHostBook } from '../storage/known-hosts.ts';
import { sha256Fingerprint, toBase64 } from './fingerprint.ts';
import { judgeHostKey, type HostKeyVerdict, type OfferedHostKey } from './host-key-verdict.ts';

export interface HostKeyInspection {
  offered: OfferedHostKey;
  verdict: HostKeyVerdict;
}

/** Fingerprints the key a host offered and compares it with what the book knows. */
export async function inspectHostKey(
  book: KnownHostBook,
  host: string,
  port: number,
  algorithm: string,
  keyBlob: Uint8Array,
): Promise<HostKeyInspection> {
  const keyBase64 = toBase64(keyBlob);
  const fingerprint = await sha256Fingerprint(keyBlob);
  const offered = { algorithm, keyBase64, fingerprint };
  return { offered, verdict: judgeHostKey(await book.lookup(host, port), offered) };
}
