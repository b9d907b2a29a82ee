import type { Messages } from '../i18n/messages.js';
import { orderErrorsEn, orderErrorsZhCN, type OrderErrorMessages } from '../i18n/order-errors.js';

/**
 * What the flash-sale banner says, per language: loaded with its chunk, not with the script-tag entry. Joined
 * with the shared table (i18n/messages.ts) through `featureMessagesOf`; includes the order-error words.
 */
export interface FlashSaleMessages extends OrderErrorMessages {
  readonly flashSale: string;
  readonly flashSaleStartsIn: (time: string) => string;
  readonly flashSaleEndsIn: (time: string) => string;
  readonly flashSaleRemaining: (left: number, quota: number) => string;
  readonly flashSaleBuy: string;
  readonly flashSaleLimit: (count: number) => string;
  readonly flashSaleEnded: string;
  readonly flashSaleSoldOut: string;
  readonly flashSaleQueued: string;
  readonly flashSaleWon: string;
}

/** Simplified Chinese. */
export const zhCN: FlashSaleMessages = {
  ...orderErrorsZhCN,
  flashSale: '限时秒杀',
  flashSaleStartsIn: (time) => `${time} 后开抢`,
  flashSaleEndsIn: (time) => `${time} 后结束`,
  flashSaleRemaining: (left, quota) => `剩 ${left}/${quota} 件`,
  flashSaleBuy: '立即抢购',
  flashSaleLimit: (count) => `每人限购 ${count} 件`,
  flashSaleEnded: '秒杀已结束',
  flashSaleSoldOut: '已抢光',
  flashSaleQueued: '排队中，正在按反应时间分配…',
  flashSaleWon: '抢到了！请尽快付款',
};

/** English. */
export const en: FlashSaleMessages = {
  ...orderErrorsEn,
  flashSale: 'Flash sale',
  flashSaleStartsIn: (time) => `Starts in ${time}`,
  flashSaleEndsIn: (time) => `Ends in ${time}`,
  flashSaleRemaining: (left, quota) => `${left} of ${quota} left`,
  flashSaleBuy: 'Buy now',
  flashSaleLimit: (count) => `Limit ${count} per person`,
  flashSaleEnded: 'The sale has ended',
  flashSaleSoldOut: 'Sold out',
  flashSaleQueued: 'In line: units go by reaction time…',
  flashSaleWon: 'Got it! Pay soon to keep it',
};

/** Everything the banner says: the shared table and its own. */
export type FlashSaleText = Messages & FlashSaleMessages;
