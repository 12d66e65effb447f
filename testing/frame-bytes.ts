/**
 * Builders for hand-made frames in tests. They use TextEncoder and DataView rather than
 * the protocol's own Writer, so a bug in the Writer cannot hide in the fixtures.
 */
import type { FrameError } from '../shared/protocol/index.ts';

export function byte(value: number): Uint8Array {
  return Uint8Array.of(value);
}

export function u16(value: number): Uint8Array {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, value);
  return bytes;
}

export function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

export function u64(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value);
  return bytes;
}

/** A string field: u16 length, then the UTF-8 bytes. */
export function str(text: string): Uint8Array {
  return bytes16(new TextEncoder().encode(text));
}

/** A bytes16 field (also a string field whose bytes are given raw, valid or not). */
export function bytes16(value: Uint8Array): Uint8Array {
  return cat(u16(value.length), value);
}

export function cat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Bytes 0, 1, 2, ... wrapping at 256: easy to spot when a slice is off by one. */
export function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => i & 0xff);
}

/** A string of exactly `bytes` UTF-8 bytes, mixing 1-, 2-, 3- and 4-byte characters. */
export function utf8OfLength(bytes: number): string {
  const unit = 'aé€🐚';
  const text = unit.repeat(Math.floor(bytes / 10));
  return text + 'x'.repeat(bytes % 10);
}

type DecodeResult = { ok: true; frame: unknown } | { ok: false; error: FrameError };

/** The error of a decode that must fail, as plain data for one `toEqual`. */
export function rejection(result: DecodeResult): { code: string; message: string } | 'decoded' {
  return result.ok ? 'decoded' : { code: result.error.code, message: result.error.message };
}

/** The message of the RangeError that `encode` must throw. */
export function rangeErrorOf(encode: () => unknown): string {
  try {
    encode();
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
  throw new Error('expected a RangeError, but the encoder returned');
}
