import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveShopClient } from '@live-shop/core';
import type { ProductBuyDetail, ProductClickDetail, ShelfToggleDetail } from '../events.js';
import { buyableProduct, connectedClient, disposeClients, fetchRoom, part, token, unitsOf } from '../test/helpers.js';
import { defineLiveShopShelf } from './define.js';
import type { LiveShopShelf } from './live-shop-shelf.js';

defineLiveShopShelf();

async function shelf(client: LiveShopClient, options: { lang?: string; modal?: boolean } = {}): Promise<LiveShopShelf> {
  const el = await fixture<LiveShopShelf>(
    html`<live-shop-shelf lang=${options.lang ?? 'en'} ?modal=${options.modal ?? false} .client=${client}></live-shop-shelf>`,
  );
  await el.updateComplete;
  return el;
}

function items(el: LiveShopShelf): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
}

function itemOf(el: LiveShopShelf, name: string): HTMLElement {
  const found = items(el).find((item) => item.querySelector('[part="name"]')!.textContent === name);
  if (!found) throw new Error(`no item for ${name}`);
  return found;
}

describe('<live-shop-shelf>', () => {
  afterEach(() => disposeClients());

  it('lists every product of the room with its live stock, in the server order', async () => {
    const client = await connectedClient();
    const snapshot = await fetchRoom();
    const el = await shelf(client);
    const shown = items(el);
    expect(shown.map((item) => item.querySelector('[part="name"]')!.textContent)).to.deep.equal(snapshot.products.map((p) => p.name));
    expect(part(el, 'count').textContent).to.equal(`${snapshot.products.length} products`);
    for (const product of snapshot.products) {
      const units = unitsOf(snapshot, product);
      const stock = itemOf(el, product.name).querySelector('[part="stock"]')!.textContent;
      expect(stock, product.name).to.equal(units === 0 ? 'Sold out' : units <= 10 ? `Only ${units} left` : `${units} in stock`);
    }

    // Stock moves live: another viewer buys one, the shelf follows without a reload.
    const product = buyableProduct(snapshot, 2);
    const buyer = await connectedClient();
    await buyer.placeOrder({
      variantId: product.variants[0]!.id,
      quantity: 1,
      customer: { name: 'Ada', phone: '13800138000', address: '1 Queen Street, Auckland' },
      idempotencyKey: `shelf-${Date.now()}`,
    });
    const left = unitsOf(snapshot, product) - 1;
    await waitUntil(
      () => itemOf(el, product.name).querySelector('[part="stock"]')!.textContent === (left <= 10 ? `Only ${left} left` : `${left} in stock`),
      'the shelf did not follow the stock',
    );
  });

  it('highlights the product the host is presenting, and follows the pin', async () => {
    const host = await connectedClient({ token: await token('host') });
    const client = await connectedClient();
    const [first, second] = (await fetchRoom()).products;
    const el = await shelf(client, { lang: 'zh-CN' });

    await host.pinProduct(first!.id);
    await waitUntil(() => itemOf(el, first!.name).getAttribute('part')!.includes('item-pinned'), 'the pinned product was not highlighted');
    const pinned = itemOf(el, first!.name);
    expect(pinned.getAttribute('aria-current')).to.equal('true');
    expect(pinned.querySelector('[part="presenting-badge"]')!.textContent).to.equal('讲解中');
    expect(el.shadowRoot!.querySelectorAll('[part~="item-pinned"]').length).to.equal(1);

    await host.pinProduct(second!.id);
    await waitUntil(() => itemOf(el, second!.name).hasAttribute('aria-current'), 'the highlight did not follow the pin');
    expect(itemOf(el, first!.name).hasAttribute('aria-current')).to.equal(false);
    expect(part(el, 'title').textContent).to.equal('购物袋');
    await host.unpinProduct();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="item-pinned"]') === null, 'the highlight stayed after unpin');
  });

  it('asks to buy with the product id when buy is pressed', async () => {
    const client = await connectedClient();
    const product = buyableProduct(await fetchRoom(), 1);
    const el = await shelf(client);
    const heard = oneEvent(document, 'live-shop-product-buy');
    (itemOf(el, product.name).querySelector('[part="buy-button"]') as HTMLButtonElement).click();
    const event = (await heard) as CustomEvent<ProductBuyDetail>;
    expect(event.detail).to.deep.equal({ productId: product.id, source: 'shelf' });
    expect(event.composed).to.equal(true);
  });

  it('fires a cancelable live-shop-product-click; a merchant who cancels it stops the buy', async () => {
    const client = await connectedClient();
    const product = buyableProduct(await fetchRoom(), 1);
    const el = await shelf(client);
    const clicks: ProductClickDetail[] = [];
    const buys: ProductBuyDetail[] = [];
    let cancel = true;
    const onClick = (event: CustomEvent<ProductClickDetail>) => {
      clicks.push(event.detail);
      expect(event.cancelable).to.equal(true);
      if (cancel) event.preventDefault();
    };
    const onBuy = (event: CustomEvent<ProductBuyDetail>) => buys.push(event.detail);
    el.addEventListener('live-shop-product-click', onClick);
    el.addEventListener('live-shop-product-buy', onBuy);
    try {
      const button = itemOf(el, product.name).querySelector<HTMLButtonElement>('[part="product-button"]')!;
      button.click();
      expect(clicks).to.deep.equal([{ productId: product.id, source: 'shelf' }]);
      expect(buys).to.deep.equal([]);
      cancel = false;
      button.click();
      expect(buys).to.deep.equal([{ productId: product.id, source: 'shelf' }]);
    } finally {
      el.removeEventListener('live-shop-product-click', onClick);
      el.removeEventListener('live-shop-product-buy', onBuy);
    }
  });

  it('as a modal dialog: closes on Escape and keeps Tab inside', async () => {
    const client = await connectedClient();
    const el = await shelf(client, { modal: true });
    expect(part(el, 'base').getAttribute('role')).to.equal('dialog');
    expect(part(el, 'base').getAttribute('aria-modal')).to.equal('true');
    el.focus();
    const root = el.shadowRoot!;
    expect(root.activeElement).to.not.equal(null);
    // Tab through more stops than the shelf has: focus never leaves it.
    const stops = root.querySelectorAll('button:not(:disabled)').length;
    for (let i = 0; i < stops + 2; i++) {
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement, `after ${i + 1} Tab`).to.not.equal(null);
    }
    await sendKeys({ press: 'Shift+Tab' });
    expect(root.activeElement).to.not.equal(null);

    const closed = oneEvent(el, 'live-shop-shelf-toggle');
    await sendKeys({ press: 'Escape' });
    expect(((await closed) as CustomEvent<ShelfToggleDetail>).detail).to.deep.equal({ open: false, reason: 'escape' });
  });

  it('says so when the room has no products, in the viewer language', async () => {
    const el = await fixture<LiveShopShelf>(html`<live-shop-shelf lang="zh-CN"></live-shop-shelf>`);
    expect(part(el, 'empty').textContent).to.equal('直播间还没有商品');
    expect(part(el, 'count').textContent).to.equal('共 0 件商品');
    await expect(el).to.be.accessible();
  });

  it('passes an axe accessibility audit, as a panel and as a dialog, with a pinned product', async () => {
    const host = await connectedClient({ token: await token('host') });
    const client = await connectedClient();
    await host.pinProduct(client.$products.get()[0]!.id);
    await waitUntil(() => client.$pinnedProduct.get() !== null, 'no pin');
    await expect(await shelf(client)).to.be.accessible();
    await expect(await shelf(client, { modal: true, lang: 'zh-CN' })).to.be.accessible();
    await host.unpinProduct();
  });
});
