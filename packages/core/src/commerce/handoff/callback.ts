import { HandoffError, type HandoffRequest, type HandoffResult, type HandoffStatus, type PaymentHandoff } from './types.js';

/** The merchant's own checkout function: gets the order, answers what happened to it. */
export type MerchantCheckout = (request: HandoffRequest) => Promise<HandoffStatus | HandoffResult> | HandoffStatus | HandoffResult;

const STATUSES: readonly HandoffStatus[] = ['paid', 'pending', 'cancelled'];

/**
 * Adapter (a), merchant callback: hands the order to a function of the merchant's page (its own cart or
 * checkout), which answers `paid`, `pending` or `cancelled` (or `{ status, reference }`). A function that
 * throws or answers anything else fails with `merchant_error`.
 *
 * @example
 * ```ts
 * const payment = callbackHandoff(async ({ order }) => {
 *   await myCart.add(order.variantId, order.quantity);
 *   return 'pending';
 * });
 * ```
 */
export function callbackHandoff(checkout: MerchantCheckout): PaymentHandoff {
  return {
    kind: 'callback',
    async pay(request) {
      let answer: unknown;
      try {
        answer = await checkout(request);
      } catch (error) {
        throw new HandoffError('merchant_error', `the merchant's checkout failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const result = typeof answer === 'string' ? { status: answer } : answer;
      if (typeof result !== 'object' || result === null || !STATUSES.includes((result as { status?: unknown }).status as HandoffStatus)) {
        throw new HandoffError('merchant_error', `the merchant's checkout answered ${JSON.stringify(answer)}; expected paid, pending or cancelled`);
      }
      const { status, reference } = result as { status: HandoffStatus; reference?: unknown };
      return typeof reference === 'string' ? { status, reference } : { status };
    },
  };
}
