import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, fetchRoom, part, token } from '../test/helpers.js';
import { formatClock } from './clock.js';
import { defineLiveShopFlashSale } from './define.js';
import type { LiveShopFlashSale } from './live-shop-flash-sale.js';

defineLiveShopFlashSale();

let host: LiveShopClient | null = null;
let saleId: string | null = null;

async function variantWithStock(units: number): Promise<{ productId: string; variantId: string }> {
  const room = await fetchRoom();
  for (const product of room.products) {
    for (const variant of product.variants) if ((room.stock[variant.id] ?? 0) >= units) return { productId: product.id, variantId: variant.id };
  }
  throw new Error('no variant with stock');
}

describe('<live-shop-flash-sale>', () => {
  afterEach(async () => {
    if (host && saleId) await host.stopFlashSale(saleId).catch(() => {});
    saleId = null;
    disposeClients();
  });

  it('renders nothing without a sale', async () => {
    const viewer = await connectedClient();
    const el = await fixture<LiveShopFlashSale>(html`<live-shop-flash-sale lang="en" .client=${viewer}></live-shop-flash-sale>`);
    // (Compared as booleans: a failing comparison of elements makes chai walk the whole client.)
    expect(el.shadowRoot!.querySelector('[part="base"]') === null).to.equal(true, 'no banner (an ended sale from an earlier test is not shown)');
  });

  it('counts down to this viewer\'s own zero on the server clock, then buys through the sale', async () => {
    host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    viewer.reportLatency(1_000);
    await waitUntil(() => viewer.reportedLatencyMs === 1_000, 'the latency was not reported');
    const { variantId } = await variantWithStock(3);
    const el = await fixture<LiveShopFlashSale>(html`<div style="background:#000"><live-shop-flash-sale lang="en" .client=${viewer}></live-shop-flash-sale></div>`).then(
      (wrapper) => wrapper.querySelector('live-shop-flash-sale')!,
    );
    const sale = await host.startFlashSale({ variantId, price: 990, quota: 5, perViewerLimit: 1, startsInMs: 1_500, durationMs: 30_000 });
    saleId = sale.id;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="base"]') !== null, 'the banner did not show the sale');

    // Before its zero (startsAt + 1 s of latency): a countdown, and the button cannot be pressed.
    const button = () => part<HTMLButtonElement>(el, 'buy-button');
    expect(button().disabled).to.equal(true);
    expect(part(el, 'countdown').textContent).to.match(/^Starts in 00:0[1-3]$/);
    expect(part(el, 'countdown').getAttribute('role')).to.equal('timer');
    expect(part(el, 'price').textContent).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(9.9));
    expect(part(el, 'remaining').textContent).to.equal('5 of 5 left');
    await expect(el).to.be.accessible();

    // At the server's startsAt the sale is live for the server, but this viewer's picture is 1 s behind.
    await waitUntil(() => viewer.serverNow() >= sale.startsAt + 200, 'startsAt did not come', { timeout: 5_000 });
    el.requestUpdate();
    await el.updateComplete;
    expect(button().disabled).to.equal(true, 'still disabled: this viewer has not seen zero yet');
    expect(el.phase?.zeroAt).to.equal(sale.startsAt + 1_000);

    await waitUntil(() => !button().disabled, 'the buy button was not enabled at the viewer\'s zero', { timeout: 5_000 });
    expect(viewer.serverNow()).to.be.at.least(sale.startsAt + 1_000 - 300);
    expect(button().textContent!.trim()).to.equal('Buy now');
    expect(part(el, 'countdown').textContent).to.match(/^Ends in 00:(2|3)\d$/);

    const checkout = oneEvent(el, 'live-shop-checkout');
    button().click();
    const { detail } = (await checkout) as CustomEvent<{ productId: string; source: string }>;
    expect(detail).to.deep.equal({ productId: sale.productId, source: 'flash-sale' });
    await waitUntil(() => part(el, 'result').textContent !== '', 'no result shown');
    await waitUntil(() => viewer.checkout.$state.get().step !== 'reserving', 'the attempt was not answered', { timeout: 15_000 });
    const state = viewer.checkout.$state.get();
    expect(state.step, JSON.stringify(state)).to.equal('reserved');
    expect(state.step === 'reserved' && state.order.saleId).to.equal(sale.id);
    expect(state.step === 'reserved' && state.order.unitPrice).to.equal(990);
    await el.updateComplete;
    expect(part(el, 'result').textContent).to.equal('Got it! Pay soon to keep it');
    await waitUntil(() => part(el, 'remaining').textContent === '4 of 5 left', 'the quota did not move live');
    viewer.checkout.close();
  });

  it('a cancelled buy button opens nothing', async () => {
    host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const { variantId } = await variantWithStock(3);
    const el = await fixture<LiveShopFlashSale>(html`<live-shop-flash-sale lang="zh-CN" .client=${viewer}></live-shop-flash-sale>`);
    const sale = await host.startFlashSale({ variantId, price: 990, quota: 5, perViewerLimit: 1, startsInMs: 0, durationMs: 30_000 });
    saleId = sale.id;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="buy-button"]:not([disabled])') !== null, 'not live');
    expect(part(el, 'badge').textContent).to.equal('限时秒杀');
    el.addEventListener('live-shop-checkout', (event) => event.preventDefault(), { once: true });
    part<HTMLButtonElement>(el, 'buy-button').click();
    expect(viewer.checkout.$state.get().step).to.equal('closed');
  });

  it('formats countdowns as mm:ss, rounding up', () => {
    expect(formatClock(0)).to.equal('00:00');
    expect(formatClock(1)).to.equal('00:01');
    expect(formatClock(59_001)).to.equal('01:00');
    expect(formatClock(3_600_000)).to.equal('1:00:00');
  });
});
