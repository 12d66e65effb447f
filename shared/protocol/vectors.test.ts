import { describe, expect, it } from 'vitest';
import { toHex } from '../../testing/hex.ts';
import { toVectorForm, vectors } from '../../testing/protocol-vectors.ts';
import {
  ClientFrameType,
  decodeClientFrame,
  decodeRelayFrame,
  encodeClientFrame,
  encodeRelayFrame,
  RelayFrameType,
  type ClientFrame,
  type RelayFrame,
} from './index.ts';

const codecs = {
  'client-to-relay': {
    encode: (frame: ClientFrame | RelayFrame) => encodeClientFrame(frame as ClientFrame),
    decode: decodeClientFrame,
    wrongDecode: decodeRelayFrame,
  },
  'relay-to-client': {
    encode: (frame: ClientFrame | RelayFrame) => encodeRelayFrame(frame as RelayFrame),
    decode: decodeRelayFrame,
    wrongDecode: decodeClientFrame,
  },
};

describe('protocol test vectors (vectors.json)', () => {
  describe.each(vectors)('$name ($direction)', ({ direction, bytes, frame, expected }) => {
    const codec = codecs[direction];

    it('encodes to exactly its bytes', () => {
      expect(toHex(codec.encode(frame))).toBe(toHex(bytes));
    });

    it('decodes back to its frame', () => {
      const result = codec.decode(bytes);
      expect(result.ok ? toVectorForm(result.frame) : result.error.message).toStrictEqual(expected);
    });

    it('is an unknown frame to the decoder of the other direction', () => {
      const result = codec.wrongDecode(bytes);
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.error.code).toBe('protocol.unknown_frame');
    });
  });

  it('has at least one vector for every client frame type', () => {
    const covered = new Set(
      vectors.filter((v) => v.direction === 'client-to-relay').map((v) => v.frame.type),
    );
    expect(Object.keys(ClientFrameType).filter((type) => !covered.has(type as never))).toEqual([]);
  });

  it('has at least one vector for every relay frame type', () => {
    const covered = new Set(
      vectors.filter((v) => v.direction === 'relay-to-client').map((v) => v.frame.type),
    );
    expect(Object.keys(RelayFrameType).filter((type) => !covered.has(type as never))).toEqual([]);
  });

  it('gives every vector a distinct name', () => {
    const names = vectors.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
