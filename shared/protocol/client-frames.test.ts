import { describe, expect, it } from 'vitest';
import {
  byte, bytes16, cat, pattern, rangeErrorOf, rejection, str, u16, u32, u64, utf8OfLength,
} from '../../testing/frame-bytes.ts';
import { clientVectors, toVectorForm } from '../../testing/protocol-vectors.ts';
import { INVALID_UTF8 } from '../../testing/utf8-samples.ts';
import {
  ClientFrameType, decodeClientFrame, encodeClientFrame, OPEN_FLAG_BROWSER_KEYS,
  MAX_AGENT_KEYS, MAX_AUTH_ANSWER_BYTES, MAX_AUTH_PROMPTS, MAX_COMMAND_BYTES, MAX_HOST_BYTES,
  MAX_INPUT_BYTES, MAX_KEY_BLOB_BYTES, MAX_KEY_COMMENT_BYTES, MAX_SIGNATURE_BYTES,
  MAX_TERM_BYTES, MAX_TERMINAL_CELLS, MAX_TERMINAL_PIXELS, MAX_USER_BYTES,
  type ClientFrame, type OpenFrame,
} from './index.ts';

const malformed = (message: RegExp) => ({
  code: 'protocol.malformed',
  message: expect.stringMatching(message),
});
const decode = (bytes: Uint8Array) => rejection(decodeClientFrame(bytes));

function roundTrip(frame: ClientFrame): unknown {
  const result = decodeClientFrame(encodeClientFrame(frame));
  return result.ok ? toVectorForm(result.frame) : result.error.message;
}

const OPEN: OpenFrame = {
  type: 'open', host: 'example.com', port: 22, user: 'alice', term: 'xterm',
  cols: 80, rows: 24, widthPx: 0, heightPx: 0, flags: 0, command: '',
};

type OpenField = 'host' | 'port' | 'user' | 'term' | 'size' | 'flags' | 'command';

/** OPEN built field by field; `fields` replaces some with raw bytes. */
function openBytes(fields: Partial<Record<OpenField, Uint8Array>> = {}): Uint8Array {
  const f = {
    host: str('example.com'), port: u16(22), user: str('alice'), term: str('xterm'),
    size: cat(u16(80), u16(24), u16(0), u16(0)), flags: u32(0), command: str(''), ...fields,
  };
  return cat(byte(0x01), f.host, f.port, f.user, f.term, f.size, f.flags, f.command);
}

describe('client frames at their maximum sizes', () => {
  it('round-trips OPEN with every string at its cap and the largest terminal', () => {
    const frame: OpenFrame = {
      ...OPEN, host: utf8OfLength(MAX_HOST_BYTES), port: 65_535,
      user: utf8OfLength(MAX_USER_BYTES), term: utf8OfLength(MAX_TERM_BYTES),
      command: utf8OfLength(MAX_COMMAND_BYTES),
      cols: MAX_TERMINAL_CELLS, rows: MAX_TERMINAL_CELLS, widthPx: MAX_TERMINAL_PIXELS,
      heightPx: MAX_TERMINAL_PIXELS, flags: OPEN_FLAG_BROWSER_KEYS,
    };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips INPUT of MAX_INPUT_BYTES', () => {
    const frame: ClientFrame = { type: 'input', data: pattern(MAX_INPUT_BYTES) };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips AUTH_ANSWER with MAX_AUTH_PROMPTS answers of the longest length', () => {
    const answers = Array.from(
      { length: MAX_AUTH_PROMPTS },
      () => utf8OfLength(MAX_AUTH_ANSWER_BYTES),
    );
    const frame: ClientFrame = {
      type: 'authAnswer', promptId: 0xffff_ffff, cancelled: false, answers,
    };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips AGENT_IDENTITIES with MAX_AGENT_KEYS keys at their caps', () => {
    const keys = Array.from({ length: MAX_AGENT_KEYS }, () => ({
      blob: pattern(MAX_KEY_BLOB_BYTES), comment: utf8OfLength(MAX_KEY_COMMENT_BYTES),
    }));
    const frame: ClientFrame = { type: 'agentIdentities', requestId: 9, keys };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips AGENT_SIGNATURE of MAX_SIGNATURE_BYTES', () => {
    const signature = pattern(MAX_SIGNATURE_BYTES);
    const frame: ClientFrame = { type: 'agentSignature', requestId: 1, signature };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });
});

