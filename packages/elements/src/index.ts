/**
 * live-shop web components. Importing this module registers nothing: call the `define*` functions,
 * or import `@live-shop/elements/define` (the script-tag entry), to register the tags.
 *
 * @packageDocumentation
 */
export { LiveShopPlayer, unitsLeftOf, type PlayerLayout, type PlayerTheme } from './player/live-shop-player.js';
export { ProductCard, priceOf, type ProductCardLayout, type ProductCardView } from './product-card/product-card.js';
export { resolveProductMedia, resolveSrcset } from './product-card/media.js';
// The 360° and 3D views are separate entry points (`@live-shop/elements/viewer-360`, `…/model-3d`) so the
// script-tag bundle can load them lazily; only their types are re-exported here (no import at runtime).
export type { LiveShopViewer360 } from './viewer-360/live-shop-viewer-360.js';
export type { LiveShopModel3d, Model3dStatus } from './model-3d/live-shop-model-3d.js';
export { QuickCheckout } from './quick-checkout/quick-checkout.js';
export { LiveShopChat } from './chat/live-shop-chat.js';
export { LiveShopShelf } from './shelf/live-shop-shelf.js';
export { LiveShopReactions, MAX_FLOATING_HEARTS } from './reactions/live-shop-reactions.js';
export { defineLiveShopPlayer } from './player/define.js';
export { defineProductCard } from './product-card/define.js';
export { defineQuickCheckout } from './quick-checkout/define.js';
export { defineLiveShopChat } from './chat/define.js';
export { defineLiveShopShelf } from './shelf/define.js';
export { defineLiveShopReactions } from './reactions/define.js';
export { LiveShopNotices, noticeText } from './notices/live-shop-notices.js';
export { defineLiveShopNotices } from './notices/define.js';
export { LiveShopQuestions } from './questions/live-shop-questions.js';
export { defineLiveShopQuestions } from './questions/define.js';
export { LiveShopPoll } from './poll/live-shop-poll.js';
export { defineLiveShopPoll } from './poll/define.js';
export { LiveShopLottery } from './lottery/live-shop-lottery.js';
export { defineLiveShopLottery } from './lottery/define.js';
export { LiveShopRedEnvelope } from './red-envelope/live-shop-red-envelope.js';
export { defineLiveShopRedEnvelope } from './red-envelope/define.js';
export { LiveShopCountdown } from './countdown/live-shop-countdown.js';
export { defineLiveShopCountdown } from './countdown/define.js';
export { defineEngagementElements } from './poll/engagement-define.js';
export { LiveShopFlashSale } from './flash-sale/live-shop-flash-sale.js';
export { defineLiveShopFlashSale } from './flash-sale/define.js';
export type { ChatMode } from './chat/live-shop-chat.js';
export { StoreController, type ReadableStore } from './controllers/store-controller.js';
export { resolveLanguage, messagesFor, type Messages } from './i18n/locale.js';
export { en, zhCN } from './i18n/messages.js';
export type {
  ProductSource,
  ProductBuyDetail,
  ProductClickDetail,
  CheckoutDetail,
  CheckoutCloseDetail,
  OrderPlacedDetail,
  ShelfToggleDetail,
  AddToCartDetail,
  MiniplayerToggleDetail,
  PipToggleDetail,
  CartResponder,
  LiveShopEventMap,
} from './events.js';
