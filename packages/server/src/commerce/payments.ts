import * as v from 'valibot';
import { CurrencySchema, IdSchema, MinorUnitsSchema, type Order } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from '../rooms/context.js';
import { commerceOf } from './service.js';

/** The body of a payment result the merchant's backend posts to `/api/payments` (signed). */
export const PaymentEventSchema = v.strictObject({
  /** The merchant's event id; a retried delivery carries the same id. */
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'id must be 1-100 URL-safe characters')),
  type: v.picklist(['payment.succeeded', 'payment.failed']),
  orderId: IdSchema,
  amount: MinorUnitsSchema,
  currency: CurrencySchema,
});
/** A payment result from the merchant's backend. */
export type PaymentEventBody = v.InferOutput<typeof PaymentEventSchema>;

/** What {@link applyPayment} answers: the order as it now is, and whether this delivery was a repeat. */
export interface PaymentOutcome {
  order: Order;
  duplicate: boolean;
}

/**
 * Applies a verified payment result: a `pending_payment` order becomes `paid` (units held -> sold), or
 * `cancelled` with its units back in stock (and `stock.changed` sent to the room). A payment for an order that
 * already expired is refused `conflict` (its units may be someone else's now): the merchant refunds it. The same event id delivered again — also
 * concurrently — changes nothing and answers the same order with `duplicate: true`.
 *
 * Throws `not_found` for an unknown order, `conflict` for an amount that does not match, an order not
 * pending payment, or an event id reused with a different body.
 */
export async function applyPayment(ctx: DomainContext, body: PaymentEventBody): Promise<PaymentOutcome> {
  const result = await ctx.store.applyPaymentEvent({ ...body, receivedAt: ctx.now() });
  switch (result.kind) {
    case 'applied':
      if (result.restocked !== null) await commerceOf(ctx).announce([{ order: result.order, sale: result.sale ?? null }]);
      return { order: result.order, duplicate: false };
    case 'duplicate':
      return { order: result.order, duplicate: true };
    case 'not_found':
      throw new LiveShopServerError('not_found', `no order ${body.orderId}`);
    case 'mismatch':
    case 'conflict':
      throw new LiveShopServerError('conflict', result.message);
  }
}
