import { describe, expect, it } from 'vitest';
import { sha256Fingerprint, toBase64 } from './fingerprint.ts';

// Keys made with `ssh-keygen -t ed25519` and `-t ecdsa -b 256`; the fingerprints are what
// `ssh-keygen -lf` printed for them.
const VECTORS = [
  {
    blob: 'AAAAC3NzaC1lZDI1NTE5AAAAICdgt9Sk5PHzX9XDNnYP6C1AocW+qig32ecwqZGc1t3F',
    fingerprint: 'SHA256:7U3yD9dz5LJcNqTAs6utO+m+mlL6icO/kl31MnT/+lQ',
  },
  {
    blob: 'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBNUjw2dp+KRHxnZ5AWMVtB/xoe/'
      + 'sSGmnY0cDVY1VQ24lBW0TEQe0IHEWRKYh786XxNo8jZmXFVBrbLqu/G6CT5o=',
    fingerprint: 'SHA256:VujuXqY+st7qTjcTvj6YKo3joe3AYZ6ECzBOeeUzlAI',
  },
];

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

describe('sha256Fingerprint', () => {
  it.each(VECTORS)('matches ssh-keygen -l for $fingerprint', async ({ blob, fingerprint }) => {
    expect(await sha256Fingerprint(fromBase64(blob))).toBe(fingerprint);
  });

  it('hashes only the bytes of a view, not the whole buffer behind it', async () => {
    const vector = VECTORS[0]!;
    const blob = fromBase64(vector.blob);
    const padded = new Uint8Array(blob.length + 8);
    padded.set(blob, 4);

    expect(await sha256Fingerprint(padded.subarray(4, 4 + blob.length))).toBe(vector.fingerprint);
  });
});

describe('toBase64', () => {
  it('round-trips a key blob to the text in a .pub file', () => {
    const vector = VECTORS[1]!;
    expect(toBase64(fromBase64(vector.blob))).toBe(vector.blob);
  });
});
