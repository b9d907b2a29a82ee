/**
 * The headless live-shop client: {@link LiveShopClient} (signaling, room state as nanostores, commerce
 * actions) and {@link MediaController} (live video). Importing it touches no DOM and no network.
 *
 * @packageDocumentation
 */
export { LiveShopClient, type LiveShopClientOptions, type LiveShopClientEventMap } from './client.js';
export { LiveShopError, type LiveShopErrorCode } from './errors.js';
export { exponentialBackoff, backoffDelay, type ReconnectPolicy, type BackoffOptions } from './signaling/backoff.js';
export type { ConnectionState, ConnectionStatus } from './stores/connection.js';
export type { ClockEstimate } from './signaling/clock.js';
export type { Viewer } from './stores/viewer.js';
export type { Reactions } from './stores/reactions.js';
export { REACTION_BATCH_MS } from './signaling/reaction-batcher.js';
export {
  EventAligner,
  DEFAULT_ALIGNED_PREFIXES,
  isAlignedByDefault,
  type AlignedEventFilter,
  type EventAlignerOptions,
} from './signaling/event-aligner.js';
export { CHAT_LIMIT } from './stores/chat.js';
export { Checkout, type CheckoutState, type PlaceOrder } from './commerce/checkout.js';
export type { OrderInput } from './commerce/order-input.js';
export { MediaController, type MediaControllerOptions } from './media/controller.js';
export type { MediaFallback, MediaSourceConfig, MediaState, TransportKind } from './media/types.js';
// Types only: the WHEP module (with webrtc-adapter) is loaded by MediaController on demand, never up front.
export type { WhepOptions } from './media/whep.js';
export { WhipPublisher, type WhipPublisherOptions, type WhipState } from './media/whip.js';
