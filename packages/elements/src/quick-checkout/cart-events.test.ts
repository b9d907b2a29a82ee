import { expect } from '@open-wc/testing';
import { CartRefusedError, applyOverride, type CartLine } from '@live-shop/core';
import type { AddToCartDetail, CheckoutDetail } from '../events.js';
import { connectedClient, disposeClients, fetchRoom } from '../test/helpers.js';

const customer = { name: 'Test Buyer', phone: '+86 138 0000 0000', address: '1 Test Road, Shanghai' };
import { domCartBridge } from './cart-events.js';

async function variantWithStock(units: number): Promise<{ productId: string; variantId: string; stock: number }> {
  const room = await fetchRoom();
  for (const product of room.products) {
    for (const variant of product.variants) {
      const stock = room.stock[variant.id] ?? 0;
      if (stock >= units) return { productId: product.id, variantId: variant.id, stock };
    }
  }
  throw new Error('no variant with stock');
}

describe('cart bridge (merchant page <-> player cart)', () => {
  afterEach(() => disposeClients());

  it("asks the page before holding: a refusal ('out_of_stock') holds nothing; an answer of ok reserves; a change is an update", async () => {
    const page = document.createElement('div');
    document.body.append(page);
    const client = await connectedClient();
    client.setCart(domCartBridge(page, () => null));
    const { productId, variantId, stock } = await variantWithStock(3);
    const adds: AddToCartDetail[] = [];
    const updates: AddToCartDetail[] = [];
    let refuse = true;
    page.addEventListener('live-shop-add-to-cart', (event) => {
      adds.push(event.detail);
      if (refuse) event.detail.respondWith?.(Promise.resolve({ ok: false, code: 'out_of_stock', message: 'none left in our warehouse' }));
    });
    page.addEventListener('live-shop-cart-update', (event) => {
      updates.push(event.detail);
      event.detail.respondWith?.({ ok: true });
    });

    client.checkout.open(productId);
    expect(await client.checkout.reserve({ variantId, quantity: 1 })).to.equal(null);
    const refused = client.checkout.$state.get();
    expect(refused.step).to.equal('failed');
    const error = refused.step === 'failed' ? refused.error : null;
    expect(error).to.be.instanceOf(CartRefusedError);
    expect((error as CartRefusedError).refusal).to.equal('out_of_stock');
    expect(error!.code).to.equal('sold_out');
    expect((await fetchRoom()).stock[variantId]).to.equal(stock, 'nothing was held on the server');

    refuse = false;
    const order = await client.checkout.retry();
    expect(order?.variantId).to.equal(variantId);
    expect(adds).to.have.length(2);
    expect(adds[1]).to.include({ productId, variantId, quantity: 1, currency: 'CNY' });
    expect(typeof adds[1]!.unitPrice).to.equal('number');

    await client.checkout.reserve({ variantId, quantity: 2 });
    expect(updates).to.have.length(1, 'changing the quantity is an update, not a second add');
    expect(updates[0]!.quantity).to.equal(2);
    client.checkout.close();
    page.remove();
  });

  it("asks the page before paying (live-shop-checkout, phase 'pay'); a refusal ('limit_reached') keeps the hold", async () => {
    const page = document.createElement('div');
    document.body.append(page);
    const client = await connectedClient();
    client.setCart(domCartBridge(page, () => null));
    const { productId, variantId } = await variantWithStock(2);
    const pays: CheckoutDetail[] = [];
    page.addEventListener('live-shop-checkout', (event) => {
      pays.push(event.detail);
      event.detail.respondWith?.({ ok: false, code: 'limit_reached' });
    });
    client.checkout.open(productId);
    const held = await client.checkout.reserve({ variantId, quantity: 1 });
    expect(await client.checkout.confirm(customer)).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step === 'failed' && state.stage).to.equal('checkout');
    expect(state.step === 'failed' && state.error.code).to.equal('limit_reached');
    expect(state.step === 'failed' && state.order?.id).to.equal(held!.id, 'the hold stays');
    expect(pays).to.have.length(1);
    expect(pays[0]!.phase).to.equal('pay');
    expect((pays[0]!.line as CartLine).orderId).to.equal(held!.id);
    client.checkout.close();
    page.remove();
  });

  it('an event nobody answers means go ahead; hydrate overrides price and adds the strike-through', async () => {
    const page = document.createElement('div');
    const client = await connectedClient();
    const product = client.$products.get()[0]!;
    const variant = product.variants[0]!;
    const bridge = domCartBridge(page, () => (p) => ({ variants: { [p.variants[0]!.id]: { price: variant.price + 500, memberPrice: variant.price - 100, stock: 1 } } }));
    expect(await bridge.addToCart!({ productId: product.id, variantId: variant.id, quantity: 1, unitPrice: 1, currency: 'CNY' })).to.deep.equal({ ok: true });
    const override = await bridge.hydrate!(product);
    const shown = applyOverride(product, override);
    expect(shown.variants[0]!.price).to.equal(variant.price - 100, 'the member price, being lower, is the price');
    expect(shown.variants[0]!.compareAtPrice ?? variant.compareAtPrice).to.equal(variant.compareAtPrice ?? variant.price);
  });
});
