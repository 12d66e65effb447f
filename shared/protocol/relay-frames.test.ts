import { describe, expect, it } from 'vitest';
import {
  byte, bytes16, cat, pattern, rangeErrorOf, rejection, str, u16, u32, u64, utf8OfLength,
} from '../../testing/frame-bytes.ts';
import { relayVectors, toVectorForm } from '../../testing/protocol-vectors.ts';
import { INVALID_UTF8 } from '../../testing/utf8-samples.ts';
import {
  decodeRelayFrame, encodeOutput, encodeRelayFrame, ERROR_CODES, RelayFrameType,
  MAX_ALGORITHM_BYTES, MAX_AUTH_PROMPTS, MAX_AUTH_TEXT_BYTES, MAX_ERROR_CODE_BYTES,
  MAX_KEY_BLOB_BYTES, MAX_MESSAGE_BYTES, MAX_OUTPUT_BYTES, MAX_SIGN_DATA_BYTES, MAX_SIGNAL_BYTES,
  type AgentRequestFrame, type AuthPromptFrame, type ErrorCode, type ExitFrame, type RelayFrame,
} from './index.ts';

const malformed = (message: RegExp) => ({
  code: 'protocol.malformed',
  message: expect.stringMatching(message),
});
const decode = (bytes: Uint8Array) => rejection(decodeRelayFrame(bytes));

function roundTrip(frame: RelayFrame): unknown {
  const result = decodeRelayFrame(encodeRelayFrame(frame));
  return result.ok ? toVectorForm(result.frame) : result.error.message;
}

const EXIT: ExitFrame = { type: 'exit', kind: 0, code: 0, signal: '', message: '' };

describe('relay frames at their maximum sizes', () => {
  it('round-trips OUTPUT of MAX_OUTPUT_BYTES, also through encodeOutput from a Buffer', () => {
    const data = pattern(MAX_OUTPUT_BYTES);
    const frame: RelayFrame = { type: 'output', data };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));

    const pooled = Buffer.concat([Buffer.from('junk'), Buffer.from(data)]).subarray(4);
    const result = decodeRelayFrame(encodeOutput(pooled));
    expect(result.ok && toVectorForm(result.frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips AUTH_PROMPT with MAX_AUTH_PROMPTS prompts and every text at its cap', () => {
    const frame: RelayFrame = {
      type: 'authPrompt', promptId: 0xffff_ffff, method: 2,
      name: utf8OfLength(MAX_AUTH_TEXT_BYTES), instructions: utf8OfLength(MAX_AUTH_TEXT_BYTES),
      prompts: Array.from({ length: MAX_AUTH_PROMPTS }, (_, i) => ({
        echo: i % 2 === 0, text: utf8OfLength(MAX_AUTH_TEXT_BYTES),
      })),
    };
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it.each<[string, RelayFrame]>([
    ['EXIT', {
      type: 'exit', kind: 1, code: 0xffff_ffff,
      signal: utf8OfLength(MAX_SIGNAL_BYTES), message: utf8OfLength(MAX_MESSAGE_BYTES),
    }],
    ['ERROR', {
      type: 'error', code: 'relay.question_timeout', retryable: true,
      message: utf8OfLength(MAX_MESSAGE_BYTES),
    }],
    ['HOST_KEY_CHECK', {
      type: 'hostKeyCheck', algorithm: utf8OfLength(MAX_ALGORITHM_BYTES),
      key: pattern(MAX_KEY_BLOB_BYTES),
    }],
    ['AGENT_REQUEST', {
      type: 'agentRequest', requestId: 0xffff_ffff, operation: 2,
      key: pattern(MAX_KEY_BLOB_BYTES), data: pattern(MAX_SIGN_DATA_BYTES), flags: 0xffff_ffff,
    }],
    ['PHASE', { type: 'phase', phase: 5, detail: utf8OfLength(MAX_MESSAGE_BYTES) }],
    ['RESUMED', { type: 'resumed', outputOffset: Number.MAX_SAFE_INTEGER }],
  ])('round-trips %s with its fields at their caps', (_, frame) => {
    expect(roundTrip(frame)).toStrictEqual(toVectorForm(frame));
  });

  it('round-trips every error code in ERROR_CODES', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const frame: RelayFrame = { type: 'error', code, retryable: false, message: '' };
      expect(roundTrip(frame)).toStrictEqual(frame);
    }
  });
});

