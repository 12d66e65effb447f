/**
 * Frames the browser sends to the relay. Each WebSocket message carries exactly one
 * frame; its first byte is the frame type. Field layouts use the notation of wire.ts.
 */
import {
  MAX_AGENT_KEYS,
  MAX_AUTH_ANSWER_BYTES,
  MAX_AUTH_PROMPTS,
  MAX_COMMAND_BYTES,
  MAX_HOST_BYTES,
  MAX_INPUT_BYTES,
  MAX_KEY_BLOB_BYTES,
  MAX_KEY_COMMENT_BYTES,
  MAX_SIGNATURE_BYTES,
  MAX_TERM_BYTES,
  MAX_TERMINAL_CELLS,
  MAX_TERMINAL_PIXELS,
  MAX_USER_BYTES,
  SESSION_TOKEN_BYTES,
} from './limits.ts';
import {
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

export const ClientFrameType = {
  open: 0x01,
  input: 0x02,
  resize: 0x03,
  ack: 0x04,
  hostKeyDecision: 0x05,
  authAnswer: 0x06,
  agentIdentities: 0x07,
  agentSignature: 0x08,
  ping: 0x09,
  resume: 0x0a,
} as const;

/** OPEN flag: the browser holds private keys and answers AGENT_REQUEST frames. */
export const OPEN_FLAG_BROWSER_KEYS = 0x1;

const KNOWN_OPEN_FLAGS = OPEN_FLAG_BROWSER_KEYS;

export interface TerminalSize {
  cols: number;
  rows: number;
  /** Drawing area in pixels; 0 when unknown. */
  widthPx: number;
  heightPx: number;
}

/**
 * OPEN (first frame of a session)
 *   u8 0x01 | string host | u16 port | string user | string term
 *   | u16 cols | u16 rows | u16 widthPx | u16 heightPx | u32 flags | string command
 * An empty command asks for the login shell.
 */
export interface OpenFrame extends TerminalSize {
  type: 'open';
  host: string;
  port: number;
  user: string;
  term: string;
  flags: number;
  command: string;
}

/** INPUT: u8 0x02 | rest data (keystrokes or pasted bytes, sent as they are) */
export interface InputFrame {
  type: 'input';
  data: Uint8Array;
}

/** RESIZE: u8 0x03 | u16 cols | u16 rows | u16 widthPx | u16 heightPx */
export interface ResizeFrame extends TerminalSize {
  type: 'resize';
}

/** ACK: u8 0x04 | u32 bytes (OUTPUT payload bytes the terminal has drawn since the last ACK) */
export interface AckFrame {
  type: 'ack';
  bytes: number;
}

/** HOST_KEY_DECISION: u8 0x05 | u8 trusted (1 trust the key offered, 0 refuse it) */
export interface HostKeyDecisionFrame {
  type: 'hostKeyDecision';
  trusted: boolean;
}

/**
 * AUTH_ANSWER: u8 0x06 | u32 promptId | u8 cancelled | u8 count | count × string answer
 * Answers come in the order of the AUTH_PROMPT's prompts.
 */
export interface AuthAnswerFrame {
  type: 'authAnswer';
  promptId: number;
  cancelled: boolean;
  answers: string[];
}

/**
 * AGENT_IDENTITIES: u8 0x07 | u32 requestId | u8 count | count × (bytes16 key | string comment)
 * Keys are SSH public key blobs (RFC 4253 section 6.6).
 */
export interface AgentIdentitiesFrame {
  type: 'agentIdentities';
  requestId: number;
  keys: AgentKey[];
}

export interface AgentKey {
  blob: Uint8Array;
  comment: string;
}

/**
 * AGENT_SIGNATURE: u8 0x08 | u32 requestId | bytes16 signature
 * An empty signature means the browser refused to sign.
 */
export interface AgentSignatureFrame {
  type: 'agentSignature';
  requestId: number;
  signature: Uint8Array;
}

/** PING: u8 0x09 | u32 nonce (the relay answers PONG with the same nonce) */
export interface PingFrame {
  type: 'ping';
  nonce: number;
}

/**
 * RESUME (first frame of a socket that picks up a session)
 *   u8 0x0a | 16 bytes token | u64 outputOffset
 * outputOffset counts the OUTPUT payload bytes the client had received.
 */
export interface ResumeFrame {
  type: 'resume';
  token: Uint8Array;
  outputOffset: number;
}

export type ClientFrame =
  | OpenFrame
  | InputFrame
  | ResizeFrame
  | AckFrame
  | HostKeyDecisionFrame
  | AuthAnswerFrame
  | AgentIdentitiesFrame
  | AgentSignatureFrame
  | PingFrame
  | ResumeFrame;

export type { DecodeResult } from './wire.ts';

export function encodeClientFrame(frame: ClientFrame): Uint8Array {
  const T = ClientFrameType;
  switch (frame.type) {
    case 'open': {
      checkStringBytes('host', frame.host, MAX_HOST_BYTES);
      checkRange('port', frame.port, 1, 65_535);
      checkStringBytes('user', frame.user, MAX_USER_BYTES);
      checkStringBytes('term', frame.term, MAX_TERM_BYTES);
      checkSize(frame);
      checkU32('flags', frame.flags);
      if ((frame.flags & ~KNOWN_OPEN_FLAGS) !== 0) {
        throw new RangeError(`OPEN flags 0x${frame.flags.toString(16)} include unknown bits`);
      }
      checkStringBytes('command', frame.command, MAX_COMMAND_BYTES);
      const size = 1
        + sizeOf.string(frame.host)
        + 2
        + sizeOf.string(frame.user)
        + sizeOf.string(frame.term)
        + 2 + 2 + 2 + 2
        + 4
        + sizeOf.string(frame.command);
      return new Writer(size, T.open)
        .string(frame.host)
        .u16(frame.port)
        .string(frame.user)
        .string(frame.term)
        .u16(frame.cols)
        .u16(frame.rows)
        .u16(frame.widthPx)
        .u16(frame.heightPx)
        .u32(frame.flags)
        .string(frame.command)
        .done();
    }
    case 'input':
      checkLength('input', frame.data.length, MAX_INPUT_BYTES);
      return new Writer(1 + frame.data.length, T.input).raw(frame.data).done();
    case 'resize':
      checkSize(frame);
      return new Writer(1 + 2 + 2 + 2 + 2, T.resize)
        .u16(frame.cols)
        .u16(frame.rows)
        .u16(frame.widthPx)
        .u16(frame.heightPx)
        .done();
    case 'ack':
      checkRange('ack bytes', frame.bytes, 0, 0xffff_ffff);
      return new Writer(1 + 4, T.ack).u32(frame.bytes).done();
    case 'hostKeyDecision':
      return new Writer(1 + 1, T.hostKeyDecision).u8(frame.trusted ? 1 : 0).done();
    case 'authAnswer': {
      checkU32('prompt id', frame.promptId);
      checkLength('answer count', frame.answers.length, MAX_AUTH_PROMPTS);
      let size = 1 + 4 + 1 + 1;
      for (const answer of frame.answers) {
        checkStringBytes('answer', answer, MAX_AUTH_ANSWER_BYTES);
        size += sizeOf.string(answer);
      }
      const writer = new Writer(size, T.authAnswer)
        .u32(frame.promptId)
        .u8(frame.cancelled ? 1 : 0)
        .u8(frame.answers.length);
      for (const answer of frame.answers) writer.string(answer);
      return writer.done();
    }
    case 'agentIdentities': {
      checkU32('request id', frame.requestId);
      checkLength('agent key count', frame.keys.length, MAX_AGENT_KEYS);
      let size = 1 + 4 + 1;
      for (const key of frame.keys) {
        checkLength('agent key', key.blob.length, MAX_KEY_BLOB_BYTES);
        checkStringBytes('agent key comment', key.comment, MAX_KEY_COMMENT_BYTES);
        size += sizeOf.bytes16(key.blob) + sizeOf.string(key.comment);
      }
      const writer = new Writer(size, T.agentIdentities)
        .u32(frame.requestId)
        .u8(frame.keys.length);
      for (const key of frame.keys) writer.bytes16(key.blob).string(key.comment);
      return writer.done();
    }
    case 'agentSignature':
      checkU32('request id', frame.requestId);
      checkLength('signature', frame.signature.length, MAX_SIGNATURE_BYTES);
      return new Writer(1 + 4 + sizeOf.bytes16(frame.signature), T.agentSignature)
        .u32(frame.requestId)
        .bytes16(frame.signature)
        .done();
    case 'ping':
      checkU32('nonce', frame.nonce);
      return new Writer(1 + 4, T.ping).u32(frame.nonce).done();
    case 'resume':
      checkRange('token length', frame.token.length, SESSION_TOKEN_BYTES, SESSION_TOKEN_BYTES);
      checkRange('output offset', frame.outputOffset, 0, Number.MAX_SAFE_INTEGER);
      return new Writer(1 + SESSION_TOKEN_BYTES + 8, T.resume)
        .raw(frame.token)
        .u64(frame.outputOffset)
        .done();
  }
}

/** Decodes one message. Byte fields of the result are views into `bytes`. */
export function decodeClientFrame(bytes: Uint8Array): DecodeResult<ClientFrame> {
  return decodeWith(readClientFrame, bytes);
}

function readClientFrame(bytes: Uint8Array): ClientFrame {
  const T = ClientFrameType;
  const reader = new Reader(bytes);
  const type = bytes[0];
  let frame: ClientFrame;
  switch (type) {
    case T.open: {
      const host = reader.string('host', MAX_HOST_BYTES);
      const port = reader.u16In('port', 1, 65_535);
      const user = reader.string('user', MAX_USER_BYTES);
      const term = reader.string('term', MAX_TERM_BYTES);
      const size = readSize(reader);
      const flags = reader.u32('flags');
      if ((flags & ~KNOWN_OPEN_FLAGS) !== 0) {
        const hex = flags.toString(16);
        throw new FrameError('protocol.malformed', `OPEN has unknown flags 0x${hex}`);
      }
      const command = reader.string('command', MAX_COMMAND_BYTES);
      frame = { type: 'open', host, port, user, term, ...size, flags, command };
      break;
    }
    case T.input:
      frame = { type: 'input', data: reader.rest('input', MAX_INPUT_BYTES) };
      break;
    case T.resize:
      frame = { type: 'resize', ...readSize(reader) };
      break;
    case T.ack:
      frame = { type: 'ack', bytes: reader.u32('ack bytes') };
      break;
    case T.hostKeyDecision:
      frame = { type: 'hostKeyDecision', trusted: readBoolean(reader, 'trusted') };
      break;
    case T.authAnswer: {
      const promptId = reader.u32('prompt id');
      const cancelled = readBoolean(reader, 'cancelled');
      const count = reader.u8('answer count');
      if (count > MAX_AUTH_PROMPTS) {
        throw new FrameError('protocol.malformed', `${count} answers; at most ${MAX_AUTH_PROMPTS}`);
      }
      const answers: string[] = [];
      for (let i = 0; i < count; i++) answers.push(reader.string('answer', MAX_AUTH_ANSWER_BYTES));
      frame = { type: 'authAnswer', promptId, cancelled, answers };
      break;
    }
    case T.agentIdentities: {
      const requestId = reader.u32('request id');
      const count = reader.u8('agent key count');
      if (count > MAX_AGENT_KEYS) {
        const message = `${count} agent keys; at most ${MAX_AGENT_KEYS}`;
        throw new FrameError('protocol.malformed', message);
      }
      const keys: AgentKey[] = [];
      for (let i = 0; i < count; i++) {
        const blob = reader.bytes16('agent key', MAX_KEY_BLOB_BYTES);
        const comment = reader.string('agent key comment', MAX_KEY_COMMENT_BYTES);
        keys.push({ blob, comment });
      }
      frame = { type: 'agentIdentities', requestId, keys };
      break;
    }
    case T.agentSignature: {
      const requestId = reader.u32('request id');
      const signature = reader.bytes16('signature', MAX_SIGNATURE_BYTES);
      frame = { type: 'agentSignature', requestId, signature };
      break;
    }
    case T.ping:
      frame = { type: 'ping', nonce: reader.u32('nonce') };
      break;
    case T.resume: {
      const token = reader.fixed('token', SESSION_TOKEN_BYTES);
      frame = { type: 'resume', token, outputOffset: reader.u64('output offset') };
      break;
    }
    default:
      throw unknownType(type);
  }
  reader.end(frame.type);
  return frame;
}

function checkSize(size: TerminalSize): void {
  checkRange('cols', size.cols, 1, MAX_TERMINAL_CELLS);
  checkRange('rows', size.rows, 1, MAX_TERMINAL_CELLS);
  checkRange('widthPx', size.widthPx, 0, MAX_TERMINAL_PIXELS);
  checkRange('heightPx', size.heightPx, 0, MAX_TERMINAL_PIXELS);
}

function readSize(reader: Reader): TerminalSize {
  return {
    cols: reader.u16In('cols', 1, MAX_TERMINAL_CELLS),
    rows: reader.u16In('rows', 1, MAX_TERMINAL_CELLS),
    widthPx: reader.u16In('widthPx', 0, MAX_TERMINAL_PIXELS),
    heightPx: reader.u16In('heightPx', 0, MAX_TERMINAL_PIXELS),
  };
}

/** Booleans are exactly 0 or 1; any other byte means the sender is confused. */
export function readBoolean(reader: Reader, field: string): boolean {
  const value = reader.u8(field);
  if (value > 1) throw new FrameError('protocol.malformed', `${field} is ${value}; must be 0 or 1`);
  return value === 1;
}

export function unknownType(type: number | undefined): FrameError {
  if (type === undefined) return new FrameError('protocol.malformed', 'empty message');
  const hex = type.toString(16).padStart(2, '0');
  return new FrameError('protocol.unknown_frame', `unknown frame type 0x${hex}`);
}