describe('decodeClientFrame rejects', () => {
  it('an empty message', () => {
    expect(decode(new Uint8Array())).toEqual(malformed(/^empty message$/));
  });

  it('every frame type byte that is not a client frame, naming the byte', () => {
    const known = new Set<number>(Object.values(ClientFrameType));
    for (let type = 0; type < 256; type++) {
      if (known.has(type)) continue;
      const hex = type.toString(16).padStart(2, '0');
      expect(decode(cat(byte(type), u32(0)))).toEqual({
        code: 'protocol.unknown_frame', message: `unknown frame type 0x${hex}`,
      });
    }
  });

  it.each(clientVectors())('$name cut short at every byte', ({ bytes, frame }) => {
    for (let length = 1; length < bytes.length; length++) {
      const result = decodeClientFrame(bytes.subarray(0, length));
      // INPUT's data runs to the end of the message, so any prefix of it is still INPUT.
      if (frame.type === 'input') expect(result.ok).toBe(true);
      else expect(rejection(result)).toEqual(malformed(/^frame ends inside [A-Za-z ]+$/));
    }
  });

  it.each(clientVectors().filter((v) => v.frame.type !== 'input'))(
    '$name with one byte too many',
    ({ bytes, frame }) => {
      expect(decode(cat(bytes, byte(0)))).toEqual(
        malformed(new RegExp(`^${frame.type} has 1 unexpected trailing bytes$`)),
      );
    },
  );

  it('a truncated OPEN, naming the field it ends in', () => {
    expect(decode(cat(byte(0x01), str('example.com'), u16(22), u16(5), str('al')))).toEqual(
      malformed(/^frame ends inside user$/),
    );
  });

  it('INPUT one byte above MAX_INPUT_BYTES', () => {
    expect(decode(cat(byte(0x02), pattern(MAX_INPUT_BYTES + 1)))).toEqual(
      malformed(/^input is 65537 bytes; at most 65536$/),
    );
  });

  it.each([
    ['host', cat(byte(0x01), u16(MAX_HOST_BYTES + 1))],
    ['user', cat(byte(0x01), str('h'), u16(22), u16(MAX_USER_BYTES + 1))],
    ['term', cat(byte(0x01), str('h'), u16(22), str('u'), u16(MAX_TERM_BYTES + 1))],
    ['command', openBytes({ command: u16(MAX_COMMAND_BYTES + 1) })],
    ['answer', cat(byte(0x06), u32(1), byte(0), byte(1), u16(MAX_AUTH_ANSWER_BYTES + 1))],
    ['agent key', cat(byte(0x07), u32(1), byte(1), u16(MAX_KEY_BLOB_BYTES + 1))],
    ['agent key comment',
      cat(byte(0x07), u32(1), byte(1), bytes16(pattern(3)), u16(MAX_KEY_COMMENT_BYTES + 1))],
    ['signature', cat(byte(0x08), u32(1), u16(MAX_SIGNATURE_BYTES + 1))],
  ])('a %s length above its cap, before its bytes arrive', (field, bytes) => {
    expect(decode(bytes)).toEqual(malformed(new RegExp(`^${field} is \\d+ bytes; at most \\d+$`)));
  });

  it('counts above their caps, before the items arrive', () => {
    expect(decode(cat(byte(0x06), u32(1), byte(0), byte(MAX_AUTH_PROMPTS + 1)))).toEqual(
      malformed(/^17 answers; at most 16$/),
    );
    expect(decode(cat(byte(0x07), u32(1), byte(MAX_AGENT_KEYS + 1)))).toEqual(
      malformed(new RegExp(`^${MAX_AGENT_KEYS + 1} agent keys; at most ${MAX_AGENT_KEYS}$`)),
    );
  });

  it.each(INVALID_UTF8)('a string with invalid UTF-8 (%s) in any string field', (_, invalid) => {
    const bad = bytes16(Uint8Array.from(invalid));
    for (const field of ['host', 'user', 'term', 'command'] as const) {
      expect(decode(openBytes({ [field]: bad }))).toEqual(
        malformed(new RegExp(`^${field} is not valid UTF-8$`)),
      );
    }
    expect(decode(cat(byte(0x06), u32(1), byte(0), byte(1), bad))).toEqual(
      malformed(/^answer is not valid UTF-8$/),
    );
    expect(decode(cat(byte(0x07), u32(1), byte(1), bytes16(pattern(2)), bad))).toEqual(
      malformed(/^agent key comment is not valid UTF-8$/),
    );
  });

  it('booleans other than 0 and 1', () => {
    expect(decode(cat(byte(0x05), byte(2)))).toEqual(malformed(/^trusted is 2; must be 0 or 1$/));
    expect(decode(cat(byte(0x06), u32(1), byte(2), byte(0)))).toEqual(malformed(/^cancelled is 2/));
  });

  it('OPEN flags with unknown bits', () => {
    for (const flags of [0x2, 0x8000_0000, 0xffff_ffff]) {
      expect(decode(openBytes({ flags: u32(flags) }))).toEqual(
        malformed(/^OPEN has unknown flags 0x[0-9a-f]+$/),
      );
    }
  });

  it('port 0', () => {
    expect(decode(openBytes({ port: u16(0) }))).toEqual(malformed(/^port 0 is outside 1..65535$/));
  });

  it.each([
    ['cols', 0], ['cols', MAX_TERMINAL_CELLS + 1], ['rows', 0], ['rows', MAX_TERMINAL_CELLS + 1],
  ] as const)('%s %i in OPEN and RESIZE', (field, value) => {
    const size = field === 'cols'
      ? cat(u16(value), u16(24), u16(0), u16(0))
      : cat(u16(80), u16(value), u16(0), u16(0));
    const range = `1..${MAX_TERMINAL_CELLS}`;
    const expected = malformed(new RegExp(`^${field} ${value} is outside ${range}$`));
    expect(decode(openBytes({ size }))).toEqual(expected);
    expect(decode(cat(byte(0x03), size))).toEqual(expected);
  });

  it('a RESUME output offset above 2^53 - 1', () => {
    for (const offset of [2n ** 53n, 2n ** 64n - 1n]) {
      expect(decode(cat(byte(0x0a), pattern(16), u64(offset)))).toEqual(
        malformed(/^output offset is larger than 2\^53 - 1$/),
      );
    }
  });

  it('accepts the hand-built OPEN that the cases above alter', () => {
    expect(decodeClientFrame(openBytes())).toEqual({ ok: true, frame: OPEN });
  });
});

