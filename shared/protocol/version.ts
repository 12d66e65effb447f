/**
 * The protocol version travels as the WebSocket subprotocol, so a client and a relay
 * of different versions learn it during the handshake instead of misreading frames.
 * Bump it on any change to a frame's layout; adding a frame type is a change too.
 */
export const PROTOCOL_VERSION = 1;

export const SUBPROTOCOL = `seashell.v${PROTOCOL_VERSION}`;

/** Subprotocols that belong to Seashell, of any version. */
export const SUBPROTOCOL_PATTERN = /^seashell\.v\d+$/;
