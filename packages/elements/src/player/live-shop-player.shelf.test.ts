import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CheckoutDetail, ShelfToggleDetail } from '../events.js';
import type { LiveShopShelf } from '../shelf/live-shop-shelf.js';
import type { QuickCheckout } from '../quick-checkout/quick-checkout.js';
import { animationsSettled, part, buyableProduct, connectedClient, disposeClients, fetchRoom, token, serverUrl, overlayShown } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';

defineLiveShopPlayer();

async function player(width = 360): Promise<LiveShopPlayer> {
  const el = await fixture<LiveShopPlayer>(
    html`<live-shop-player lang="en" server=${serverUrl()} room="demo" layout="overlay" style="width: ${width}px"></live-shop-player>`,
  );
  await waitUntil(() => (el.client?.$products.get().length ?? 0) > 0, 'the player did not get the products');
  await overlayShown(el);
  await el.updateComplete;
  return el;
}

/** Resolves when the player's finite animations (sheets sliding in, scrims fading) are done. */
async function settled(el: LiveShopPlayer): Promise<void> {
  // Animations exist once styles are computed: let a frame pass before collecting them.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const finite = el.shadowRoot!.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished));
}

const shelfOf = (el: LiveShopPlayer) => el.shadowRoot!.querySelector<LiveShopShelf>('[part="shelf"]');
const sheetOf = (el: LiveShopPlayer) => el.shadowRoot!.querySelector<QuickCheckout>('[part="checkout"]');

function buyButtonFor(shelf: LiveShopShelf, name: string): HTMLButtonElement {
  const item = [...shelf.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) => li.querySelector('[part="name"]')!.textContent === name);
  if (!item) throw new Error(`no shelf item for ${name}`);
  return item.querySelector<HTMLButtonElement>('[part="buy-button"]')!;
}

