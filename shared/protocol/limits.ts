/**
 * Caps on every size and count that arrives off the network. Each is checked before
 * anything is allocated for it; a frame that breaks one is rejected as malformed.
 */

/** Largest WebSocket message either side accepts, in bytes: one OUTPUT or INPUT frame. */
export const MAX_FRAME_BYTES = 256 * 1024;

/** Largest INPUT payload, in bytes. Clients split bigger pastes into several frames. */
export const MAX_INPUT_BYTES = 64 * 1024;

/** Largest OUTPUT payload, in bytes. The relay coalesces SSH packets up to this. */
export const MAX_OUTPUT_BYTES = MAX_FRAME_BYTES - 1;

/** Host names: DNS allows 253 characters; 255 leaves room for bracketed IPv6. */
export const MAX_HOST_BYTES = 255;

/** User names: generous next to Linux's 32, since other systems allow more. */
export const MAX_USER_BYTES = 255;

/** Terminal type such as `xterm-256color`. */
export const MAX_TERM_BYTES = 64;

/** A command to run instead of the login shell. */
export const MAX_COMMAND_BYTES = 8 * 1024;

/** Terminal size in cells; far beyond any real screen, small enough to never overflow. */
export const MAX_TERMINAL_CELLS = 4096;

/** Terminal size in pixels. */
export const MAX_TERMINAL_PIXELS = 65_535;

/** Prompts in one keyboard-interactive round; OpenSSH's PAM rounds use one or two. */
export const MAX_AUTH_PROMPTS = 16;

/** One prompt's text, or one instruction or name line of a keyboard-interactive round. */
export const MAX_AUTH_TEXT_BYTES = 4 * 1024;

/** One answer (a password or a one-time code). */
export const MAX_AUTH_ANSWER_BYTES = 1024;

/** An SSH public key blob; a 16384-bit RSA key takes about 2 KiB. */
export const MAX_KEY_BLOB_BYTES = 8 * 1024;

/** A host key or signature algorithm name. */
export const MAX_ALGORITHM_BYTES = 64;

/**
 * Keys the browser may offer in one list. With MAX_KEY_BLOB_BYTES and
 * MAX_KEY_COMMENT_BYTES this keeps the largest list under MAX_FRAME_BYTES.
 */
export const MAX_AGENT_KEYS = 16;

/** A key comment shown to the user. */
export const MAX_KEY_COMMENT_BYTES = 256;

/** Data the relay asks the browser to sign: an RFC 4252 request is well under 4 KiB. */
export const MAX_SIGN_DATA_BYTES = 16 * 1024;

/** A signature blob. */
export const MAX_SIGNATURE_BYTES = 8 * 1024;

/** A stable error code such as `ssh.auth_failed`. */
export const MAX_ERROR_CODE_BYTES = 64;

/** A human-readable message: an error, an exit message, or a phase detail. */
export const MAX_MESSAGE_BYTES = 4 * 1024;

/** A signal name such as `TERM`. */
export const MAX_SIGNAL_BYTES = 32;

/** The opaque token that lets a client resume a session. */
export const SESSION_TOKEN_BYTES = 16;
