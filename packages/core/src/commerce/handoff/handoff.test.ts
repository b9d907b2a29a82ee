import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { Order } from '@live-shop/protocol';
import { callbackHandoff } from './callback.js';
import { cartPermalink, cartPermalinkHandoff } from './cart-permalink.js';
import { decimalAmount, paymentRequestHandoff } from './payment-request.js';
import { redirectHandoff, type IgnoredMessageReason } from './redirect.js';
import { HandoffError, type HandoffRequest, type PaymentHandoff } from './types.js';

const order: Order = {
  id: 'ord_test_1',
  roomId: 'demo',
  productId: 'coat',
  variantId: 'coat-m',
  quantity: 2,
  unitPrice: 12990,
  total: 25980,
  currency: 'CNY',
  status: 'pending_payment',
  expiresAt: Date.now() + 60_000,
  createdAt: Date.now(),
};

function request(overrides: Partial<HandoffRequest> = {}): HandoffRequest {
  return { order, product: null, variant: null, customer: null, coupon: null, roomId: 'demo', signal: new AbortController().signal, ...overrides };
}

/**
 * The hosted checkout fixture on a SECOND origin: the test page is on one of localhost / 127.0.0.1, the popup
 * on the other (same dev server, different origin as far as the browser is concerned).
 */
function otherOrigin(): string {
  const here = new URL(location.href);
  const host = here.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${here.protocol}//${host}:${here.port}`;
}

function fixtureUrl(steps: string): string {
  return `${otherOrigin()}/packages/core/src/commerce/handoff/fixtures/hosted-checkout.html?steps=${steps}`;
}

/**
 * Runs `inTap` inside a real click (a user gesture, as a buyer's tap is: browsers block popups otherwise),
 * through the test runner's mouse.
 */
async function tap(inTap: () => void): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Pay';
  button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px';
  document.body.append(button);
  const clicked = new Promise<void>((resolve) =>
    button.addEventListener('click', () => {
      inTap();
      resolve();
    }, { once: true }),
  );
  await sendMouse({ type: 'click', position: [20, 20] });
  await clicked;
  button.remove();
}

/** prepare() in a real tap, then pay(): the way the checkout drives an adapter. */
async function payInTap(handoff: PaymentHandoff, req: HandoffRequest = request()) {
  await tap(() => handoff.prepare?.());
  return handoff.pay(req);
}

describe('payment handoff: merchant callback', () => {
  it('hands the order and the customer to the merchant function and passes its answer on', async () => {
    let seen: HandoffRequest | null = null;
    const handoff = callbackHandoff((req) => {
      seen = req;
      return { status: 'paid', reference: 'cart-42' };
    });
    const customer = { name: 'A', phone: '+86 138 0000 0000', address: 'Somewhere 1' };
    expect(await handoff.pay(request({ customer }))).to.deep.equal({ status: 'paid', reference: 'cart-42' });
    expect(seen!.order.id).to.equal(order.id);
    expect(seen!.customer).to.deep.equal(customer);
    expect(await callbackHandoff(async () => 'pending' as const).pay(request())).to.deep.equal({ status: 'pending' });
  });

  it('fails with merchant_error when the function throws or answers nonsense', async () => {
    for (const checkout of [() => Promise.reject(new Error('cart down')), () => 'maybe' as never]) {
      let error: unknown;
      await callbackHandoff(checkout).pay(request()).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(HandoffError);
      expect((error as HandoffError).reason).to.equal('merchant_error');
    }
  });
});

