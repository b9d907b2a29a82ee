/** Largest frame a client may send, in bytes (UTF-8): the server refuses bigger ones. */
export const MAX_FRAME_BYTES = 16 * 1024;
/**
 * Largest frame the server may send, in bytes (UTF-8). Larger than {@link MAX_FRAME_BYTES} because a
 * `welcome` carries the whole room: the catalogue and the last chat messages.
 */
export const MAX_SERVER_FRAME_BYTES = 1024 * 1024;
/** Longest chat message, in characters. */
export const MAX_CHAT_LENGTH = 300;
/** Most taps one `reaction.send` may carry: the client batches taps, and a batch is bounded so one frame cannot flood a room. */
export const MAX_REACTION_BATCH = 50;
/** Longest display name, in characters. */
export const MAX_NAME_LENGTH = 40;
/** Longest token a client may join with, in characters. */
export const MAX_TOKEN_LENGTH = 4096;
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
/** How long a reservation (`order.reserve`) holds its units before they return to stock, ms. */
export const RESERVATION_TTL_MS = 5 * 60_000;
/** How long an order waits for its payment after `order.checkout` / `order.place`, ms. */
export const PAYMENT_TTL_MS = 15 * 60_000;
/**
 * Highest playback latency (ms) a flash sale credits a viewer with: a viewer "sees zero" at
 * `startsAt + min(latency, cap)`. Bounds the head start a false latency report can buy.
 */
export const FLASH_SALE_LATENCY_CAP_MS = 6_000;
/**
 * After the latest possible zero (`startsAt + FLASH_SALE_LATENCY_CAP_MS`) attempts are still ranked by reaction
 * time for this long; later attempts are admitted first come, first served.
 */
export const FLASH_SALE_RANKING_WINDOW_MS = 2_000;
/** An attempt this much before the viewer's own zero still counts (clock and report jitter), ms. */
export const FLASH_SALE_EARLY_TOLERANCE_MS = 150;
/** Most units one flash sale may offer. */
export const MAX_FLASH_SALE_QUOTA = 100_000;
/** Longest flash sale, ms (one day). */
export const MAX_FLASH_SALE_DURATION_MS = 24 * 60 * 60_000;
/** Furthest ahead a flash sale may be scheduled, ms (one day). */
export const MAX_FLASH_SALE_START_DELAY_MS = 24 * 60 * 60_000;
