/**
 * Reads shared/protocol/vectors.json into frames the codecs accept. Byte fields are
 * written there as `{ "hex": "..." }`; here they become Uint8Arrays, and back again in
 * `toVectorForm`, so a decoded frame compares with the file byte for byte.
 */
import type { ClientFrame, RelayFrame } from '../shared/protocol/index.ts';
import vectorFile from '../shared/protocol/vectors.json' with { type: 'json' };
import { fromHex, toHex } from './hex.ts';

export type Direction = 'client-to-relay' | 'relay-to-client';

export interface Vector {
  name: string;
  direction: Direction;
  bytes: Uint8Array;
  /** The frame as written in the file, byte fields still in `{ hex }` form. */
  expected: unknown;
  /** The same frame with byte fields as Uint8Array, ready for an encoder. */
  frame: ClientFrame | RelayFrame;
}

export const vectors: Vector[] = readVectors(vectorFile);

export function clientVectors(): { name: string; bytes: Uint8Array; frame: ClientFrame }[] {
  return vectors.flatMap((v) =>
    v.direction === 'client-to-relay' ? [{ ...v, frame: v.frame as ClientFrame }] : []);
}

export function relayVectors(): { name: string; bytes: Uint8Array; frame: RelayFrame }[] {
  return vectors.flatMap((v) =>
    v.direction === 'relay-to-client' ? [{ ...v, frame: v.frame as RelayFrame }] : []);
}

/** A decoded frame in the file's notation: Uint8Array fields become `{ hex }`. */
export function toVectorForm(value: unknown): unknown {
  if (value instanceof Uint8Array) return { hex: toHex(value) };
  if (Array.isArray(value)) return value.map(toVectorForm);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toVectorForm(v)]));
  }
  return value;
}

/**
 * Checks the file's outline only. Whether a frame's fields are right is what the tests
 * decide, by decoding `hex` and comparing; the cast to a frame type is safe for that use.
 */
function readVectors(file: unknown): Vector[] {
  const root = file as { version?: unknown; frames?: unknown };
  if (root.version !== 1 || !Array.isArray(root.frames)) {
    throw new Error('vectors.json: expected { version: 1, frames: [...] }');
  }
  return root.frames.map((entry: unknown, index: number) => {
    const { name, direction, hex, frame } = entry as Record<string, unknown>;
    const where = `vectors.json frames[${index}]`;
    if (typeof name !== 'string' || typeof hex !== 'string') {
      throw new Error(`${where}: name and hex must be strings`);
    }
    if (direction !== 'client-to-relay' && direction !== 'relay-to-client') {
      throw new Error(`${where} (${name}): unknown direction ${String(direction)}`);
    }
    if (typeof frame !== 'object' || frame === null || !('type' in frame)) {
      throw new Error(`${where} (${name}): frame needs a type`);
    }
    const decoded = fromVectorForm(frame) as ClientFrame | RelayFrame;
    return { name, direction, bytes: fromHex(hex), expected: frame, frame: decoded };
  });
}

function fromVectorForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromVectorForm);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'hex') {
    return fromHex((value as { hex: string }).hex);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromVectorForm(v)]));
}
