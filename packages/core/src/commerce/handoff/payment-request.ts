import { HandoffError, type HandoffRequest, type HandoffResult, type PaymentHandoff } from './types.js';

/** Options of {@link paymentRequestHandoff}. */
export interface PaymentRequestHandoffOptions {
  /** The merchant's payment methods (its wallet configuration: Google Pay, Apple Pay, its own method URL). */
  methodData: PaymentMethodData[];
  /**
   * The sheet's details; default: one total line, the order's amount in its currency, labelled with the
   * product name.
   */
  details?: (request: HandoffRequest) => PaymentDetailsInit;
  /** What to ask the wallet for (payer name, e-mail…). Default: nothing. */
  options?: PaymentOptions;
  /**
   * Sends the wallet's response (a payment token for the merchant's payment provider; never card data
   * in the clear, and never to live-shop) to the merchant's backend and answers what it said.
   */
  complete: (response: PaymentResponse, request: HandoffRequest) => Promise<'paid' | 'pending' | 'failed'>;
  /** Used instead when this browser has no Payment Request API or `canMakePayment()` says no. */
  fallback?: PaymentHandoff;
  /** The Payment Request constructor; default the browser's `PaymentRequest`. */
  PaymentRequest?: typeof PaymentRequest;
}

/** An amount in minor units as the decimal string Payment Request wants (`12990`, `CNY` → `129.90`). */
export function decimalAmount(minorUnits: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const negative = minorUnits < 0;
  const text = String(Math.abs(Math.round(minorUnits))).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/**
 * Adapter (c), W3C Payment Request: the browser's own payment sheet (Apple Pay / Google Pay style one tap)
 * where `PaymentRequest` exists and `canMakePayment()` says yes for the merchant's methods; the `fallback`
 * adapter otherwise (or `unsupported` without one). The wallet's response goes to the merchant's
 * `complete` function, whose answer closes the sheet (`success` or `fail`).
 *
 * Call {@link PaymentHandoff.available} early (the checkout does when the sheet opens): `show()` needs the
 * buyer's tap, so by the time the buyer pays the answer must be known.
 */
export function paymentRequestHandoff(options: PaymentRequestHandoffOptions): PaymentHandoff {
  const Ctor = options.PaymentRequest ?? (typeof PaymentRequest === 'function' ? PaymentRequest : undefined);
  let availability: Promise<boolean> | null = null;
  let known: boolean | null = null;
  let useFallback = false;

  const probe = (): Promise<boolean> => {
    availability ??= (async () => {
      if (!Ctor) return false;
      try {
        // A throwaway request only to ask; canMakePayment() does not show anything.
        const request = new Ctor(options.methodData, { total: { label: 'probe', amount: { currency: 'USD', value: '0.00' } } });
        return await request.canMakePayment();
      } catch {
        return false;
      }
    })().then((ok) => (known = ok));
    return availability;
  };

  return {
    kind: 'payment-request',
    available: async () => (await probe()) || ((await options.fallback?.available?.()) ?? options.fallback !== undefined),
    prepare() {
      // Only the fallback may need the gesture now (a window); the wallet sheet is shown in pay(), still inside it.
      useFallback = known === false;
      if (useFallback) options.fallback?.prepare?.();
    },
    abandon() {
      if (useFallback) options.fallback?.abandon?.();
    },
    async pay(request) {
      if (!(await probe()) || !Ctor) {
        if (options.fallback) return options.fallback.pay(request);
        throw new HandoffError('unsupported', 'this browser cannot pay with the Payment Request API here');
      }
      const details = options.details?.(request) ?? {
        total: {
          label: request.product?.name ?? 'Total',
          amount: { currency: request.order.currency, value: decimalAmount(request.order.total, request.order.currency) },
        },
      };
      const payment = new Ctor(options.methodData, details, options.options);
      const onAbort = (): void => void payment.abort().catch(() => {});
      request.signal.addEventListener('abort', onAbort, { once: true });
      try {
        let response: PaymentResponse;
        try {
          response = await payment.show();
        } catch (error) {
          // AbortError: the buyer closed the sheet (or we aborted it). Anything else: the wallet refused.
          if (error instanceof DOMException && error.name === 'AbortError') return { status: 'cancelled' };
          throw new HandoffError('unsupported', `the payment sheet could not be shown: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        let outcome: 'paid' | 'pending' | 'failed';
        try {
          outcome = await options.complete(response, request);
        } catch (error) {
          await response.complete('fail').catch(() => {});
          throw new HandoffError('merchant_error', `the merchant could not complete the payment: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        await response.complete(outcome === 'failed' ? 'fail' : 'success').catch(() => {});
        if (outcome === 'failed') throw new HandoffError('payment_failed', 'the payment was declined');
        const result: HandoffResult = { status: outcome };
        return result;
      } finally {
        request.signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
