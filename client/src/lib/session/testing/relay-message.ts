import { encodeRelayFrame, type RelayFrame } from '../../../../../shared/protocol/index.ts';

/** A relay frame as a WebSocket with binaryType 'arraybuffer' delivers it. */
export function relayMessage(frame: RelayFrame): ArrayBuffer {
  return encodeRelayFrame(frame).slice().buffer;
}
