import { randomId } from '../../signaling/ids.js';
import { aborted, HandoffError, type HandoffRequest, type HandoffResult, type PaymentHandoff } from './types.js';

/** `type` of the message the merchant's checkout page posts back to the player's page. */
export const PAYMENT_MESSAGE_TYPE = 'live-shop:payment';

/**
 * The message the merchant's checkout page posts to `window.opener` when it is done, with
 * `targetOrigin` set to the `live_shop_origin` query parameter it was opened with.
 */
export interface PaymentMessage {
  type: typeof PAYMENT_MESSAGE_TYPE;
  /** The `live_shop_nonce` query parameter, echoed: proves the message answers this attempt. */
  nonce: string;
  /** The `live_shop_order` query parameter, echoed. */
  orderId: string;
  status: 'paid' | 'pending' | 'cancelled' | 'failed';
  /** The merchant's payment reference. */
  reference?: string;
}

/** Why a message was ignored; see {@link RedirectHandoffOptions.onIgnoredMessage}. */
export type IgnoredMessageReason = 'origin' | 'source' | 'shape' | 'nonce' | 'order';

/** Options of {@link redirectHandoff}. */
export interface RedirectHandoffOptions {
  /** The merchant's hosted checkout URL (https, or http on localhost), or a function building it per order. */
  url: string | ((request: HandoffRequest) => string | URL);
  /** The exact origin whose messages count. Default: the origin of the checkout URL. */
  origin?: string;
  /** `popup` (default): a window beside the stream; `tab`: a new tab. Either way the stream keeps playing. */
  target?: 'popup' | 'tab';
  /** `window.open` features of the popup. Default `popup,width=480,height=720`. */
  features?: string;
  /** Give up (as `timeout`) when no result came this long. Default 15 minutes. */
  timeoutMs?: number;
  /** How often to look whether the buyer closed the window. Default 500 ms. */
  closedPollMs?: number;
  /** Called for every message that was not accepted, with why (for diagnostics; nothing else happens). */
  onIgnoredMessage?: (reason: IgnoredMessageReason, event: MessageEvent) => void;
}

/** Query parameters the adapter adds to the checkout URL. */
export const REDIRECT_PARAMS = { order: 'live_shop_order', nonce: 'live_shop_nonce', origin: 'live_shop_origin' } as const;

const WINDOW_NAME_PREFIX = 'live-shop-checkout-';

/**
 * Adapter (b), hosted checkout redirect: opens the merchant's checkout page in a popup or new tab (the
 * stream keeps playing) with `live_shop_order`, `live_shop_nonce` (random, one per attempt) and
 * `live_shop_origin` (where to post the result) added to its URL. The result comes back by either path,
 * whichever is first:
 *
 * - a `postMessage` of a {@link PaymentMessage} from exactly `origin`, from the opened window, with this
 *   attempt's nonce and order id — anything else is ignored;
 * - the server: the order becomes `paid` (the merchant's backend reported it) or `cancelled`/`expired`.
 *
 * The buyer closing the window answers `cancelled`. Customer data never goes into the URL.
 *
 * The window is opened in {@link PaymentHandoff.prepare}, inside the buyer's tap (browsers block popups
 * opened later), as `about:blank`, and sent to the checkout URL once the order exists.
 */