describe('decodeRelayFrame rejects', () => {
  it('an empty message', () => {
    expect(decode(new Uint8Array())).toEqual(malformed(/^empty message$/));
  });

  it('every frame type byte that is not a relay frame, client frames included', () => {
    const known = new Set<number>(Object.values(RelayFrameType));
    for (let type = 0; type < 256; type++) {
      if (known.has(type)) continue;
      const hex = type.toString(16).padStart(2, '0');
      expect(decode(cat(byte(type), u32(0)))).toEqual({
        code: 'protocol.unknown_frame', message: `unknown frame type 0x${hex}`,
      });
    }
  });

  it.each(relayVectors())('$name cut short at every byte', ({ bytes, frame }) => {
    for (let length = 1; length < bytes.length; length++) {
      const result = decodeRelayFrame(bytes.subarray(0, length));
      // OUTPUT's data runs to the end of the message, so any prefix of it is still OUTPUT.
      if (frame.type === 'output') expect(result.ok).toBe(true);
      else expect(rejection(result)).toEqual(malformed(/^frame ends inside [A-Za-z ]+$/));
    }
  });

  it.each(relayVectors().filter((v) => v.frame.type !== 'output'))(
    '$name with one byte too many',
    ({ bytes, frame }) => {
      expect(decode(cat(bytes, byte(0)))).toEqual(
        malformed(new RegExp(`^${frame.type} has 1 unexpected trailing bytes$`)),
      );
    },
  );

  it('OUTPUT one byte above MAX_OUTPUT_BYTES', () => {
    expect(decode(cat(byte(0x82), pattern(MAX_OUTPUT_BYTES + 1)))).toEqual(
      malformed(new RegExp(`^output is ${MAX_OUTPUT_BYTES + 1} bytes; at most \\d+$`)),
    );
  });

  const prompt = (...rest: Uint8Array[]) => cat(byte(0x86), u32(1), byte(2), ...rest);
  const agent = (...rest: Uint8Array[]) => cat(byte(0x87), u32(1), byte(2), ...rest);
  it.each([
    ['signal', cat(byte(0x83), byte(1), u32(0), u16(MAX_SIGNAL_BYTES + 1))],
    ['message', cat(byte(0x83), byte(0), u32(0), str(''), u16(MAX_MESSAGE_BYTES + 1))],
    ['error code', cat(byte(0x84), u16(MAX_ERROR_CODE_BYTES + 1))],
    ['message', cat(byte(0x84), str('ssh.dns'), byte(0), u16(0xffff))],
    ['algorithm', cat(byte(0x85), u16(MAX_ALGORITHM_BYTES + 1))],
    ['host key', cat(byte(0x85), str('ssh-rsa'), u16(MAX_KEY_BLOB_BYTES + 1))],
    ['name', prompt(u16(MAX_AUTH_TEXT_BYTES + 1))],
    ['instructions', prompt(str(''), u16(MAX_AUTH_TEXT_BYTES + 1))],
    ['prompt', prompt(str(''), str(''), byte(1), byte(0), u16(MAX_AUTH_TEXT_BYTES + 1))],
    ['agent key', agent(u16(MAX_KEY_BLOB_BYTES + 1))],
    ['sign data', agent(str(''), u16(MAX_SIGN_DATA_BYTES + 1))],
    ['detail', cat(byte(0x89), byte(1), u16(MAX_MESSAGE_BYTES + 1))],
  ])('a %s length above its cap, before its bytes arrive', (field, bytes) => {
    expect(decode(bytes)).toEqual(malformed(new RegExp(`^${field} is \\d+ bytes; at most \\d+$`)));
  });

  it('more prompts than MAX_AUTH_PROMPTS, before the prompts arrive', () => {
    expect(decode(prompt(str(''), str(''), byte(MAX_AUTH_PROMPTS + 1)))).toEqual(
      malformed(/^17 prompts; at most 16$/),
    );
  });

  it.each(INVALID_UTF8)('a string with invalid UTF-8 (%s)', (_, invalid) => {
    const bad = bytes16(Uint8Array.from(invalid));
    const cases: [string, Uint8Array][] = [
      ['signal', cat(byte(0x83), byte(1), u32(0), bad, str(''))],
      ['message', cat(byte(0x83), byte(0), u32(0), str(''), bad)],
      ['error code', cat(byte(0x84), bad, byte(0), str(''))],
      ['message', cat(byte(0x84), str('ssh.dns'), byte(0), bad)],
      ['algorithm', cat(byte(0x85), bad, str(''))],
      ['name', prompt(bad, str(''), byte(0))],
      ['instructions', prompt(str(''), bad, byte(0))],
      ['prompt', prompt(str(''), str(''), byte(1), byte(0), bad)],
      ['detail', cat(byte(0x89), byte(1), bad)],
    ];
    for (const [field, bytes] of cases) {
      expect(decode(bytes)).toEqual(malformed(new RegExp(`^${field} is not valid UTF-8$`)));
    }
  });

  it('booleans other than 0 and 1', () => {
    expect(decode(cat(byte(0x84), str('ssh.dns'), byte(2), str('')))).toEqual(
      malformed(/^retryable is 2; must be 0 or 1$/),
    );
    expect(decode(prompt(str(''), str(''), byte(1), byte(2), str('')))).toEqual(
      malformed(/^echo is 2; must be 0 or 1$/),
    );
  });

  it.each([
    ['exit kind', 3, (v: number) => cat(byte(0x83), byte(v), u32(0), str(''), str(''))],
    ['auth method', 0, (v: number) => cat(byte(0x86), u32(1), byte(v), str(''), str(''), byte(0))],
    ['auth method', 3, (v: number) => cat(byte(0x86), u32(1), byte(v), str(''), str(''), byte(0))],
    ['agent operation', 0, (v: number) => cat(byte(0x87), u32(1), byte(v), u16(0), u16(0), u32(0))],
    ['agent operation', 3, (v: number) => cat(byte(0x87), u32(1), byte(v), u16(0), u16(0), u32(0))],
    ['phase', 0, (v: number) => cat(byte(0x89), byte(v), str(''))],
    ['phase', 6, (v: number) => cat(byte(0x89), byte(v), str(''))],
  ])('%s %i, which is not in the enum', (field, value, build) => {
    expect(decode(build(value))).toEqual(malformed(new RegExp(`^${field} ${value} is not known$`)));
  });

  it('an error code that is not in ERROR_CODES', () => {
    for (const code of ['ssh.nope', 'SSH.DNS', '']) {
      expect(decode(cat(byte(0x84), str(code), byte(0), str('')))).toEqual(
        malformed(/^unknown error code ".*"$/),
      );
    }
  });

  it('a RESUMED output offset above 2^53 - 1', () => {
    for (const offset of [2n ** 53n, 2n ** 64n - 1n]) {
      expect(decode(cat(byte(0x8a), u64(offset)))).toEqual(
        malformed(/^output offset is larger than 2\^53 - 1$/),
      );
    }
  });
});

