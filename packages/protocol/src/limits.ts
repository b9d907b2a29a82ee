/** Largest frame a client may send, in bytes (UTF-8): the server refuses bigger ones. */
export const MAX_FRAME_BYTES = 16 * 1024;
/**
 * Largest frame the server may send, in bytes (UTF-8). Larger than {@link MAX_FRAME_BYTES} because a
 * `welcome` carries the whole room: the catalogue and the last chat messages.
 */
export const MAX_SERVER_FRAME_BYTES = 1024 * 1024;
/** Longest chat message, in characters. */
export const MAX_CHAT_LENGTH = 300;
/** Longest display name, in characters. */
export const MAX_NAME_LENGTH = 40;
/** Longest postal address, in characters. */
export const MAX_ADDRESS_LENGTH = 200;
/** Most units of one variant in one order. */
export const MAX_ORDER_QUANTITY = 99;
/** How many recent chat messages a room snapshot carries. */
export const SNAPSHOT_CHAT_MESSAGES = 50;
/**
 * Highest playback latency (ms behind the live edge) a client may report. Larger reports are refused:
 * a real player this far behind is rebuffering, and an unbounded figure would let a script claim any head start.
 */
export const MAX_REPORTED_LATENCY_MS = 15_000;
