/**
 * Host key fingerprints as OpenSSH prints them (`ssh-keygen -l`, and the first-connection
 * question of `ssh`), so a user can compare what Seashell shows with what the server's
 * admin reads off the host.
 */

/** `SHA256:` and the unpadded base64 of SHA-256 over the SSH public key blob. */
export async function sha256Fingerprint(keyBlob: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'This browser offers no WebCrypto here, so host keys cannot be checked. '
        + 'Open Seashell over https (or on localhost).',
    );
  }

  // A copy, because digest() takes only ArrayBuffer-backed views.
  const digest = await subtle.digest('SHA-256', new Uint8Array(keyBlob));
  return `SHA256:${toBase64(new Uint8Array(digest)).replace(/=+$/, '')}`;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
