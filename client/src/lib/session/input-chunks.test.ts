import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../../shared/protocol/index.ts';
import { binaryStringBytes, splitInput } from './input-chunks.ts';

describe('splitInput', () => {
  it('leaves input that fits one frame whole', () => {
    const bytes = new Uint8Array(MAX_INPUT_BYTES).fill(1);
    expect([...splitInput(bytes)].map((c) => c.length)).toEqual([MAX_INPUT_BYTES]);
  });

  it('cuts a large paste into frames of at most MAX_INPUT_BYTES', () => {
    const bytes = new Uint8Array(2 * MAX_INPUT_BYTES + 3);
    expect([...splitInput(bytes)].map((c) => c.length))
      .toEqual([MAX_INPUT_BYTES, MAX_INPUT_BYTES, 3]);
  });

  it('keeps every byte, in order', () => {
    const bytes = Uint8Array.from({ length: 23 }, (_, i) => i);
    const chunks = [...splitInput(bytes, 10)];
    expect(chunks.map((c) => [...c])).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22],
    ]);
  });

  it('yields nothing for no input', () => {
    expect([...splitInput(new Uint8Array(0))]).toEqual([]);
  });
});

describe('binaryStringBytes', () => {
  it('takes one byte per character, without UTF-8 encoding', () => {
    expect(binaryStringBytes('\x1b[M\xe0\xff')).toEqual(
      Uint8Array.from([0x1b, 0x5b, 0x4d, 0xe0, 0xff]),
    );
  });
});
