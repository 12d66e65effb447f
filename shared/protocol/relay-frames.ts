/**
 * Frames the relay sends to the browser. Each WebSocket message carries exactly one
 * frame; its first byte is the frame type (0x80 and up, so a frame sent the wrong way
 * is unknown to its receiver). Field layouts use the notation of wire.ts.
 */
import { readBoolean, unknownType } from './client-frames.ts';
import { isErrorCode, type ErrorCode } from './errors.ts';
import {
  MAX_ALGORITHM_BYTES,
  MAX_AUTH_PROMPTS,
  MAX_AUTH_TEXT_BYTES,
  MAX_ERROR_CODE_BYTES,
  MAX_KEY_BLOB_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_OUTPUT_BYTES,
  MAX_SIGN_DATA_BYTES,
  MAX_SIGNAL_BYTES,
  SESSION_TOKEN_BYTES,
} from './limits.ts';
import {
  checkEnum,
  checkLength,
  checkRange,
  checkStringBytes,
  checkU32,
  decodeWith,
  FrameError,
  Reader,
  sizeOf,
  Writer,
  type DecodeResult,
} from './wire.ts';

export const RelayFrameType = {
  ready: 0x81,
  output: 0x82,
  exit: 0x83,
  error: 0x84,
  hostKeyCheck: 0x85,
  authPrompt: 0x86,
  agentRequest: 0x87,
  pong: 0x88,
  phase: 0x89,
  resumed: 0x8a,
} as const;

/** READY: u8 0x81 | 16 bytes token (the shell is open; the token resumes the session) */
export interface ReadyFrame {
  type: 'ready';
  token: Uint8Array;
}

/** OUTPUT: u8 0x82 | rest data (terminal bytes exactly as the host sent them) */
export interface OutputFrame {
  type: 'output';
  data: Uint8Array;
}

export const ExitKind = { code: 0, signal: 1, unknown: 2 } as const;

/**
 * EXIT: u8 0x83 | u8 kind | u32 code | string signal | string message
 * kind 0: the command exited with `code`; 1: it was killed by `signal` (such as `TERM`);
 * 2: the channel closed without saying why.
 */
export interface ExitFrame {
  type: 'exit';
  kind: (typeof ExitKind)[keyof typeof ExitKind];
  code: number;
  signal: string;
  message: string;
}

/** ERROR: u8 0x84 | string code | u8 retryable | string message (the session is over) */
export interface ErrorFrame {
  type: 'error';
  code: ErrorCode;
  retryable: boolean;
  message: string;
}

/**
 * HOST_KEY_CHECK: u8 0x85 | string algorithm | bytes16 key
 * The host offered this key. The browser decides whether to trust it and answers
 * HOST_KEY_DECISION; the relay never decides on its own.
 */
export interface HostKeyCheckFrame {
  type: 'hostKeyCheck';
  algorithm: string;
  key: Uint8Array;
}

export const AuthMethod = { password: 1, keyboardInteractive: 2 } as const;

export interface AuthPromptField {
  text: string;
  /** Whether the answer may be shown while typed (false for passwords). */
  echo: boolean;
}

/**
 * AUTH_PROMPT: u8 0x86 | u32 promptId | u8 method | string name | string instructions
 *   | u8 count | count × (u8 echo | string text)
 * The browser answers AUTH_ANSWER with the same promptId.
 */
export interface AuthPromptFrame {
  type: 'authPrompt';
  promptId: number;
  method: (typeof AuthMethod)[keyof typeof AuthMethod];
  name: string;
  instructions: string;
  prompts: AuthPromptField[];
}

export const AgentOperation = { list: 1, sign: 2 } as const;

/**
 * AGENT_REQUEST: u8 0x87 | u32 requestId | u8 operation | bytes16 key | bytes16 data | u32 flags
 * operation 1 lists keys (key and data empty, flags 0): the answer is AGENT_IDENTITIES.
 * operation 2 signs data with key; flags are SSH agent sign flags (RFC draft-miller-ssh-agent
 * section 4.5.1): the answer is AGENT_SIGNATURE.
 */
export interface AgentRequestFrame {
  type: 'agentRequest';
  requestId: number;
  operation: (typeof AgentOperation)[keyof typeof AgentOperation];
  key: Uint8Array;
  data: Uint8Array;
  flags: number;
}

/** PONG: u8 0x88 | u32 nonce (echoes a PING) */
export interface PongFrame {
  type: 'pong';
  nonce: number;
}

export const SessionPhase = {
  resolving: 1,
  connecting: 2,
  handshaking: 3,
  authenticating: 4,
  opening: 5,
} as const;

/** PHASE: u8 0x89 | u8 phase | string detail (progress before READY, for the status line) */
export interface PhaseFrame {
  type: 'phase';
  phase: (typeof SessionPhase)[keyof typeof SessionPhase];
  detail: string;
}

/**
 * RESUMED: u8 0x8a | u64 outputOffset
 * The session was picked up; OUTPUT frames that follow start at outputOffset.
 */
export interface ResumedFrame {
  type: 'resumed';
  outputOffset: number;
}

