import { defineLiveShopCountdown } from '../countdown/define.js';
import { defineLiveShopLottery } from '../lottery/define.js';
import { defineLiveShopRedEnvelope } from '../red-envelope/define.js';
import { defineLiveShopPoll } from './define.js';

/** Registers `<live-shop-poll>`, `<live-shop-lottery>`, `<live-shop-red-envelope>` and `<live-shop-countdown>`. */
export function defineEngagementElements(): void {
  defineLiveShopCountdown();
  defineLiveShopPoll();
  defineLiveShopLottery();
  defineLiveShopRedEnvelope();
}