export function redirectHandoff(options: RedirectHandoffOptions): PaymentHandoff {
  const target = options.target ?? 'popup';
  const features = target === 'popup' ? (options.features ?? 'popup,width=480,height=720') : undefined;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const closedPollMs = options.closedPollMs ?? 500;
  let prepared: Window | null = null;

  const open = (url: string): Window | null => {
    const name = WINDOW_NAME_PREFIX + randomId(8);
    // Not `noopener`: the checkout page needs `window.opener` to post its result back.
    return features === undefined ? window.open(url, name) : window.open(url, name, features);
  };

  return {
    kind: 'redirect',
    prepare() {
      if (typeof window === 'undefined') return;
      prepared?.close();
      prepared = open('about:blank');
    },
    abandon() {
      prepared?.close();
      prepared = null;
    },
    async pay(request) {
      const url = checkoutUrl(options, request);
      const expectedOrigin = normaliseOrigin(options.origin ?? url.origin);
      const nonce = randomId(32);
      url.searchParams.set(REDIRECT_PARAMS.order, request.order.id);
      url.searchParams.set(REDIRECT_PARAMS.nonce, nonce);
      url.searchParams.set(REDIRECT_PARAMS.origin, window.location.origin);

      let popup = prepared && !prepared.closed ? prepared : null;
      prepared = null;
      if (popup) popup.location.href = url.href;
      else popup = open(url.href);
      if (!popup) throw new HandoffError('popup_blocked', 'the browser blocked the checkout window; allow pop-ups for this site');
      const win = popup;

      const cleanups: (() => void)[] = [];
      try {
        return await new Promise<HandoffResult>((resolve, reject) => {
          let settled = false;
          const settle = (result: HandoffResult | HandoffError): void => {
            if (settled) return;
            settled = true;
            if (result instanceof HandoffError) reject(result);
            else resolve(result);
          };

          const onMessage = (event: MessageEvent): void => {
            const ignore = (reason: IgnoredMessageReason): void => options.onIgnoredMessage?.(reason, event);
            // Exact origin first: a message from anywhere else is not even read.
            if (event.origin !== expectedOrigin) return ignore('origin');
            if (event.source !== win) return ignore('source');
            const data: unknown = event.data;
            if (!isPaymentMessage(data)) return ignore('shape');
            if (data.nonce !== nonce) return ignore('nonce');
            if (data.orderId !== request.order.id) return ignore('order');
            if (data.status === 'failed') {
              settle(new HandoffError('payment_failed', 'the merchant reported that the payment failed'));
              return;
            }
            settle(typeof data.reference === 'string' ? { status: data.status, reference: data.reference } : { status: data.status });
          };
          window.addEventListener('message', onMessage);
          cleanups.push(() => window.removeEventListener('message', onMessage));

          if (request.orderUpdates) {
            cleanups.push(
              request.orderUpdates((order) => {
                if (order.status === 'paid' || order.status === 'fulfilled') settle({ status: 'paid' });
                else if (order.status === 'cancelled' || order.status === 'expired') settle({ status: 'cancelled' });
              }),
            );
          }

          let closedSeen = false;
          const poll = setInterval(() => {
            if (!win.closed) return;
            // One more period of grace: a result posted just before the window closed may still be queued.
            if (closedSeen) settle({ status: 'cancelled' });
            closedSeen = true;
          }, closedPollMs);
          cleanups.push(() => clearInterval(poll));

          const timer = setTimeout(() => settle(new HandoffError('timeout', `no payment result within ${timeoutMs} ms`)), timeoutMs);
          cleanups.push(() => clearTimeout(timer));

          void aborted(request.signal).then(() => settle({ status: 'cancelled' }));
        });
      } finally {
        for (const cleanup of cleanups) cleanup();
        // Paid or cancelled: the checkout window has done its job (a merchant page may also close itself).
        if (!win.closed) win.close();
      }
    },
  };
}

function checkoutUrl(options: RedirectHandoffOptions, request: HandoffRequest): URL {
  let url: URL;
  try {
    const raw = typeof options.url === 'function' ? options.url(request) : options.url;
    url = new URL(String(raw), typeof document === 'undefined' ? undefined : document.baseURI);
  } catch (cause) {
    throw new HandoffError('invalid', 'the checkout URL is not a URL', { cause });
  }
  const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new HandoffError('invalid', `the checkout URL must be https (got ${url.protocol})`);
  }
  return url;
}

function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch (cause) {
    throw new HandoffError('invalid', `origin ${origin} is not an origin`, { cause });
  }
}

function isPaymentMessage(data: unknown): data is PaymentMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === PAYMENT_MESSAGE_TYPE &&
    typeof message.nonce === 'string' &&
    typeof message.orderId === 'string' &&
    (message.status === 'paid' || message.status === 'pending' || message.status === 'cancelled' || message.status === 'failed') &&
    (message.reference === undefined || typeof message.reference === 'string')
  );
}
