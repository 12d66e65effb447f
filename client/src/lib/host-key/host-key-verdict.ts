/**
 * Whether an offered host key is the one the user trusted before. Pure, so the rule that
 * decides between "ask", "go ahead" and "warn" is read and tested in one place.
 */
import type { KnownHost } from '../storage/known-hosts.ts';

export interface OfferedHostKey {
  algorithm: string;
  keyBase64: string;
  fingerprint: string;
}

export type HostKeyVerdict =
  /** Never seen: the user must decide. */
  | { kind: 'unknown' }
  /** The key the user trusted: go ahead without asking. */
  | { kind: 'match'; known: KnownHost }
  /** A different key for a known host: refuse, and tell the user loudly. */
  | { kind: 'changed'; known: KnownHost };

export function judgeHostKey(
  known: KnownHost | undefined,
  offered: OfferedHostKey,
): HostKeyVerdict {
  if (!known) return { kind: 'unknown' };
  const same = known.algorithm === offered.algorithm && known.keyBase64 === offered.keyBase64;
  return same ? { kind: 'match', known } : { kind: 'changed', known };
}
