import type { LiveShopError } from '@live-shop/core';
import type { Messages } from './messages.js';

/**
 * The words for an order error the buyer can act on (sold out, over the limit, the sale not open, the hold
 * gone, the connection), or null when the code has none and the caller shows its own fallback. One table for
 * every element that places or reserves orders, so the sheet and the flash-sale banner say the same thing.
 */
export function orderErrorText(error: Pick<LiveShopError, 'code'>, t: Messages): string | null {
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
