import { describe, expect, it } from 'vitest';
import { toHex } from '../../testing/hex.ts';
import { INVALID_UTF8, TEXT_SAMPLES } from '../../testing/utf8-samples.ts';
import { fitUtf8, readUtf8, utf8Length, writeUtf8 } from './utf8.ts';

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF, as readUtf8 does: a frame's text is taken as sent.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** TextDecoder's verdict in readUtf8's terms: the text, or undefined when it refuses. */
function reference(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined; // fatal mode throws TypeError for any invalid sequence
  }
}

function encode(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(text));
  expect(writeUtf8(text, bytes, 0)).toBe(bytes.length);
  return bytes;
}

/** A small deterministic generator, so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state >>> 16;
  };
}

describe('UTF-8 encoding agrees with TextEncoder', () => {
  it.each(TEXT_SAMPLES.map((text) => [JSON.stringify(text), text]))('%s', (_, text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
    expect(encode(text)).toEqual(encoder.encode(text));
  });

  it('replaces lone surrogates with U+FFFD, like TextEncoder', () => {
    expect(readUtf8(encode('a\ud800b\udc00'))).toBe('a\ufffdb\ufffd');
  });

  it('encodes every Unicode scalar value', () => {
    let text = '';
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point < 0xd800 || point > 0xdfff) text += String.fromCodePoint(point);
    }
    const bytes = encode(text);
    expect(Buffer.from(bytes).equals(Buffer.from(encoder.encode(text)))).toBe(true);
    expect(readUtf8(bytes) === text).toBe(true);
  });

  it('writes at an offset and touches nothing around the string', () => {
    const target = new Uint8Array(8).fill(0xee);
    expect(writeUtf8('é€', target, 1)).toBe(6);
    expect(Array.from(target)).toEqual([0xee, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xee, 0xee]);
  });
});

describe('UTF-8 decoding agrees with TextDecoder in fatal mode', () => {
  it.each(TEXT_SAMPLES.map((text) => [JSON.stringify(text), text]))('%s', (_, text) => {
    const bytes = encoder.encode(text);
    expect(readUtf8(bytes)).toBe(reference(bytes));
  });

  it.each(INVALID_UTF8)('rejects %s', (_, invalid) => {
    const bytes = Uint8Array.from(invalid);
    expect(reference(bytes)).toBeUndefined();
    expect(readUtf8(bytes)).toBeUndefined();
    expect(readUtf8(Uint8Array.from([0x61, ...invalid, 0x62]))).toBeUndefined();
  });

  it('on every sequence of two bytes', () => {
    const disagreements: string[] = [];
    for (let pair = 0; pair < 0x10000; pair++) {
      const bytes = Uint8Array.of(pair >> 8, pair & 0xff);
      if (readUtf8(bytes) !== reference(bytes)) disagreements.push(pair.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it('on random short sequences rich in lead and continuation bytes', () => {
    const next = random(20_240_601);
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0,
      0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90];
    const disagreements: string[] = [];
    for (let round = 0; round < 50_000; round++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 7) }, () =>
        next() % 2 === 0 ? interesting[next() % interesting.length]! : next() & 0xff);
      if (readUtf8(bytes) !== reference(bytes)) disagreements.push(toHex(bytes));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('fitUtf8', () => {
  it('keeps text that fits, and cuts longer text on a code point boundary', () => {
    expect(fitUtf8('hello', 5)).toBe('hello');
    expect(fitUtf8('hello world', 8)).toBe('hello…');
    const cut = fitUtf8('🐚🐚🐚', 9);
    expect(cut).toBe('🐚…');
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(9);
    expect(fitUtf8('abc', 2)).toBe('');
  });
});