export type RelayFrame =
  | ReadyFrame
  | OutputFrame
  | ExitFrame
  | ErrorFrame
  | HostKeyCheckFrame
  | AuthPromptFrame
  | AgentRequestFrame
  | PongFrame
  | PhaseFrame
  | ResumedFrame;

/**
 * The hot path: an OUTPUT frame for `data`, with one copy. `data` may be a Node Buffer.
 */
export function encodeOutput(data: Uint8Array): Uint8Array {
  return encodeOutputParts([data], data.length);
}

/**
 * One OUTPUT frame carrying `parts` back to back, with one copy of each: the relay
 * gathers the small reads of a busy PTY into fewer, larger frames. `totalBytes` is the
 * sum of the parts' lengths, which the caller already keeps.
 */
export function encodeOutputParts(parts: readonly Uint8Array[], totalBytes: number): Uint8Array {
  checkLength('output', totalBytes, MAX_OUTPUT_BYTES);
  const bytes = new Uint8Array(1 + totalBytes);
  bytes[0] = RelayFrameType.output;
  let offset = 1;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  if (offset !== bytes.length) {
    throw new RangeError(`output parts hold ${offset - 1} bytes, not ${totalBytes}`);
  }
  return bytes;
}

export function encodeRelayFrame(frame: RelayFrame): Uint8Array {
  const T = RelayFrameType;
  switch (frame.type) {
    case 'ready':
      checkRange('token length', frame.token.length, SESSION_TOKEN_BYTES, SESSION_TOKEN_BYTES);
      return new Writer(1 + SESSION_TOKEN_BYTES, T.ready).raw(frame.token).done();
    case 'output':
      return encodeOutput(frame.data);
    case 'exit':
      checkEnum('exit kind', frame.kind, ExitKind);
      checkRange('exit code', frame.code, 0, 0xffff_ffff);
      checkStringBytes('signal', frame.signal, MAX_SIGNAL_BYTES);
      checkStringBytes('message', frame.message, MAX_MESSAGE_BYTES);
      return new Writer(
        1 + 1 + 4 + sizeOf.string(frame.signal) + sizeOf.string(frame.message),
        T.exit,
      )
        .u8(frame.kind)
        .u32(frame.code)
        .string(frame.signal)
        .string(frame.message)
        .done();
    case 'error':
      if (!isErrorCode(frame.code)) {
        throw new RangeError(`error code ${JSON.stringify(frame.code)} is not in ERROR_CODES`);
      }
      checkStringBytes('message', frame.message, MAX_MESSAGE_BYTES);
      return new Writer(1 + sizeOf.string(frame.code) + 1 + sizeOf.string(frame.message), T.error)
        .string(frame.code)
        .u8(frame.retryable ? 1 : 0)
        .string(frame.message)
        .done();
    case 'hostKeyCheck':
      checkStringBytes('algorithm', frame.algorithm, MAX_ALGORITHM_BYTES);
      checkLength('host key', frame.key.length, MAX_KEY_BLOB_BYTES);
      return new Writer(
        1 + sizeOf.string(frame.algorithm) + sizeOf.bytes16(frame.key),
        T.hostKeyCheck,
      )
        .string(frame.algorithm)
        .bytes16(frame.key)
        .done();
    case 'authPrompt': {
      checkU32('prompt id', frame.promptId);
      checkEnum('auth method', frame.method, AuthMethod);
      checkStringBytes('name', frame.name, MAX_AUTH_TEXT_BYTES);
      checkStringBytes('instructions', frame.instructions, MAX_AUTH_TEXT_BYTES);
      checkLength('prompt count', frame.prompts.length, MAX_AUTH_PROMPTS);
      let size = 1 + 4 + 1 + sizeOf.string(frame.name) + sizeOf.string(frame.instructions) + 1;
      for (const prompt of frame.prompts) {
        checkStringBytes('prompt', prompt.text, MAX_AUTH_TEXT_BYTES);
        size += 1 + sizeOf.string(prompt.text);
      }
      const writer = new Writer(size, T.authPrompt)
        .u32(frame.promptId)
        .u8(frame.method)
        .string(frame.name)
        .string(frame.instructions)
        .u8(frame.prompts.length);
      for (const prompt of frame.prompts) writer.u8(prompt.echo ? 1 : 0).string(prompt.text);
      return writer.done();
    }
    case 'agentRequest':
      checkU32('request id', frame.requestId);
      checkEnum('agent operation', frame.operation, AgentOperation);
      checkLength('agent key', frame.key.length, MAX_KEY_BLOB_BYTES);
      checkLength('sign data', frame.data.length, MAX_SIGN_DATA_BYTES);
      checkRange('flags', frame.flags, 0, 0xffff_ffff);
      if (frame.operation === AgentOperation.list) {
        const empty = frame.key.length === 0 && frame.data.length === 0 && frame.flags === 0;
        if (!empty) throw new RangeError('a list AGENT_REQUEST carries no key, data or flags');
      }
      return new Writer(
        1 + 4 + 1 + sizeOf.bytes16(frame.key) + sizeOf.bytes16(frame.data) + 4,
        T.agentRequest,
      )
        .u32(frame.requestId)
        .u8(frame.operation)
        .bytes16(frame.key)
        .bytes16(frame.data)
        .u32(frame.flags)
        .done();
    case 'pong':
      checkU32('nonce', frame.nonce);
      return new Writer(1 + 4, T.pong).u32(frame.nonce).done();
    case 'phase':
      checkEnum('phase', frame.phase, SessionPhase);
      checkStringBytes('detail', frame.detail, MAX_MESSAGE_BYTES);
      return new Writer(1 + 1 + sizeOf.string(frame.detail), T.phase)
        .u8(frame.phase)
        .string(frame.detail)
        .done();
    case 'resumed':
      checkRange('output offset', frame.outputOffset, 0, Number.MAX_SAFE_INTEGER);
      return new Writer(1 + 8, T.resumed).u64(frame.outputOffset).done();
  }
}

