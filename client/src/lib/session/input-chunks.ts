/**
 * Keyboard and paste input as bytes for INPUT frames. A paste can exceed one frame, so it
 * is cut into pieces; a UTF-8 sequence cut in two is fine because the relay forwards
 * the bytes to the SSH channel unchanged.
 */
import { MAX_INPUT_BYTES } from '../../../../shared/protocol/index.ts';

/** Consecutive views of `bytes`, each at most `max` bytes long. */
export function* splitInput(
  bytes: Uint8Array,
  max: number = MAX_INPUT_BYTES,
): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += max) {
    yield bytes.subarray(start, start + max);
  }
}

/**
 * xterm.js reports some input (such as X10 mouse reports) as a "binary string": one
 * character per byte. Those bytes must go out as they are, not UTF-8 encoded.
 */
export function binaryStringBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
