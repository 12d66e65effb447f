/**
 * Primitive fields of a frame. All integers are big-endian. Strings and byte fields
 * with a length are prefixed by a u16; the last byte field of some frames takes the
 * rest of the message instead.
 *
 *   u8 | u16 | u32 | u64          unsigned integers
 *   string  = u16 n, n bytes of strict UTF-8
 *   bytes16 = u16 n, n bytes
 *   rest    = every byte up to the end of the message
 */
import { readUtf8, utf8Length, writeUtf8 } from './utf8.ts';

export type FrameErrorCode = 'protocol.malformed' | 'protocol.unknown_frame';

/** Why a frame could not be decoded. Decoders return it; they never throw it outward. */
export class FrameError extends Error {
  override readonly name = 'FrameError';

  constructor(
    readonly code: FrameErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type DecodeResult<F> = { ok: true; frame: F } | { ok: false; error: FrameError };

/**
 * Runs a frame reader over one message: a FrameError becomes an `ok: false` result, so
 * callers branch instead of catching; anything else is a bug and is thrown on.
 */
export function decodeWith<F>(read: (bytes: Uint8Array) => F, bytes: Uint8Array): DecodeResult<F> {
  try {
    return { ok: true, frame: read(bytes) };
  } catch (error) {
    if (error instanceof FrameError) return { ok: false, error };
    throw error;
  }
}

export class Reader {
  private offset = 1;
  private readonly view: DataView;

  /** `bytes` is a whole message; its first byte, the frame type, is skipped. */
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(field: string): number {
    this.need(1, field);
    return this.view.getUint8(this.offset++);
  }

  u16(field: string): number {
    this.need(2, field);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  u32(field: string): number {
    this.need(4, field);
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  /** A u64 that must fit a JavaScript number exactly (below 2^53). */
  u64(field: string): number {
    this.need(8, field);
    const value = this.view.getBigUint64(this.offset);
    this.offset += 8;
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FrameError('protocol.malformed', `${field} is larger than 2^53 - 1`);
    }
    return Number(value);
  }

  /** A u16 that must lie within [min, max]. */
  u16In(field: string, min: number, max: number): number {
    const value = this.u16(field);
    if (value < min || value > max) {
      throw new FrameError('protocol.malformed', `${field} ${value} is outside ${min}..${max}`);
    }
    return value;
  }

  string(field: string, maxBytes: number): string {
    const bytes = this.bytes16(field, maxBytes);
    const text = readUtf8(bytes);
    if (text === undefined) {
      throw new FrameError('protocol.malformed', `${field} is not valid UTF-8`);
    }
    return text;
  }

  /** A u16-prefixed byte field, returned as a view into the message (no copy). */
  bytes16(field: string, maxBytes: number): Uint8Array {
    const length = this.u16(field);
    if (length > maxBytes) {
      throw tooLong(field, length, maxBytes);
    }
    return this.take(length, field);
  }

  /** Fixed-length bytes, returned as a view into the message (no copy). */
  fixed(field: string, length: number): Uint8Array {
    return this.take(length, field);
  }

  /** The rest of the message, as a view (no copy). */
  rest(field: string, maxBytes: number): Uint8Array {
    const length = this.bytes.length - this.offset;
    if (length > maxBytes) {
      throw tooLong(field, length, maxBytes);
    }
    return this.take(length, field);
  }

  /** Decoders call this last: a frame with bytes left over is as wrong as a short one. */
  end(frameName: string): void {
    const left = this.bytes.length - this.offset;
    if (left !== 0) {
      const message = `${frameName} has ${left} unexpected trailing bytes`;
      throw new FrameError('protocol.malformed', message);
    }
  }

  private take(length: number, field: string): Uint8Array {
    this.need(length, field);
    const view = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  private need(length: number, field: string): void {
    if (this.offset + length > this.bytes.length) {
      throw new FrameError('protocol.malformed', `frame ends inside ${field}`);
    }
  }
}

function tooLong(field: string, length: number, maxBytes: number): FrameError {
  return new FrameError('protocol.malformed', `${field} is ${length} bytes; at most ${maxBytes}`);
}

/**
 * Writes into a buffer sized up front. Encoders compute the size as a sum of one term
 * per field (see `sizeOf`), so a mismatch between layout and size is caught by `done`.
 */
export class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private offset = 0;

  constructor(size: number, type: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
    this.u8(type);
  }

  u8(value: number): this {
    this.view.setUint8(this.offset, value);
    this.offset += 1;
    return this;
  }

  u16(value: number): this {
    this.view.setUint16(this.offset, value);
    this.offset += 2;
    return this;
  }

  u32(value: number): this {
    this.view.setUint32(this.offset, value);
    this.offset += 4;
    return this;
  }

  u64(value: number): this {
    this.view.setBigUint64(this.offset, BigInt(value));
    this.offset += 8;
    return this;
  }

  string(value: string): this {
    const length = utf8Length(value);
    this.u16(length);
    this.offset = writeUtf8(value, this.bytes, this.offset);
    return this;
  }

  bytes16(value: Uint8Array): this {
    this.u16(value.length);
    return this.raw(value);
  }

  raw(value: Uint8Array): this {
    this.bytes.set(value, this.offset);
    this.offset += value.length;
    return this;
  }

  done(): Uint8Array {
    if (this.offset !== this.bytes.length) {
      throw new Error(`encoder sized ${this.bytes.length} bytes but wrote ${this.offset}`);
    }
    return this.bytes;
  }
}

/** Sizes of the variable fields, for encoders that sum their fields up front. */
export const sizeOf = {
  string: (value: string): number => 2 + utf8Length(value),
  bytes16: (value: Uint8Array): number => 2 + value.length,
};

/**
 * Encoders refuse values the decoder on the other side would reject, so a bug shows
 * up at the sender with the field's name instead of as a closed socket.
 */
export function checkLength(field: string, length: number, max: number): void {
  if (length > max) throw new RangeError(`${field} is ${length} bytes; at most ${max}`);
}

export function checkStringBytes(field: string, value: string, max: number): void {
  checkLength(field, utf8Length(value), max);
}

export function checkRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} ${value} is outside ${min}..${max}`);
  }
}

/** u32 fields: DataView would silently wrap -1 or 2^32 and truncate 1.5. */
export function checkU32(field: string, value: number): void {
  checkRange(field, value, 0, 0xffff_ffff);
}

/** u8 enum fields: the decoder rejects values outside the enum, so the encoder does too. */
export function checkEnum(field: string, value: number, values: Record<string, number>): void {
  const known = Object.values(values);
  if (!known.includes(value)) {
    throw new RangeError(`${field} ${value} is not one of ${known.join(', ')}`);
  }
}
