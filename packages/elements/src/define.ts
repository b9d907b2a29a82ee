/**
 * The script-tag entry: registers every live-shop element (skipping tags the page already defined).
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/live-shop/define.js"></script>
 * <live-shop-player server="https://live.example.com" room="demo"></live-shop-player>
 * ```
 *
 * Importing it where there is no DOM (server-side rendering) registers nothing and does not throw.
 *
 * hls.js is not imported here: the core loads it on first play, only where it is needed.
 *
 * @packageDocumentation
 */
// First: starts fetching hls.js / the WHEP player for autoplaying players in the page while the rest evaluates.
import './player/preload-in-page.js';
import { defineLiveShopPlayer } from './player/define.js';
import { defineLazily } from './lazy-define.js';
import { defineLiveShopNotices } from './notices/define.js';

defineLiveShopPlayer();
// A page may place the checkout sheet or the bag itself: registered when such a tag appears in the document.
defineLazily('quick-checkout', () => import('./quick-checkout/define.js').then((m) => m.defineQuickCheckout()));
defineLazily('live-shop-shelf', () => import('./shelf/define.js').then((m) => m.defineLiveShopShelf()));
// Poll, lottery, red envelope, countdown: loaded when a page uses the tag itself (the player loads them on its own
// the first time its room runs one), so rooms that never do never download them.
for (const tag of ['live-shop-poll', 'live-shop-lottery', 'live-shop-red-envelope', 'live-shop-countdown']) {
  defineLazily(tag, () => import('./poll/engagement-define.js').then((m) => m.defineEngagementElements()));
}
// Join and purchase notices (the player shows them above the chat).
defineLiveShopNotices();
// The flash-sale banner: the player loads it the first time its room has a sale; a page may place one itself.
defineLazily('live-shop-flash-sale', () => import('./flash-sale/define.js').then((m) => m.defineLiveShopFlashSale()));
// Rarely used views: their code is fetched only when the page (or a product card) shows one.
defineLazily('live-shop-viewer-360', () => import('./viewer-360/define.js').then((m) => m.defineLiveShopViewer360()));
// Q&A is a panel a page places itself (the player does not compose it): loaded when the page shows one.
defineLazily('live-shop-questions', () => import('./questions/define.js').then((m) => m.defineLiveShopQuestions()));
defineLazily('live-shop-model-3d', () => import('./model-3d/define.js').then((m) => m.defineLiveShopModel3d()));

// From each element's own module, not from index.ts: index re-exports every element, and importing it here
// would pull the lazily loaded ones back into this entry.
export { LiveShopPlayer } from './player/live-shop-player.js';
export { ProductCard } from './product-card/product-card.js';
export { LiveShopChat } from './chat/live-shop-chat.js';
export { LiveShopReactions } from './reactions/live-shop-reactions.js';
// Loaded on demand (the player imports them at the first buy / bag tap, or when idle): types only here.
export type { QuickCheckout } from './quick-checkout/quick-checkout.js';
export type { LiveShopShelf } from './shelf/live-shop-shelf.js';
export { LiveShopNotices } from './notices/live-shop-notices.js';
export type { LiveShopFlashSale } from './flash-sale/live-shop-flash-sale.js';
export type { LiveShopQuestions } from './questions/live-shop-questions.js';
