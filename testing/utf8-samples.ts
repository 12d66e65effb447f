/** Strings and byte sequences that UTF-8 code tends to get wrong. */

/** Valid strings, plus lone and misordered surrogates that encoders must replace. */
export const TEXT_SAMPLES: string[] = [
  '',
  'plain ASCII',
  '\u0000\u007f',
  'jürgen',
  'ß\u0080\u07ff',
  '\u0800€\uffff',
  'Zwei Äpfel, 三つの林檎',
  '\ud83d\udc1a seashell 🔑🔐📱',
  '\u{10000}\u{10ffff}',
  '\ufeffstarts with a byte order mark',
  'lone high \ud800 surrogate',
  'lone low \udfff surrogate',
  'reversed pair \udc00\ud800',
  'high surrogate at the end \udbff',
  '\udc00 low surrogate at the start',
];

/** Byte sequences that strict UTF-8 rejects, by why. */
export const INVALID_UTF8: [string, number[]][] = [
  ['overlong 2-byte NUL', [0xc0, 0x80]],
  ['overlong 2-byte slash', [0xc1, 0xbf]],
  ['overlong 3-byte', [0xe0, 0x80, 0xaf]],
  ['overlong 3-byte just below U+0800', [0xe0, 0x9f, 0xbf]],
  ['overlong 4-byte', [0xf0, 0x80, 0x80, 0xaf]],
  ['overlong 4-byte just below U+10000', [0xf0, 0x8f, 0xbf, 0xbf]],
  ['high surrogate U+D800', [0xed, 0xa0, 0x80]],
  ['low surrogate U+DFFF', [0xed, 0xbf, 0xbf]],
  ['surrogate pair encoded as two 3-byte sequences', [0xed, 0xa0, 0xbd, 0xed, 0xb2, 0xa9]],
  ['U+110000, past the last code point', [0xf4, 0x90, 0x80, 0x80]],
  ['lead byte 0xf5', [0xf5, 0x80, 0x80, 0x80]],
  ['lead byte 0xff', [0xff]],
  ['lone continuation byte', [0x80]],
  ['truncated 2-byte sequence', [0x41, 0xc3]],
  ['truncated 3-byte sequence', [0xe2, 0x82]],
  ['truncated 4-byte sequence', [0xf0, 0x9f, 0x94]],
  ['lead byte followed by ASCII', [0xc3, 0x41]],
];