describe('payment handoff: hosted checkout redirect (real popup on a second origin)', () => {
  it('accepts the result posted by the popup from the expected origin with this attempt\'s nonce, ignoring a wrong nonce, a wrong order and a wrong shape', async () => {
    const ignored: IgnoredMessageReason[] = [];
    const handoff = redirectHandoff({
      url: fixtureUrl('wrong-nonce,wrong-order,wrong-shape,paid'),
      onIgnoredMessage: (reason) => ignored.push(reason),
    });
    const result = await payInTap(handoff);
    expect(result).to.deep.equal({ status: 'paid', reference: 'pay_paid' });
    expect(ignored).to.deep.equal(['nonce', 'order', 'shape']);
  });

  it('ignores right-looking messages from any other origin: this page, and a popup whose origin is not the expected one', async () => {
    const ignored: IgnoredMessageReason[] = [];
    const controller = new AbortController();
    // The popup only closes itself after a while: nothing it says counts, since the expected origin is not its own.
    const handoff = redirectHandoff({
      url: fixtureUrl('paid,close'),
      origin: 'https://pay.example.com',
      closedPollMs: 100,
      onIgnoredMessage: (reason) => ignored.push(reason),
    });
    await tap(() => handoff.prepare?.());
    const paying = handoff.pay(request({ signal: controller.signal }));
    // This page posts to itself a message with the right shape: wrong origin, ignored.
    window.postMessage({ type: 'live-shop:payment', nonce: 'guess', orderId: order.id, status: 'paid' }, '*');
    const result = await paying;
    expect(result.status).to.equal('cancelled', 'closing the popup without a valid result cancels');
    expect(ignored).to.include('origin');
    expect(ignored.filter((reason) => reason === 'origin').length).to.be.at.least(2, 'both the page and the popup were refused by origin');

  });

  it('answers cancelled when the buyer closes the popup, failed when the merchant says so, and closes the popup when the buyer gives up', async () => {
    const closed = await payInTap(redirectHandoff({ url: fixtureUrl('close'), closedPollMs: 100 }));
    expect(closed.status).to.equal('cancelled');

    let failure: unknown;
    await payInTap(redirectHandoff({ url: fixtureUrl('failed') })).catch((e: unknown) => (failure = e));
    expect((failure as HandoffError).reason).to.equal('payment_failed');

    const controller = new AbortController();
    let popup: Window | null = null;
    const original = window.open;
    window.open = function (...args: Parameters<typeof window.open>) {
      popup = original.apply(window, args);
      return popup;
    };
    try {
      const handoff = redirectHandoff({ url: fixtureUrl(''), closedPollMs: 100 });
      const paying = payInTap(handoff, request({ signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      expect((await paying).status).to.equal('cancelled');
      expect(popup!.closed).to.equal(true, 'the checkout window is closed when the buyer gives up');
    } finally {
      window.open = original;
    }
  });

  it('takes the result from the server when the order changes there', async () => {
    let push: ((next: Order) => void) | null = null;
    const handoff = redirectHandoff({ url: fixtureUrl(''), closedPollMs: 100 });
    const paying = payInTap(handoff, request({ orderUpdates: (listener) => ((push = listener), () => (push = null)) }));
    // The popup opens and the handoff subscribes in its own time (slower on a busy machine): wait for it, bounded.
    await waitUntil(() => push !== null, 'the handoff subscribed to the order updates', { timeout: 5_000 });
    push!({ ...order, status: 'paid' });
    expect(await paying).to.deep.equal({ status: 'paid' });
    expect(push).to.equal(null, 'unsubscribed once settled');
  });

  it('refuses a checkout URL that is not https (except on localhost)', async () => {
    let error: unknown;
    await redirectHandoff({ url: 'http://shop.example.com/checkout' }).pay(request()).catch((e: unknown) => (error = e));
    expect((error as HandoffError).reason).to.equal('invalid');
  });
});

describe('payment handoff: W3C Payment Request', () => {
  it('falls back when this browser cannot pay with the merchant\'s method', async () => {
    const fallback = callbackHandoff(() => 'pending');
    const handoff = paymentRequestHandoff({
      methodData: [{ supportedMethods: 'https://pay.invalid/no-such-wallet' }],
      complete: async () => 'paid',
      fallback,
    });
    expect(await handoff.available!()).to.equal(true, 'available through its fallback');
    await tap(() => handoff.prepare?.());
    expect(await handoff.pay(request())).to.deep.equal({ status: 'pending' });
  });

  it('falls back (or fails as unsupported) where there is no PaymentRequest at all', async () => {
    const withFallback = paymentRequestHandoff({
      methodData: [{ supportedMethods: 'https://pay.invalid/x' }],
      complete: async () => 'paid',
      fallback: callbackHandoff(() => 'paid'),
      PaymentRequest: undefined as unknown as typeof PaymentRequest,
    });
    // `undefined` means "use the browser's": prove the no-API path with a constructor that throws like a missing one.
    const Missing = function () {
      throw new TypeError('PaymentRequest is not defined');
    } as unknown as typeof PaymentRequest;
    const none = paymentRequestHandoff({ methodData: [{ supportedMethods: 'x' }], complete: async () => 'paid', PaymentRequest: Missing });
    let error: unknown;
    await none.pay(request()).catch((e: unknown) => (error = e));
    expect((error as HandoffError).reason).to.equal('unsupported');
    expect((await withFallback.pay(request())).status).to.equal('paid');
  });

  it('formats minor units as Payment Request decimals', () => {
    expect(decimalAmount(12990, 'CNY')).to.equal('129.90');
    expect(decimalAmount(5, 'USD')).to.equal('0.05');
    expect(decimalAmount(1200, 'JPY')).to.equal('1200');
  });
});

describe('payment handoff: cart permalink', () => {
  it('builds a Shopify-style permalink with items, discount and attribution', () => {
    const url = new URL(
      cartPermalink({
        shop: 'https://shop.example.com/',
        items: [
          { variantId: '4011', quantity: 2 },
          { variantId: '4012', quantity: 1 },
        ],
        discount: 'LIVE10',
        attributes: { live_shop_room: 'demo', live_shop_order: 'ord_1' },
        params: { ref: 'live-shop' },
      }),
    );
    expect(url.origin + url.pathname).to.equal('https://shop.example.com/cart/4011:2,4012:1');
    expect(url.searchParams.get('discount')).to.equal('LIVE10');
    expect(url.searchParams.get('attributes[live_shop_room]')).to.equal('demo');
    expect(url.searchParams.get('attributes[live_shop_order]')).to.equal('ord_1');
    expect(url.searchParams.get('ref')).to.equal('live-shop');
  });

  it('refuses ids and quantities that cannot go into a permalink', () => {
    expect(() => cartPermalink({ shop: 'https://s.example', items: [{ variantId: '1/../x', quantity: 1 }] })).to.throw(HandoffError);
    expect(() => cartPermalink({ shop: 'https://s.example', items: [{ variantId: '1', quantity: 0 }] })).to.throw(HandoffError);
    expect(() => cartPermalink({ shop: 'javascript:alert(1)', items: [{ variantId: '1', quantity: 1 }] })).to.throw(HandoffError);
  });

  it('opens the shop cart beside the stream with the order and coupon, and answers pending', async () => {
    const handoff = cartPermalinkHandoff({ shop: otherOrigin() + '/shop', variantIdOf: (id) => `shop-${id}` });
    let opened: Window | null = null;
    const original = window.open;
    window.open = function (...args: Parameters<typeof window.open>) {
      opened = original.apply(window, args);
      return opened;
    };
    try {
      await tap(() => handoff.prepare?.());
      const result = await handoff.pay(request({ coupon: 'LIVE10' }));
      expect(result.status).to.equal('pending');
      const href = new URL(result.reference!);
      expect(href.pathname).to.equal('/shop/cart/shop-coat-m:2');
      expect(href.searchParams.get('discount')).to.equal('LIVE10');
      expect(href.searchParams.get('attributes[live_shop_order]')).to.equal(order.id);
      expect(opened, 'a tab was opened inside the tap').to.not.equal(null);
    } finally {
      window.open = original;
      (opened as Window | null)?.close();
    }
  });
});
