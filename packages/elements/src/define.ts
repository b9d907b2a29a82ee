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
import { defineLiveShopPlayer } from './player/define.js';

defineLiveShopPlayer();

export { LiveShopPlayer, ProductCard, QuickCheckout, LiveShopChat, LiveShopShelf, LiveShopReactions } from './index.js';