describe('encodeClientFrame throws RangeError for what the relay would reject', () => {
  const tooLong = (n: number) => utf8OfLength(n + 1);
  it.each<[string, ClientFrame]>([
    ['host', { ...OPEN, host: tooLong(MAX_HOST_BYTES) }],
    ['port', { ...OPEN, port: 0 }],
    ['port', { ...OPEN, port: 65_536 }],
    ['user', { ...OPEN, user: tooLong(MAX_USER_BYTES) }],
    ['term', { ...OPEN, term: tooLong(MAX_TERM_BYTES) }],
    ['command', { ...OPEN, command: tooLong(MAX_COMMAND_BYTES) }],
    ['cols', { ...OPEN, cols: 0 }],
    ['rows', { ...OPEN, rows: MAX_TERMINAL_CELLS + 1 }],
    ['widthPx', { ...OPEN, widthPx: MAX_TERMINAL_PIXELS + 1 }],
    ['heightPx', { ...OPEN, heightPx: -1 }],
    ['flags', { ...OPEN, flags: 0x2 }],
    ['cols', { type: 'resize', cols: 1.5, rows: 24, widthPx: 0, heightPx: 0 }],
    ['input', { type: 'input', data: new Uint8Array(MAX_INPUT_BYTES + 1) }],
    ['ack bytes', { type: 'ack', bytes: 2 ** 32 }],
    ['prompt id', { type: 'authAnswer', promptId: -1, cancelled: false, answers: [] }],
    ['answer count', {
      type: 'authAnswer', promptId: 1, cancelled: false,
      answers: Array<string>(MAX_AUTH_PROMPTS + 1).fill(''),
    }],
    ['answer', {
      type: 'authAnswer', promptId: 1, cancelled: false,
      answers: [tooLong(MAX_AUTH_ANSWER_BYTES)],
    }],
    ['request id', { type: 'agentIdentities', requestId: 2 ** 32, keys: [] }],
    ['agent key count', {
      type: 'agentIdentities', requestId: 1,
      keys: Array(MAX_AGENT_KEYS + 1).fill({ blob: new Uint8Array(1), comment: '' }),
    }],
    ['agent key', {
      type: 'agentIdentities', requestId: 1,
      keys: [{ blob: new Uint8Array(MAX_KEY_BLOB_BYTES + 1), comment: '' }],
    }],
    ['agent key comment', {
      type: 'agentIdentities', requestId: 1,
      keys: [{ blob: new Uint8Array(1), comment: tooLong(MAX_KEY_COMMENT_BYTES) }],
    }],
    ['signature', {
      type: 'agentSignature', requestId: 1, signature: new Uint8Array(MAX_SIGNATURE_BYTES + 1),
    }],
    ['request id', { type: 'agentSignature', requestId: 0.5, signature: new Uint8Array() }],
    ['nonce', { type: 'ping', nonce: -1 }],
    ['token length', { type: 'resume', token: new Uint8Array(15), outputOffset: 0 }],
    ['output offset', { type: 'resume', token: new Uint8Array(16), outputOffset: 2 ** 53 }],
  ])('%s', (field, frame) => {
    expect(rangeErrorOf(() => encodeClientFrame(frame))).toMatch(new RegExp(`^(OPEN )?${field} `));
  });
});