describe('encodeRelayFrame throws RangeError for what the browser would reject', () => {
  const tooLong = (n: number) => utf8OfLength(n + 1);
  const PROMPT: AuthPromptFrame = {
    type: 'authPrompt', promptId: 1, method: 2, name: '', instructions: '', prompts: [],
  };
  const AGENT: AgentRequestFrame = {
    type: 'agentRequest', requestId: 1, operation: 2,
    key: new Uint8Array(0), data: new Uint8Array(0), flags: 0,
  };
  it.each<[string, RelayFrame]>([
    ['token length', { type: 'ready', token: new Uint8Array(17) }],
    ['output', { type: 'output', data: new Uint8Array(MAX_OUTPUT_BYTES + 1) }],
    ['exit kind', { ...EXIT, kind: 3 as 0 }],
    ['exit code', { ...EXIT, code: -1 }],
    ['signal', { ...EXIT, signal: tooLong(MAX_SIGNAL_BYTES) }],
    ['message', { ...EXIT, message: tooLong(MAX_MESSAGE_BYTES) }],
    ['error code', { type: 'error', code: 'ssh.nope' as ErrorCode, retryable: false, message: '' }],
    ['message', {
      type: 'error', code: 'ssh.dns', retryable: false, message: tooLong(MAX_MESSAGE_BYTES),
    }],
    ['algorithm', {
      type: 'hostKeyCheck', algorithm: tooLong(MAX_ALGORITHM_BYTES), key: pattern(1),
    }],
    ['host key', {
      type: 'hostKeyCheck', algorithm: 'ssh-rsa', key: new Uint8Array(MAX_KEY_BLOB_BYTES + 1),
    }],
    ['prompt id', { ...PROMPT, promptId: 2 ** 32 }],
    ['auth method', { ...PROMPT, method: 0 as 1 }],
    ['name', { ...PROMPT, name: tooLong(MAX_AUTH_TEXT_BYTES) }],
    ['instructions', { ...PROMPT, instructions: tooLong(MAX_AUTH_TEXT_BYTES) }],
    ['prompt count', {
      ...PROMPT, prompts: Array(MAX_AUTH_PROMPTS + 1).fill({ echo: false, text: '' }),
    }],
    ['prompt', { ...PROMPT, prompts: [{ echo: true, text: tooLong(MAX_AUTH_TEXT_BYTES) }] }],
    ['request id', { ...AGENT, requestId: -1 }],
    ['agent operation', { ...AGENT, operation: 3 as 1 }],
    ['agent key', { ...AGENT, key: new Uint8Array(MAX_KEY_BLOB_BYTES + 1) }],
    ['sign data', { ...AGENT, data: new Uint8Array(MAX_SIGN_DATA_BYTES + 1) }],
    ['flags', { ...AGENT, flags: 2 ** 32 }],
    ['nonce', { type: 'pong', nonce: 1.5 }],
    ['phase', { type: 'phase', phase: 6 as 1, detail: '' }],
    ['detail', { type: 'phase', phase: 1, detail: tooLong(MAX_MESSAGE_BYTES) }],
    ['output offset', { type: 'resumed', outputOffset: -1 }],
  ])('%s', (field, frame) => {
    expect(rangeErrorOf(() => encodeRelayFrame(frame))).toMatch(new RegExp(`^${field} `));
  });
});
