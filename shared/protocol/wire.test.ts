import { describe, expect, it } from 'vitest';
import { toHex } from '../../testing/hex.ts';
import { byte, cat, u16, u32, u64 } from '../../testing/frame-bytes.ts';
import { TEXT_SAMPLES } from '../../testing/utf8-samples.ts';
import {
  checkEnum, checkRange, checkU32, FrameError, Reader, sizeOf, Writer,
} from './wire.ts';

/** What a Reader call threw, as plain data; Reader must throw nothing but FrameError. */
function failure(read: () => unknown): { code: string; message: string } | 'no error' {
  try {
    read();
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    return { code: error.code, message: error.message };
  }
  return 'no error';
}

const malformed = (message: string) => ({ code: 'protocol.malformed', message });

describe('Reader', () => {
  it('skips the frame type and reads big-endian integers', () => {
    const message = cat(byte(0x99), byte(7), u16(0x1234), u32(0xdeadbeef), u64(2n ** 40n));
    const reader = new Reader(message);
    expect([reader.u8('a'), reader.u16('b'), reader.u32('c'), reader.u64('d')]).toEqual([
      7, 0x1234, 0xdeadbeef, 2 ** 40,
    ]);
    expect(() => reader.end('test')).not.toThrow();
  });

  it('reads a message that sits at an offset inside a larger buffer', () => {
    const backing = cat(u32(0xffff_ffff), byte(1), u16(513), u32(0xffff_ffff));
    const reader = new Reader(new Uint8Array(backing.buffer, 4, 3));
    expect(reader.u16('field')).toBe(513);
    expect(failure(() => reader.u8('next'))).toEqual(malformed('frame ends inside next'));
  });

  it('accepts a u64 of 2^53 - 1 and rejects 2^53, naming the field', () => {
    const largest = new Reader(cat(byte(0), u64(2n ** 53n - 1n))).u64('offset');
    expect(largest).toBe(Number.MAX_SAFE_INTEGER);
    expect(failure(() => new Reader(cat(byte(0), u64(2n ** 53n))).u64('offset'))).toEqual(
      malformed('offset is larger than 2^53 - 1'),
    );
  });

  it('bounds a u16 to a range', () => {
    const read = (value: number) =>
      failure(() => new Reader(cat(byte(0), u16(value))).u16In('n', 2, 9));
    expect([read(2), read(9)]).toEqual(['no error', 'no error']);
    expect(read(1)).toEqual(malformed('n 1 is outside 2..9'));
    expect(read(10)).toEqual(malformed('n 10 is outside 2..9'));
  });

  it('checks a length prefix against its cap before it needs the bytes', () => {
    const reader = new Reader(cat(byte(0), u16(0xffff)));
    expect(failure(() => reader.bytes16('blob', 10))).toEqual(
      malformed('blob is 65535 bytes; at most 10'),
    );
  });

  it('reports a field cut short by name', () => {
    expect(failure(() => new Reader(cat(byte(0), u16(3), byte(1))).bytes16('blob', 10))).toEqual(
      malformed('frame ends inside blob'),
    );
    expect(failure(() => new Reader(cat(byte(0), byte(1))).u32('count'))).toEqual(
      malformed('frame ends inside count'),
    );
  });

  it('returns byte fields as views into the message, without copying', () => {
    const message = cat(byte(0), u16(2), byte(0xaa), byte(0xbb), byte(0xcc));
    const reader = new Reader(message);
    const field = reader.bytes16('blob', 10);
    const rest = reader.rest('tail', 10);
    message[3] = 0x11;
    message[5] = 0x22;
    expect([toHex(field), toHex(rest)]).toEqual(['11bb', '22']);
  });

  it('caps the rest of the message', () => {
    expect(failure(() => new Reader(cat(byte(0), u32(0))).rest('data', 3))).toEqual(
      malformed('data is 4 bytes; at most 3'),
    );
  });

  it('rejects bytes left over at the end', () => {
    const reader = new Reader(cat(byte(0), u16(1), byte(0)));
    reader.u16('n');
    expect(failure(() => reader.end('thing'))).toEqual(
      malformed('thing has 1 unexpected trailing bytes'),
    );
  });
});

describe('Writer', () => {
  it('writes the type, then each field big-endian', () => {
    const bytes = new Writer(1 + 1 + 2 + 4 + 8 + (2 + 3) + (2 + 1), 0x42)
      .u8(1).u16(0x0203).u32(0x04050607).u64(2 ** 53 - 1).string('hé').bytes16(byte(9)).done();
    expect(toHex(bytes)).toBe(
      '42' + '01' + '0203' + '04050607' + '001fffffffffffff' + '000368c3a9' + '000109',
    );
  });

  it('refuses to hand out a buffer it did not fill', () => {
    expect(() => new Writer(4, 1).u8(2).done()).toThrow('encoder sized 4 bytes but wrote 2');
  });

  it('sizes strings by their UTF-8 bytes, counting lone surrogates as U+FFFD', () => {
    for (const text of TEXT_SAMPLES) {
      const size = 1 + sizeOf.string(text);
      expect(new Writer(size, 0).string(text).done().length).toBe(size);
      expect(size).toBe(1 + 2 + new TextEncoder().encode(text).length);
    }
  });
});

describe('encoder checks', () => {
  it('checkRange rejects values outside the range and values that are not integers', () => {
    for (const value of [-1, 11, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkRange('n', value, 0, 10)).toThrow(RangeError);
    }
    expect(() => checkRange('n', 10, 0, 10)).not.toThrow();
  });

  it('checkU32 allows exactly 0..2^32 - 1', () => {
    expect(() => checkU32('id', 0)).not.toThrow();
    expect(() => checkU32('id', 0xffff_ffff)).not.toThrow();
    expect(() => checkU32('id', 2 ** 32)).toThrow(/^id 4294967296 is outside 0..4294967295$/);
  });

  it('checkEnum names the field and the values allowed', () => {
    expect(() => checkEnum('colour', 3, { red: 1, blue: 2 })).toThrow(
      /^colour 3 is not one of 1, 2$/,
    );
    expect(() => checkEnum('colour', 2, { red: 1, blue: 2 })).not.toThrow();
  });
});
