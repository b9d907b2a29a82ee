import { HandoffError, type HandoffRequest, type PaymentHandoff } from './types.js';

/** One line of a cart permalink: the shop's own variant id and a quantity. */
export interface PermalinkItem {
  variantId: string;
  quantity: number;
}

/** What a cart permalink carries. */
export interface CartPermalink {
  /** The shop's base URL, e.g. `https://shop.example.com`. */
  shop: string;
  items: readonly PermalinkItem[];
  /** Discount code applied at the shop's checkout. */
  discount?: string | null;
  /** Cart attributes (attribution: room, order), as `attributes[key]=value`. */
  attributes?: Readonly<Record<string, string>>;
  /** Extra query parameters (e.g. `ref`, `utm_source`). */
  params?: Readonly<Record<string, string>>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Builds a Shopify-style cart permalink: `<shop>/cart/<variant>:<qty>,<variant>:<qty>?discount=CODE&attributes[k]=v`.
 * Throws `HandoffError('invalid')` for a shop that is not an http(s) URL, a variant id that is not a plain
 * id, or a quantity that is not a whole number from 1 to 999.
 */
export function cartPermalink(cart: CartPermalink): string {
  let url: URL;
  try {
    url = new URL(cart.shop);
  } catch (cause) {
    throw new HandoffError('invalid', `shop ${cart.shop} is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HandoffError('invalid', `shop must be an http(s) URL`);
  if (cart.items.length === 0) throw new HandoffError('invalid', 'a cart permalink needs at least one item');
  const lines = cart.items.map(({ variantId, quantity }) => {
    if (!SAFE_ID.test(variantId)) throw new HandoffError('invalid', `variant id ${JSON.stringify(variantId)} cannot go into a cart permalink`);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) throw new HandoffError('invalid', `quantity ${quantity} must be 1-999`);
    return `${variantId}:${quantity}`;
  });
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/cart/${lines.join(',')}`;
  url.search = '';
  url.hash = '';
  if (cart.discount) url.searchParams.set('discount', cart.discount);
  for (const [key, value] of Object.entries(cart.attributes ?? {})) url.searchParams.set(`attributes[${key}]`, value);
  for (const [key, value] of Object.entries(cart.params ?? {})) url.searchParams.set(key, value);
  return url.href;
}

/** Options of {@link cartPermalinkHandoff}. */
export interface CartPermalinkHandoffOptions {
  /** The shop's base URL (`https://shop.example.com`). */
  shop: string;
  /** The shop's variant id for a live-shop variant id. Default: the same id. */
  variantIdOf?: (variantId: string, request: HandoffRequest) => string;
  /** Extra attributes besides `live_shop_room` and `live_shop_order`. */
  attributes?: Readonly<Record<string, string>>;
  /** Extra query parameters (`ref`, `utm_*`). */
  params?: Readonly<Record<string, string>>;
}

/**
 * Adapter (d), cart permalink: opens the hosted shop's cart with the item, quantity, the chosen coupon as
 * `discount` and attribution (`attributes[live_shop_room]`, `attributes[live_shop_order]`) in a new tab
 * beside the stream. The purchase completes at the shop, so the answer is `pending`: the shop's backend
 * reports the payment to live-shop (`POST /api/payments`) with the order id from the attributes.
 */
export function cartPermalinkHandoff(options: CartPermalinkHandoffOptions): PaymentHandoff {
  let prepared: Window | null = null;
  return {
    kind: 'cart-permalink',
    prepare() {
      if (typeof window === 'undefined') return;
      prepared?.close();
      prepared = window.open('about:blank', '_blank');
    },
    abandon() {
      prepared?.close();
      prepared = null;
    },
    async pay(request) {
      const { order } = request;
      const href = cartPermalink({
        shop: options.shop,
        items: [{ variantId: options.variantIdOf?.(order.variantId, request) ?? order.variantId, quantity: order.quantity }],
        discount: request.coupon,
        attributes: { live_shop_room: request.roomId, live_shop_order: order.id, ...options.attributes },
        ...(options.params ? { params: options.params } : {}),
      });
      const tab = prepared && !prepared.closed ? prepared : null;
      prepared = null;
      if (tab) {
        // The shop's page needs no way back to us.
        tab.opener = null;
        tab.location.href = href;
      } else {
        // Outside the tap this may be blocked; with `noopener` the browser does not tell, so the link is the reference.
        window.open(href, '_blank', 'noopener');
      }
      return { status: 'pending', reference: href };
    },
  };
}
