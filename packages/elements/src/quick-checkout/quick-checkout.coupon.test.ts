import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { callbackHandoff, type LiveShopClient } from '@live-shop/core';
import type { Coupon, Order, Product } from '@live-shop/protocol';
import { buyableProduct, connectedClient, disposeClients, fetchRoom, part, token, type } from '../test/helpers.js';
import { defineQuickCheckout } from './define.js';
import type { QuickCheckout } from './quick-checkout.js';

defineQuickCheckout();

const customer = { name: 'Li Lei', phone: '13800138000', address: '1 Queen Street, Auckland' };
const money = (minor: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);

async function roomCoupon(discount: Coupon['discount'], label: string): Promise<Coupon> {
  const host = await connectedClient({ token: await token('host') });
  return host.engagement.issueCoupon({ discount, validMs: 600_000, label });
}

async function openSheet(client: LiveShopClient): Promise<{ el: QuickCheckout; product: Product }> {
  const wanted = buyableProduct(await fetchRoom(), 3);
  const product = client.$products.get().find((item) => item.id === wanted.id)!;
  client.checkout.open(product.id);
  const el = await fixture<QuickCheckout>(html`<quick-checkout lang="en" .client=${client} .product=${product}></quick-checkout>`);
  await waitUntil(() => client.checkout.$state.get().step === 'reserved', 'nothing was reserved');
  await el.updateComplete;
  return { el, product };
}

function fill(el: QuickCheckout): void {
  for (const [name, value] of Object.entries(customer)) type(el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!, value);
}

async function choose(el: QuickCheckout, couponId: string): Promise<void> {
  const select = part<HTMLSelectElement>(el, 'coupon-select');
  select.value = couponId;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const totalShown = (el: QuickCheckout) => el.shadowRoot!.querySelector('[part~="breakdown-total"] dd')!.textContent!.trim();
const source = (el: QuickCheckout) => part(el, 'breakdown').dataset['source'];

describe('<quick-checkout> coupons', () => {
  afterEach(() => disposeClients());

  it('shows the estimate for the coupon picked, then the total the server decided, which is what the order costs', async () => {
    const coupon = await roomCoupon({ kind: 'percent', percent: 15 }, 'Fifteen off');
    let release: (status: 'paid') => void = () => undefined;
    const client = await connectedClient();
    const handedOver: Order[] = [];
    client.setPayment(callbackHandoff(({ order }) => (handedOver.push(order), new Promise((resolve) => (release = resolve)))));
    await waitUntil(() => client.$coupons.get().some((item) => item.id === coupon.id), 'the coupon did not reach the viewer');
    const { el, product } = await openSheet(client);
    const held = client.checkout.$totals.get()!;
    expect(source(el)).to.equal('server', 'the held order is priced by the server');
    expect(totalShown(el)).to.equal(money(held.total, product.currency));

    await choose(el, coupon.id);
    const off = Math.floor((held.subtotal * 15) / 100);
    expect(source(el)).to.equal('estimate', 'until the server priced the coupon');
    expect(part(el, 'breakdown-discount').textContent).to.contain(money(off, product.currency));
    expect(totalShown(el)).to.equal(money(held.subtotal - off, product.currency));

    fill(el);
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'paying', 'the payment did not start');
    await el.updateComplete;
    // Read the order back from the server: a repeated checkout answers the stored order unchanged.
    const order = handedOver[0]!;
    const stored = await client.confirmOrder(order.id, customer, coupon.id);
    expect([stored.couponId, stored.subtotal, stored.discount, stored.total]).to.deep.equal([coupon.id, held.subtotal, off, held.subtotal - off]);
    expect(source(el)).to.equal('server');
    expect(totalShown(el)).to.equal(money(stored.total, stored.currency));
    expect(order.total).to.equal(stored.total, 'the payment adapter is asked for the server total');

    release('paid');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="order-total"]'), 'no confirmation');
    expect(part(el, 'order-total').textContent).to.equal(money(stored.total, stored.currency));
    expect(part(el, 'order-discount').textContent).to.equal(`−${money(off, stored.currency)}`);
  });

  it('says so when the server refuses the coupon, keeps the hold, and pays without it', async () => {
    const coupon = await roomCoupon({ kind: 'amount', amount: 1000, currency: 'CNY' }, 'Ten off');
    const client = await connectedClient();
    await waitUntil(() => client.$coupons.get().some((item) => item.id === coupon.id), 'the coupon did not reach the viewer');
    // This viewer's first order holds the room coupon (once per viewer): the sheet's order is refused it.
    const first = await client.reserveOrder({ variantId: buyableProduct(await fetchRoom(), 3).variants[0]!.id, quantity: 1, couponId: coupon.id });
    expect(first.couponId).to.equal(coupon.id);
    const { el } = await openSheet(client);
    await choose(el, coupon.id);
    fill(el);
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'failed', 'the refusal was not shown');
    await el.updateComplete;
    expect(part(el, 'error').textContent).to.contain('This coupon cannot be used on this order');
    const state = client.checkout.$state.get();
    expect(state.step === 'failed' && state.order?.status).to.equal('reserved', 'the units are still held');

    await choose(el, '');
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'placed', 'the order without the coupon was not placed');
    await client.cancelOrder(first.id);
  });
});
