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
export {
  Checkout,
  type CheckoutState,
  type CheckoutStage,
  type CheckoutDeps,
  type CheckoutOpenOptions,
  type ConfirmOptions,
  type OrderTotals,
  type PlaceOrder,
  orderTotals,
} from './commerce/checkout.js';
export {
  HandoffError,
  type HandoffErrorReason,
  type HandoffRequest,
  type HandoffResult,
  type HandoffStatus,
  type PaymentHandoff,
} from './commerce/handoff/types.js';
export { callbackHandoff, type MerchantCheckout } from './commerce/handoff/callback.js';
export {
  redirectHandoff,
  PAYMENT_MESSAGE_TYPE,
  REDIRECT_PARAMS,
  type RedirectHandoffOptions,
  type PaymentMessage,
  type IgnoredMessageReason,
} from './commerce/handoff/redirect.js';
export { paymentRequestHandoff, decimalAmount, type PaymentRequestHandoffOptions } from './commerce/handoff/payment-request.js';
export {
  cartPermalink,
  cartPermalinkHandoff,
  type CartPermalink,
  type CartPermalinkHandoffOptions,
  type PermalinkItem,
} from './commerce/handoff/cart-permalink.js';
export { CartRefusedError } from './commerce/cart-refusal.js';
export {
  applyOverride,
  stockWithOverride,
  type CartAnswer,
  type CartBridge,
  type CartLine,
  type CartRefusalCode,
  type ProductOverride,
  type VariantOverride,
} from './commerce/cart-bridge.js';
export { LatencyReporter, LATENCY_REPORT_INTERVAL_MS, LATENCY_REPORT_STEP_MS, type LatencyReporterOptions } from './commerce/latency-reporter.js';
export { flashSalePhase, type FlashSalePhase } from './stores/flash-sale.js';
export type { OrderInput } from './commerce/order-input.js';
export { MediaController, type MediaControllerOptions } from './media/controller.js';
// Also at `@live-shop/core/preload`, alone: the script-tag entry runs it before the rest of the bundle evaluates.
export { preloadMediaCode } from './media/preload.js';
export { resolveServerUrl } from './signaling/url.js';
export type { MediaFallback, MediaQuality, MediaQualityState, MediaSourceConfig, MediaState, TransportKind } from './media/types.js';
// Types only: the WHEP module (with webrtc-adapter) is loaded by MediaController on demand, never up front.
export type { WhepOptions } from './media/whep.js';
export { WhipPublisher, type WhipPublisherOptions, type WhipState } from './media/whip.js';
export type { Notice } from './stores/notices.js';
export { NOTICES_LIMIT } from './stores/notices.js';
export { QUESTIONS_LIMIT } from './stores/questions.js';
export { Engagement, type OpenPollInput, type StartLotteryInput, type StartRedEnvelopeInput, type IssueCouponInput } from './engagement/actions.js';
export { verifyLottery, lotteryWinners, type LotteryVerification } from './engagement/verify.js';
export type { PollState, LotteryState, RedEnvelopeState } from './stores/engagement.js';
