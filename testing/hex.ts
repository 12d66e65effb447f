/**
 * Hex for byte fixtures. Strict on purpose: Node's `Buffer.from(text, 'hex')` stops
 * quietly at the first bad digit, which would turn a typo in a vector into a shorter frame.
 */
export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) {
    throw new Error(`not lower-case hex with whole bytes: ${JSON.stringify(hex.slice(0, 40))}`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** `parts` joined, each written as hex with optional spaces between bytes. */
export function hexBytes(...parts: string[]): Uint8Array {
  return fromHex(parts.join('').replaceAll(' ', ''));
}
