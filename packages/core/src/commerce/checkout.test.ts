import { expect } from '@open-wc/testing';
import { Checkout, type CheckoutState } from './checkout.js';
import { RESERVATION_TTL_MS } from '@live-shop/protocol';
import { connectedClient, customer, disposeClients, recordingWebSocket, token, until } from '../test/helpers.js';
import type { LiveShopClient } from '../client.js';

function firstVariant(client: LiveShopClient): { productId: string; variantId: string } {
  const stock = client.$stock.get();
  for (const product of client.$products.get()) {
    const variant = product.variants.find((item) => (stock[item.id] ?? 0) > 5);
    if (variant) return { productId: product.id, variantId: variant.id };
  }
  throw new Error('nothing left to buy in the demo room');
}

function orderKeys(record: ReturnType<typeof recordingWebSocket>): string[] {
  return record.sent
    .filter((frame) => frame.t === 'order.place')
    .map((frame) => (frame.order as { idempotencyKey: string }).idempotencyKey);
}

describe('Checkout', () => {
  afterEach(() => disposeClients());

  it('goes closed → open → placing → placed and resolves with the order', async () => {
    const client = await connectedClient();
    const { productId, variantId } = firstVariant(client);
    const steps: CheckoutState['step'][] = [];
    client.checkout.$state.subscribe((state) => steps.push(state.step));
    client.checkout.open(productId);
    const order = await client.checkout.place({ variantId, quantity: 1, customer });
    expect(order?.variantId).to.equal(variantId);
    expect(steps).to.deep.equal(['closed', 'open', 'placing', 'placed']);
    const state = client.checkout.$state.get();
    expect(state.step === 'placed' && state.order.id).to.equal(order?.id);
    client.checkout.close();
    expect(client.checkout.$state.get()).to.deep.equal({ step: 'closed' });
  });

  it('fails on a server error and retries with the same idempotency key', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    const failed = await client.checkout.place({ variantId: 'no-such-variant', quantity: 1, customer });
    expect(failed).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step).to.equal('failed');
    expect(state.step === 'failed' && state.error.code).to.equal('not_found');

    const order = await client.checkout.place({ variantId, quantity: 1, customer });
    expect(order?.variantId).to.equal(variantId);
    const keys = orderKeys(record);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('sends one order when place() is called again while placing, or after it was placed', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    const input = { variantId, quantity: 1, customer };
    const [first, second] = await Promise.all([client.checkout.place(input), client.checkout.place(input)]);
    const third = await client.checkout.place(input);
    expect(second?.id).to.equal(first?.id);
    expect(third?.id).to.equal(first?.id);
    expect(orderKeys(record)).to.have.length(1);
  });

  it('draws a new idempotency key on every open()', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    const input = { variantId, quantity: 1, customer };
    client.checkout.open(productId);
    const first = await client.checkout.place(input);
    client.checkout.open(productId);
    const second = await client.checkout.place(input);
    expect(second?.id).not.to.equal(first?.id);
    const keys = orderKeys(record);
    expect(keys).to.have.length(2);
    expect(keys[1]).not.to.equal(keys[0]);
  });

  it("fails with 'invalid' on bad input without sending, and refuses place() when closed", async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    expect(await client.checkout.place({ variantId, quantity: 0, customer })).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step === 'failed' && state.error.code).to.equal('invalid');
    expect(orderKeys(record)).to.have.length(0);
    client.checkout.close();
    let refused: unknown;
    await client.checkout.place({ variantId, quantity: 1, customer }).catch((error: unknown) => (refused = error));
    expect((refused as { code?: string } | undefined)?.code).to.equal('invalid');
  });

  it('reserves (reserved, expiresAt), confirms with the customer (placed, pending_payment), and a closed hold is cancelled', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    const stockBefore = client.$stock.get()[variantId]!;
    client.checkout.open(productId);
    const held = await client.checkout.reserve({ variantId, quantity: 2 });
    expect(held?.status).to.equal('reserved');
    expect(held!.expiresAt! - client.serverNow()).to.be.within(RESERVATION_TTL_MS - 5_000, RESERVATION_TTL_MS + 1_000);
    await until(client.$stock, (stock) => stock[variantId] === stockBefore - 2);
    // The same line again: the same hold, nothing sent.
    expect((await client.checkout.reserve({ variantId, quantity: 2 }))?.id).to.equal(held!.id);
    expect(record.sent.filter((frame) => frame.t === 'order.reserve')).to.have.length(1);

    const order = await client.checkout.confirm(customer);
    expect(order?.id).to.equal(held!.id);
    expect(order?.status).to.equal('pending_payment');
    expect(client.checkout.$state.get().step).to.equal('placed');
    client.checkout.close();
    expect(record.sent.filter((frame) => frame.t === 'order.cancel')).to.have.length(0, 'a placed order is not cancelled on close');

    client.checkout.open(productId);
    const second = await client.checkout.reserve({ variantId, quantity: 1 });
    client.checkout.close();
    await until(client.$stock, (stock) => stock[variantId] === stockBefore - 2);
    const cancels = record.sent.filter((frame) => frame.t === 'order.cancel');
    expect(cancels.map((frame) => frame.orderId)).to.deep.equal([second!.id]);
  });

  it('moves a hold that ran out on the server clock to expired, and reserves again with a new key', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    // The same client, seen from a clock that is almost at the end of the hold.
    let skew = RESERVATION_TTL_MS - 400;
    const checkout = new Checkout({
      placeOrder: (input) => client.placeOrder(input),
      reserve: (request) => client.reserveOrder(request),
      confirm: (orderId, buyer) => client.confirmOrder(orderId, buyer),
      cancel: (orderId) => client.cancelOrder(orderId),
      now: () => client.serverNow() + skew,
    });
    checkout.open(productId);
    const held = await checkout.reserve({ variantId, quantity: 1 });
    expect(held?.status).to.equal('reserved');
    await until(checkout.$state, (state) => state.step === 'expired', 3_000);
    expect(await checkout.confirm(customer)).to.equal(null, 'an expired hold cannot be confirmed');
    skew = 0;
    const again = await checkout.reReserve();
    expect(again?.id).to.not.equal(held!.id);
    const keys = record.sent.filter((frame) => frame.t === 'order.reserve').map((frame) => (frame.reserve as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
    checkout.close();
  });
  it('sends the chosen coupon with the order and exposes the totals the server decided', async () => {
    const record = recordingWebSocket();
    const host = await connectedClient({ token: await token('host') });
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const coupon = await host.engagement.issueCoupon({ discount: { kind: 'percent', percent: 10 }, validMs: 60_000, label: 'core test' });
    await until(client.$coupons, (coupons) => coupons.some((item) => item.id === coupon.id));
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    const held = await client.checkout.reserve({ variantId, quantity: 1 });
    const before = client.checkout.$totals.get();
    expect(before).to.deep.equal({ subtotal: held!.total, discount: 0, total: held!.total, currency: held!.currency, couponId: null });

    const order = await client.checkout.confirm(customer, { coupon: coupon.id });
    const sent = record.sent.find((frame) => frame.t === 'order.checkout');
    expect(sent?.couponId).to.equal(coupon.id);
    const off = Math.floor((held!.total * 10) / 100);
    expect(order?.discount).to.equal(off);
    expect(client.checkout.$totals.get()).to.deep.equal({ subtotal: held!.total, discount: off, total: held!.total - off, currency: held!.currency, couponId: coupon.id });

    // The same coupon on this viewer's next order is refused: it is held by the first one.
    client.checkout.open(productId);
    await client.checkout.reserve({ variantId, quantity: 1 });
    expect(await client.checkout.confirm(customer, { coupon: coupon.id })).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step === 'failed' && [state.stage, state.error.code]).to.deep.equal(['checkout', 'coupon_invalid']);
    expect(await client.checkout.confirm(customer, { coupon: null }), 'the hold stayed: confirming without it works').to.not.equal(null);
    client.checkout.close();
  });
});
