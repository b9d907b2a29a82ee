import type { CartAnswer, CartBridge, CartLine, ProductOverride } from '@live-shop/core';
import type { Product } from '@live-shop/protocol';
import { emit, type CartResponder } from '../events.js';

/** The merchant's catalogue hook: its own price, member price and stock for a product, before its card shows. */
export type HydrateHook = (product: Product) => ProductOverride | null | Promise<ProductOverride | null>;

/** How long a merchant's answer (or hydration) may take before the player goes on without it. */
export const CART_ANSWER_TIMEOUT_MS = 10_000;

/**
 * A {@link CartBridge} that speaks DOM events from `target` (the player): the core's cart hooks become
 * `live-shop-add-to-cart`, `live-shop-cart-update` and `live-shop-checkout` (`phase: 'pay'`) events whose
 * `detail.respondWith(answer)` lets the merchant page answer; an event nobody answers means "go ahead".
 * `hydrate` is read at each call (the player's `hydrate` property).
 */
export function domCartBridge(target: HTMLElement, hydrate: () => HydrateHook | null, timeoutMs = CART_ANSWER_TIMEOUT_MS): CartBridge {
  return {
    hydrate: (product) => {
      const hook = hydrate();
      return hook ? withTimeout(Promise.resolve(hook(product)), timeoutMs, null) : null;
    },
    addToCart: (line) => ask(timeoutMs, (respondWith) => emit(target, 'live-shop-add-to-cart', { ...detailOf(line), respondWith })),
    updateCart: (line) => ask(timeoutMs, (respondWith) => emit(target, 'live-shop-cart-update', { ...detailOf(line), respondWith })),
    checkout: (line) =>
      ask(timeoutMs, (respondWith) => emit(target, 'live-shop-checkout', { productId: line.productId, source: null, phase: 'pay', line, respondWith })),
  };
}

function detailOf(line: CartLine) {
  return {
    productId: line.productId,
    variantId: line.variantId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    currency: line.currency,
    ...(line.saleId ? { saleId: line.saleId } : {}),
  };
}

/** Fires an event with a responder and resolves with the answer given (synchronously, in a listener), else ok. */
function ask(timeoutMs: number, fire: (respondWith: CartResponder) => void): Promise<CartAnswer> {
  let answer: Promise<CartAnswer> | null = null;
  let open = true;
  fire((value) => {
    // Only during dispatch, and only the first answer counts (as with FetchEvent.respondWith).
    if (!open || answer) return;
    answer = Promise.resolve(value);
  });
  open = false;
  if (!answer) return Promise.resolve({ ok: true });
  return withTimeout(answer, timeoutMs, { ok: true } as CartAnswer);
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      console.warn(`live-shop: the merchant page did not answer in ${ms} ms; going on without it`);
      resolve(fallback);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