describe('<live-shop-player> shopping bag', () => {
  afterEach(() => disposeClients());

  it('opens the shelf from the bag button with every product, the presented one highlighted', async () => {
    const snapshot = await fetchRoom();
    const host = await connectedClient({ token: await token('host') });
    const el = await player();
    const bag = part(el, 'shelf-button');
    expect(bag.getAttribute('aria-label')).to.equal(`Open the shopping bag, ${snapshot.products.length} products`);
    expect(part(el, 'shelf-count').textContent).to.equal(String(snapshot.products.length));
    expect(bag.getAttribute('aria-expanded')).to.equal('false');

    const product = snapshot.products[1]!;
    await host.pinProduct(product.id);
    // The pin reaches the player when its picture does (latency-aligned events): seconds behind on HLS.
    await waitUntil(() => el.client!.$pinnedProduct.get()?.id === product.id, 'the player did not hear the pin', { timeout: 15_000 });
    const opened = oneEvent(el, 'live-shop-shelf-toggle');
    bag.click();
    expect(((await opened) as CustomEvent<ShelfToggleDetail>).detail).to.deep.equal({ open: true });
    await waitUntil(() => shelfOf(el), 'the shelf did not open');
    const shelf = shelfOf(el)!;
    await waitUntil(() => shelf.shadowRoot!.querySelector('[part~="item-pinned"]'), 'the pinned product was not highlighted');
    expect(shelf.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(snapshot.products.length);
    expect(shelf.shadowRoot!.querySelector('[part~="item-pinned"] [part="name"]')!.textContent).to.equal(product.name);
    expect(part(el, 'overlay').inert).to.equal(true);
    // Focus moved into the shelf: onto the presented product's buy button.
    await waitUntil(() => shelf.shadowRoot!.activeElement !== null, 'focus did not move into the shelf');
    expect(shelf.shadowRoot!.activeElement).to.equal(buyButtonFor(shelf, product.name));
    await host.unpinProduct();
  });

  it('buys from the shelf in the same checkout sheet, then gives focus back to the bag button', async () => {
    const product = buyableProduct(await fetchRoom(), 1);
    const el = await player();
    const video = part<HTMLVideoElement>(el, 'video');
    part(el, 'shelf-button').click();
    await waitUntil(() => shelfOf(el), 'the shelf did not open');
    await shelfOf(el)!.updateComplete;

    const checkout = oneEvent(el, 'live-shop-checkout');
    buyButtonFor(shelfOf(el)!, product.name).click();
    expect(((await checkout) as CustomEvent<CheckoutDetail>).detail).to.deep.equal({ productId: product.id, source: 'shelf' });
    await waitUntil(() => sheetOf(el), 'the checkout sheet did not open');
    expect(shelfOf(el)).to.equal(null);
    expect(sheetOf(el)!.product!.id).to.equal(product.id);
    // Opening the sheet reserves at once: the machine may already have moved on from `open`.
    const state = el.client!.checkout.$state.get();
    expect(state.step).to.be.oneOf(['open', 'reserving', 'reserved']);
    expect('productId' in state && state.productId).to.equal(product.id);
    await waitUntil(() => sheetOf(el)!.shadowRoot!.activeElement, 'focus did not move into the sheet');
    expect(video.paused).to.equal(false);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => sheetOf(el) === null, 'Escape did not close the sheet');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'shelf-button'));
  });

  it('opens nothing when the merchant cancels live-shop-checkout (its own checkout takes over)', async () => {
    const product = buyableProduct(await fetchRoom(), 1);
    const el = await player();
    const seen: CheckoutDetail[] = [];
    el.addEventListener('live-shop-checkout', (event) => {
      seen.push(event.detail);
      event.preventDefault();
    });
    part(el, 'shelf-button').click();
    await waitUntil(() => shelfOf(el), 'the shelf did not open');
    await shelfOf(el)!.updateComplete;
    buyButtonFor(shelfOf(el)!, product.name).click();
    await el.updateComplete;
    expect(seen).to.deep.equal([{ productId: product.id, source: 'shelf' }]);
    expect(sheetOf(el)).to.equal(null);
    expect(el.client!.checkout.$state.get().step).to.equal('closed');
  });

  it('closes the shelf with Escape, its × and a tap on the video above it, focus back on the bag', async () => {
    const el = await player();
    for (const how of ['escape', 'close-button', 'scrim'] as const) {
      part(el, 'shelf-button').click();
      await waitUntil(() => shelfOf(el)?.shadowRoot?.activeElement, 'focus did not move into the shelf');
      const closed = oneEvent(el, 'live-shop-shelf-toggle');
      if (how === 'escape') await sendKeys({ press: 'Escape' });
      else if (how === 'close-button') part(shelfOf(el)!, 'close-button').click();
      else (shelfOf(el)!.parentElement as HTMLElement).click();
      expect(((await closed) as CustomEvent<ShelfToggleDetail>).detail).to.deep.equal({ open: false, reason: how });
      await waitUntil(() => shelfOf(el) === null, `${how} did not close the shelf`);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement, how).to.equal(part(el, 'shelf-button'));
      expect(part(el, 'overlay').inert).to.equal(false);
    }
  });

  it('shows the checkout as a side sheet on a wide player and a bottom sheet on a narrow one', async () => {
    const product = buyableProduct(await fetchRoom(), 1);
    for (const width of [800, 360]) {
      const el = await player(width);
      el.client!.checkout.open(product.id);
      await waitUntil(() => sheetOf(el), 'the sheet did not open');
      const sheet = sheetOf(el)!;
      await sheet.updateComplete;
      await settled(el);
      // The sheet is in place once its edge meets the player's (bottom edge narrow, right edge wide).
      const edge = width === 800 ? 'right' : 'bottom';
      await waitUntil(() => Math.abs(sheet.getBoundingClientRect()[edge] - el.getBoundingClientRect()[edge]) < 1, `the sheet did not settle at the ${edge}`);
      const box = el.getBoundingClientRect();
      const rect = sheet.getBoundingClientRect();
      if (width === 800) {
        expect(rect.height, 'side sheet height').to.be.closeTo(box.height, 1);
        expect(rect.right).to.be.closeTo(box.right, 1);
        expect(rect.width).to.be.closeTo(380, 1);
      } else {
        expect(rect.width, 'bottom sheet width').to.be.closeTo(box.width, 1);
        expect(rect.bottom).to.be.closeTo(box.bottom, 1);
        expect(rect.height).to.be.lessThan(box.height);
      }
      el.client!.checkout.close();
    }
  });

  it('passes an axe accessibility audit with the shelf open and with the sheet open', async () => {
    const el = await player();
    part(el, 'shelf-button').click();
    await waitUntil(() => shelfOf(el)?.shadowRoot?.activeElement, 'the shelf did not open');
    // Colours are checked once the drawer has slid in and the scrim has faded in.
    await settled(el);
    await animationsSettled(el);
    await expect(el).to.be.accessible();
    const product = buyableProduct(await fetchRoom(), 1);
    buyButtonFor(shelfOf(el)!, product.name).click();
    await waitUntil(() => sheetOf(el)?.shadowRoot?.activeElement, 'the sheet did not open');
    await settled(el);
    await animationsSettled(el);
    await expect(el).to.be.accessible();
    el.client!.checkout.close();
  });
});
