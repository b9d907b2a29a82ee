import type { LiveShopError } from '@live-shop/core';

/**
 * The words for an order error the buyer can act on (sold out, over the limit, the sale not open, the hold
 * gone, the connection), or null when the code has none and the caller shows its own fallback. One table for
 * every element that places or reserves orders, so the sheet and the flash-sale banner say the same thing.
 */
export function orderErrorText(error: Pick<LiveShopError, 'code'>, t: OrderErrorMessages): string | null {
  switch (error.code) {
    case 'sold_out':
      return t.soldOutError;
    case 'insufficient_stock':
      return t.notEnoughStock;
    case 'limit_reached':
      return t.limitReached;
    case 'sale_not_started':
      return t.saleNotStarted;
    case 'sale_ended':
      return t.saleEnded;
    case 'expired':
      return t.reservationGone;
    case 'network':
    case 'timeout':
    case 'closed':
      return t.connectionProblem;
    default:
      return null;
  }
}

/**
 * The words for the order errors a buyer can act on, per language. Not in the shared table: only the lazily
 * loaded checkout sheet and flash-sale banner say them, and their own tables include these.
 */
export interface OrderErrorMessages {
  readonly soldOutError: string;
  readonly notEnoughStock: string;
  readonly connectionProblem: string;
  readonly limitReached: string;
  readonly saleNotStarted: string;
  readonly saleEnded: string;
  readonly reservationGone: string;
}

/** Simplified Chinese. */
export const orderErrorsZhCN: OrderErrorMessages = {
  soldOutError: '这个规格刚刚售罄了，换一个试试',
  notEnoughStock: '库存不足，请减少数量',
  connectionProblem: '网络连接有问题，请稍后重试',
  limitReached: '已达到限购数量',
  saleNotStarted: '秒杀还没开始',
  saleEnded: '秒杀已结束',
  reservationGone: '保留已过期，请重新下单',
};

/** English. */
export const orderErrorsEn: OrderErrorMessages = {
  soldOutError: 'this option just sold out; try another one.',
  notEnoughStock: 'not enough left; lower the quantity.',
  connectionProblem: 'the connection failed; please try again.',
  limitReached: 'You reached the purchase limit',
  saleNotStarted: 'The sale has not started yet',
  saleEnded: 'The sale has ended',
  reservationGone: 'Your reservation expired; please order again',
};
