import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { callbackHandoff, type LiveShopClient } from '@live-shop/core';
import type { Order, Product } from '@live-shop/protocol';
import { buyableProduct, connectedClient, disposeClients, fetchRoom, part, token, type } from '../test/helpers.js';
import { defineQuickCheckout } from './define.js';
import { PROFILE_KEY } from './profile.js';
import type { QuickCheckout } from './quick-checkout.js';

defineQuickCheckout();

async function sheet(client: LiveShopClient, product: Product): Promise<QuickCheckout> {
  client.checkout.open(product.id);
  const el = await fixture<QuickCheckout>(html`<quick-checkout lang="en" .client=${client} .product=${product}></quick-checkout>`);
  await el.updateComplete;
  return el;
}

function field(el: QuickCheckout, name: string): HTMLInputElement | HTMLTextAreaElement {
  const found = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

async function productWithStock(client: LiveShopClient, units: number): Promise<Product> {
  const snapshot = await fetchRoom();
  const wanted = buyableProduct(snapshot, units);
  return client.$products.get().find((p) => p.id === wanted.id)!;
}

describe('<quick-checkout>', () => {
  afterEach(() => disposeClients());

  it('labels every field and asks the browser to autofill name, phone and address', async () => {
    const client = await connectedClient();
    const el = await sheet(client, client.$products.get()[0]!);
    const dialog = part(el, 'base');
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.getAttribute('aria-modal')).to.equal('true');

    const name = field(el, 'name');
    const phone = field(el, 'phone') as HTMLInputElement;
    const address = field(el, 'address');
    expect(name.getAttribute('autocomplete')).to.equal('name');
    expect(phone.type).to.equal('tel');
    expect(phone.getAttribute('autocomplete')).to.equal('tel');
    expect(phone.getAttribute('inputmode')).to.equal('tel');
    expect(address.getAttribute('autocomplete')).to.equal('street-address');
    expect(el.shadowRoot!.querySelector('form')).to.exist;

    const controls = el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    for (const control of controls) {
      expect(control.labels?.length ?? 0, `label for ${control.name}`).to.be.greaterThan(0);
      expect(control.labels![0]!.textContent!.trim(), `label text for ${control.name}`).to.not.equal('');
    }
    expect(name.labels![0]!.textContent!.trim()).to.equal('Full name');
    expect(phone.labels![0]!.textContent!.trim()).to.equal('Phone');
    expect(address.labels![0]!.textContent!.trim()).to.equal('Delivery address');
    await expect(el).to.be.accessible();
  });

  it('offers each variant with its stock and keeps the quantity within the stock and 99', async () => {
    const client = await connectedClient();
    const product = await productWithStock(client, 1);
    const el = await sheet(client, product);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios.length).to.equal(product.variants.length);
    const stock = client.$stock.get();
    product.variants.forEach((variant, i) => {
      expect(radios[i]!.disabled).to.equal(stock[variant.id] === 0);
    });
    const first = product.variants[0]!;
    expect(part(el, 'variant-stock').textContent).to.equal(stock[first.id] === 0 ? 'Sold out' : `${stock[first.id]} left`);

    const quantity = part<HTMLInputElement>(el, 'quantity-input');
    quantity.value = '500';
    quantity.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(Number(quantity.value)).to.equal(Math.min(stock[first.id]!, 99));
    part(el, 'quantity-decrease').click();
    await el.updateComplete;
    expect(Number(quantity.value)).to.equal(Math.min(stock[first.id]!, 99) - 1);
  });

  it('shows a clear error for a missing address, focuses it, and keeps the units held without confirming an order', async () => {
    const client = await connectedClient();
    const product = await productWithStock(client, 1);
    const before = await fetchRoom();
    const el = await sheet(client, product);
    type(field(el, 'name'), 'Li Lei');
    type(field(el, 'phone'), '13800138000');
    part<HTMLButtonElement>(el, 'submit').click();

    await waitUntil(() => part(el, 'error').textContent !== '', 'no error shown');
    const error = part(el, 'error');
    expect(error.getAttribute('aria-live')).to.equal('assertive');
    expect(error.textContent).to.contain('Could not place the order');
    expect(error.textContent).to.contain('address');
    await waitUntil(() => el.shadowRoot!.activeElement === field(el, 'address'), 'the address field was not focused');
    expect(field(el, 'address').getAttribute('aria-invalid')).to.equal('true');
    const state = client.checkout.$state.get();
    expect(state.step).to.equal('failed');
    if (state.step === 'failed') expect(state.error.code).to.equal('invalid');

    // Opening the sheet held one unit of the chosen variant; the bad address confirmed nothing.
    const held = state.step === 'failed' ? state.order : undefined;
    expect(held?.status).to.equal('reserved');
    const after = await fetchRoom();
    for (const variant of product.variants) {
      expect(after.stock[variant.id]).to.equal(before.stock[variant.id]! - (variant.id === held?.variantId ? 1 : 0));
    }
    // Closing gives the unit back.
    el.close();
    await waitUntil(async () => (await fetchRoom()).stock[held!.variantId] === before.stock[held!.variantId], 'the hold was not released');
  });

  it('places a real order: shows the confirmation and the server stock drops by the quantity', async () => {
    const client = await connectedClient();
    const product = await productWithStock(client, 3);
    const variant = product.variants[0]!;
    const before = await fetchRoom();
    const el = await sheet(client, product);
    part(el, 'quantity-increase').click();
    await el.updateComplete;
    expect(part(el, 'submit').textContent).to.contain(
      new Intl.NumberFormat('en', { style: 'currency', currency: product.currency }).format((variant.price * 2) / 100),
    );
    type(field(el, 'name'), '韩梅梅');
    type(field(el, 'phone'), '+86 138 0013 8000');
    type(field(el, 'address'), '上海市黄浦区南京东路 1 号');
    const placed = oneEvent(el, 'live-shop-order-placed');
    part<HTMLButtonElement>(el, 'submit').click();
    await el.updateComplete;
    // Busy while the server decides (unless it already answered).
    if (client.checkout.$state.get().step === 'placing') {
      expect(part(el, 'submit').getAttribute('aria-busy')).to.equal('true');
    }
    const { detail } = (await placed) as CustomEvent<{ order: Order }>;
    await el.updateComplete;

    expect(detail.order.quantity).to.equal(2);
    expect(detail.order.variantId).to.equal(variant.id);
    expect(part(el, 'order-id').textContent).to.equal(detail.order.id);
    expect(part(el, 'order-total').textContent).to.equal(
      new Intl.NumberFormat('en', { style: 'currency', currency: product.currency }).format(detail.order.total / 100),
    );
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'done-button'));

    const after = await fetchRoom();
    expect(after.stock[variant.id]).to.equal(before.stock[variant.id]! - 2);

    const closed = oneEvent(el, 'live-shop-checkout-close');
    part(el, 'done-button').click();
    expect(((await closed) as CustomEvent).detail).to.deep.equal({ productId: product.id, reason: 'back-to-stream' });
    expect(client.checkout.$state.get().step).to.equal('closed');
  });

  it('after a failure says why and offers to try again; the retry places exactly one order', async () => {
    const client = await connectedClient();
    const product = await productWithStock(client, 2);
    const variant = product.variants[0]!;
    const before = await fetchRoom();
    const el = await sheet(client, product);
    type(field(el, 'name'), 'Li Lei');
    type(field(el, 'phone'), '13800138000');
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'failed', 'the order did not fail');
    await el.updateComplete;
    expect(part(el, 'error').textContent).to.equal('Could not place the order: please check the delivery address.');
    expect(part(el, 'submit').textContent!.trim()).to.match(/^Try again · /);

    type(field(el, 'address'), '1 Queen Street, Auckland');
    const placed = oneEvent(el, 'live-shop-order-placed');
    part<HTMLButtonElement>(el, 'submit').click();
    await placed;
    expect((await fetchRoom()).stock[variant.id]).to.equal(before.stock[variant.id]! - 1);
  });

  it('says so when every option is sold out, in zh-CN, with the buy button disabled', async () => {
    const client = await connectedClient();
    // The last product of the demo room is bought out here (the other tests pick products with stock).
    const product = client.$products.get().at(-1)!;
    for (const variant of product.variants) {
      let left = client.$stock.get()[variant.id] ?? 0;
      for (let round = 0; left > 0 && round < 10; round++) {
        const quantity = Math.min(left, 99);
        await client.placeOrder({
          variantId: variant.id,
          quantity,
          customer: { name: 'Stock Taker', phone: '13800138000', address: '1 Queen Street, Auckland' },
          idempotencyKey: `sell-out-${variant.id}-${round}-${Date.now()}`,
        });
        left -= quantity;
      }
    }
    await waitUntil(() => product.variants.every((variant) => client.$stock.get()[variant.id] === 0), 'the stock did not reach zero');
    client.checkout.open(product.id);
    const el = await fixture<QuickCheckout>(html`<quick-checkout lang="zh-CN" .client=${client} .product=${product}></quick-checkout>`);
    await el.updateComplete;
    expect(part(el, 'sold-out').textContent).to.equal('这件商品已经全部售罄了。');
    const submit = part<HTMLButtonElement>(el, 'submit');
    expect(submit.disabled).to.equal(true);
    expect(submit.textContent!.trim()).to.equal('已售罄');
    for (const radio of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')) expect(radio.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keeps Tab inside the sheet, both ways', async () => {
    const client = await connectedClient();
    const el = await sheet(client, await productWithStock(client, 1));
    el.focus();
    const root = el.shadowRoot!;
    const close = part(el, 'close-button');
    const submit = part(el, 'submit');
    submit.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(close);
    await sendKeys({ press: 'Shift+Tab' });
    expect(root.activeElement).to.equal(submit);
    // A full round of Tab presses comes back to where it started, never leaving the sheet.
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement, `Tab ${i + 1}`).to.not.equal(null);
    }
  });

  it('closes on Escape and fires live-shop-checkout-close', async () => {
    const client = await connectedClient();
    const product = client.$products.get()[0]!;
    const el = await sheet(client, product);
    el.focus();
    const closed = oneEvent(el, 'live-shop-checkout-close');
    el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(((await closed) as CustomEvent).detail).to.deep.equal({ productId: product.id, reason: 'escape' });
    expect(client.checkout.$state.get().step).to.equal('closed');
  });

  it('reserves when it opens, shows the hold and its timer, and gives the units back when closed', async () => {
    const client = await connectedClient();
    const product = await productWithStock(client, 2);
    const variant = product.variants[0]!;
    const before = await fetchRoom();
    const el = await sheet(client, product);
    await waitUntil(() => client.checkout.$state.get().step === 'reserved', 'nothing was reserved');
    await el.updateComplete;
    expect(part(el, 'reservation').textContent!.trim()).to.match(/^Reserved for 0[45]:\d\d/);
    expect(part(el, 'reservation').getAttribute('role')).to.equal('status');
    await waitUntil(async () => (await fetchRoom()).stock[variant.id] === before.stock[variant.id]! - 1, 'the server did not hold the unit');
    const breakdown = part(el, 'breakdown').textContent!.replace(/\s+/g, ' ');
    const price = new Intl.NumberFormat('en', { style: 'currency', currency: product.currency }).format(variant.price / 100);
    expect(breakdown).to.contain(`${price} × 1`);
    await expect(el).to.be.accessible();
    el.close();
    await waitUntil(async () => (await fetchRoom()).stock[variant.id] === before.stock[variant.id], 'closing did not give the unit back');
  });

  it('pays through the merchant callback (paying, then paid) and remembers the profile only with consent', async () => {
    localStorage.removeItem(PROFILE_KEY);
    const client = await connectedClient();
    let release: (status: 'paid') => void = () => {};
    client.setPayment(callbackHandoff(() => new Promise((resolve) => (release = resolve))));
    const product = await productWithStock(client, 3);
    const el = await sheet(client, product);
    await waitUntil(() => client.checkout.$state.get().step === 'reserved', 'nothing was reserved');
    await el.updateComplete;
    expect(part(el, 'submit').textContent!.trim()).to.match(/^Pay /);
    type(field(el, 'name'), 'Li Lei');
    type(field(el, 'phone'), '13800138000');
    type(field(el, 'address'), '1 Queen Street, Auckland');
    const remember = el.shadowRoot!.querySelector<HTMLInputElement>('[part="remember"] input')!;
    remember.click();
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'paying', 'the payment did not start');
    await el.updateComplete;
    expect(part(el, 'paying').textContent).to.equal('Finish paying in the payment window; the stream keeps playing');
    expect(part(el, 'submit').getAttribute('aria-busy')).to.equal('true');
    const placed = oneEvent(el, 'live-shop-order-placed');
    release('paid');
    await placed;
    await el.updateComplete;
    expect(part(el, 'title').textContent).to.equal('Paid');
    expect(part(el, 'payment-status').textContent).to.equal('Paid');
    await waitUntil(() => localStorage.getItem(PROFILE_KEY) !== null, 'the profile was not saved');
    expect(JSON.parse(localStorage.getItem(PROFILE_KEY)!)).to.deep.equal({ name: 'Li Lei', phone: '13800138000', address: '1 Queen Street, Auckland' });
    el.close();

    // Next time: filled in, one tap.
    const again = await sheet(client, product);
    expect(field(again, 'name').value).to.equal('Li Lei');
    expect(part(again, 'profile').textContent).to.contain('Filled in your saved details (Li Lei)');
    part(again, 'forget-profile').click();
    expect(localStorage.getItem(PROFILE_KEY)).to.equal(null);
    again.close();
  });

  it('says when the buyer cancelled the payment, keeps the hold, and the retry pays the same order', async () => {
    localStorage.removeItem(PROFILE_KEY);
    const client = await connectedClient();
    const answers: ('cancelled' | 'paid')[] = ['cancelled', 'paid'];
    const seen: string[] = [];
    client.setPayment(callbackHandoff(({ order }) => (seen.push(order.id), answers.shift()!)));
    const product = await productWithStock(client, 2);
    const el = await sheet(client, product);
    await waitUntil(() => client.checkout.$state.get().step === 'reserved', 'nothing was reserved');
    type(field(el, 'name'), 'Li Lei');
    type(field(el, 'phone'), '13800138000');
    type(field(el, 'address'), '1 Queen Street, Auckland');
    part<HTMLButtonElement>(el, 'submit').click();
    await waitUntil(() => client.checkout.$state.get().step === 'failed', 'the cancel was not shown');
    await el.updateComplete;
    expect(part(el, 'error').textContent).to.equal('Could not place the order: Payment cancelled; your items are still reserved');
    expect(part(el, 'submit').textContent!.trim()).to.match(/^Try again · /);
    const placed = oneEvent(el, 'live-shop-order-placed');
    part<HTMLButtonElement>(el, 'submit').click();
    await placed;
    expect(seen).to.have.length(2);
    expect(seen[1]).to.equal(seen[0], 'the same order is paid, not a second one');
    el.close();
  });

  it('says "limit reached" when the viewer already holds its flash-sale limit, without a pointless retry', async () => {
    const host = await connectedClient({ token: await token('host') });
    const client = await connectedClient();
    const product = await productWithStock(client, 3);
    const variant = product.variants[0]!;
    const sale = await host.startFlashSale({ variantId: variant.id, price: 100, quota: 3, perViewerLimit: 1, startsInMs: 0, durationMs: 30_000 });
    try {
      await waitUntil(() => client.$flashSale.get()?.status === 'live', 'the sale did not start', { timeout: 5_000 });
      const first = await client.reserveOrder({ variantId: variant.id, quantity: 1 });
      expect(first.saleId).to.equal(sale.id);
      const el = await sheet(client, product);
      await waitUntil(() => client.checkout.$state.get().step === 'failed', 'the second hold was not refused', { timeout: 15_000 });
      await el.updateComplete;
      const state = client.checkout.$state.get();
      expect(state.step === 'failed' && state.error.code).to.equal('limit_reached');
      expect(part(el, 'error').textContent).to.equal('Could not place the order: You reached the purchase limit');
      expect(el.shadowRoot!.querySelector('[part="retry-button"]') === null).to.equal(true, 'no retry: trying again cannot help');
      await expect(el).to.be.accessible();
      el.close();
      await client.cancelOrder(first.id);
    } finally {
      await host.stopFlashSale(sale.id);
    }
  });
});