/** Decodes one message. Byte fields of the result are views into `bytes`. */
export function decodeRelayFrame(bytes: Uint8Array): DecodeResult<RelayFrame> {
  return decodeWith(readRelayFrame, bytes);
}

function readRelayFrame(bytes: Uint8Array): RelayFrame {
  const T = RelayFrameType;
  const reader = new Reader(bytes);
  const type = bytes[0];
  let frame: RelayFrame;
  switch (type) {
    case T.ready:
      frame = { type: 'ready', token: reader.fixed('token', SESSION_TOKEN_BYTES) };
      break;
    case T.output:
      frame = { type: 'output', data: reader.rest('output', MAX_OUTPUT_BYTES) };
      break;
    case T.exit: {
      const kind = readEnum(reader, 'exit kind', ExitKind);
      const code = reader.u32('exit code');
      const signal = reader.string('signal', MAX_SIGNAL_BYTES);
      const message = reader.string('message', MAX_MESSAGE_BYTES);
      frame = { type: 'exit', kind, code, signal, message };
      break;
    }
    case T.error: {
      const code = reader.string('error code', MAX_ERROR_CODE_BYTES);
      if (!isErrorCode(code)) {
        throw new FrameError('protocol.malformed', `unknown error code ${JSON.stringify(code)}`);
      }
      const retryable = readBoolean(reader, 'retryable');
      const message = reader.string('message', MAX_MESSAGE_BYTES);
      frame = { type: 'error', code, retryable, message };
      break;
    }
    case T.hostKeyCheck: {
      const algorithm = reader.string('algorithm', MAX_ALGORITHM_BYTES);
      const key = reader.bytes16('host key', MAX_KEY_BLOB_BYTES);
      frame = { type: 'hostKeyCheck', algorithm, key };
      break;
    }
    case T.authPrompt: {
      const promptId = reader.u32('prompt id');
      const method = readEnum(reader, 'auth method', AuthMethod);
      const name = reader.string('name', MAX_AUTH_TEXT_BYTES);
      const instructions = reader.string('instructions', MAX_AUTH_TEXT_BYTES);
      const count = reader.u8('prompt count');
      if (count > MAX_AUTH_PROMPTS) {
        throw new FrameError('protocol.malformed', `${count} prompts; at most ${MAX_AUTH_PROMPTS}`);
      }
      const prompts: AuthPromptField[] = [];
      for (let i = 0; i < count; i++) {
        const echo = readBoolean(reader, 'echo');
        prompts.push({ echo, text: reader.string('prompt', MAX_AUTH_TEXT_BYTES) });
      }
      frame = { type: 'authPrompt', promptId, method, name, instructions, prompts };
      break;
    }
    case T.agentRequest: {
      const requestId = reader.u32('request id');
      const operation = readEnum(reader, 'agent operation', AgentOperation);
      const key = reader.bytes16('agent key', MAX_KEY_BLOB_BYTES);
      const data = reader.bytes16('sign data', MAX_SIGN_DATA_BYTES);
      const flags = reader.u32('flags');
      if (operation === AgentOperation.list && (key.length > 0 || data.length > 0 || flags !== 0)) {
        throw new FrameError(
          'protocol.malformed',
          'a list AGENT_REQUEST carries a key, data or flags',
        );
      }
      frame = { type: 'agentRequest', requestId, operation, key, data, flags };
      break;
    }
    case T.pong:
      frame = { type: 'pong', nonce: reader.u32('nonce') };
      break;
    case T.phase: {
      const phase = readEnum(reader, 'phase', SessionPhase);
      frame = { type: 'phase', phase, detail: reader.string('detail', MAX_MESSAGE_BYTES) };
      break;
    }
    case T.resumed:
      frame = { type: 'resumed', outputOffset: reader.u64('output offset') };
      break;
    default:
      throw unknownType(type);
  }
  reader.end(frame.type);
  return frame;
}

function readEnum<E extends Record<string, number>>(
  reader: Reader,
  field: string,
  values: E,
): E[keyof E] {
  const value = reader.u8(field);
  if (!Object.values(values).includes(value)) {
    throw new FrameError('protocol.malformed', `${field} ${value} is not known`);
  }
  return value as E[keyof E];
}
