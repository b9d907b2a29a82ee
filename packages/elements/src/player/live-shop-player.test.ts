import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Order } from '@live-shop/protocol';
import { buyableProduct, connectedClient, disposeClients, fetchRoom, part, recordSockets, serverUrl, token, type, overlayShown } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';
import type { ProductCard } from '../product-card/product-card.js';
import type { QuickCheckout } from '../quick-checkout/quick-checkout.js';

defineLiveShopPlayer();

async function player(): Promise<LiveShopPlayer> {
  const el = await fixture<LiveShopPlayer>(
    html`<live-shop-player lang="en" server=${serverUrl()} room="demo" style="width: 360px"></live-shop-player>`,
  );
  await el.updateComplete;
  await overlayShown(el);
  return el;
}

/** Waits until the video has played `seconds` more than it had when called. */
async function advances(video: HTMLVideoElement, seconds: number, message: string): Promise<void> {
  const from = video.currentTime;
  await waitUntil(() => video.currentTime > from + seconds, message, { timeout: 15_000 });
}

function card(el: LiveShopPlayer): ProductCard | null {
  return el.shadowRoot!.querySelector<ProductCard>('[part="card"]');
}

function sheet(el: LiveShopPlayer): QuickCheckout | null {
  return el.shadowRoot!.querySelector<QuickCheckout>('[part="checkout"]');
}

describe('<live-shop-player>', () => {
  afterEach(() => disposeClients());

  it("plays the room's live HLS muted, with a live badge and an unmute button", async () => {
    const el = await player();
    const video = part<HTMLVideoElement>(el, 'video');
    await waitUntil(() => video.currentTime > 0.2, 'the video did not start', { timeout: 20_000 });
    await advances(video, 1, 'the video did not keep playing');
    expect(video.muted).to.equal(true);
    expect(video.playsInline).to.equal(true);
    expect(part(el, 'live-badge').textContent).to.equal('LIVE');
    expect(part(el, 'status').textContent).to.equal('');
    expect(el.media!.$media.get().status).to.equal('playing');

    part(el, 'unmute-button').click();
    await el.updateComplete;
    expect(video.muted).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="unmute-button"]')).to.equal(null);
  });

  it('shows the pinned product, buys it in a sheet over the still-playing video, then returns to the stream', async () => {
    const snapshot = await fetchRoom();
    const product = buyableProduct(snapshot, 2);
    const variantId = product.variants[0]!.id;
    const host = await connectedClient({ token: await token('host') });
    const el = await player();
    const video = part<HTMLVideoElement>(el, 'video');
    await waitUntil(() => video.currentTime > 0.2, 'the video did not start', { timeout: 20_000 });

    await host.pinProduct(product.id);
    // The player attaches its video to the client, which holds a pin until the picture reaches it (the demo HLS
    // runs some seconds behind live): allow for that latency.
    await waitUntil(() => card(el)?.product?.id === product.id, 'the pinned product card did not appear', { timeout: 20_000 });
    const shown = card(el)!;
    await shown.updateComplete;
    expect(part(shown, 'name').textContent).to.equal(product.name);
    expect(part<HTMLImageElement>(shown, 'image').src).to.equal(`${serverUrl()}${product.image}`);

    let paused = 0;
    video.addEventListener('pause', () => paused++);
    part(shown, 'buy-button').click();
    await waitUntil(() => sheet(el) !== null, 'the checkout sheet did not open');
    const checkout = sheet(el)!;
    await waitUntil(() => checkout.shadowRoot!.activeElement !== null, 'focus did not move into the sheet');
    expect(part(checkout, 'base').getAttribute('role')).to.equal('dialog');
    expect(part(el, 'overlay').inert).to.equal(true);

    // The video keeps playing under the sheet: same element, never paused, time moving.
    await advances(video, 1, 'the video stopped while the sheet was open');
    expect(part(el, 'video')).to.equal(video);
    expect(video.paused).to.equal(false);

    const field = (name: string) => checkout.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    type(field('name'), 'Ada');
    type(field('phone'), '13800138000');
    type(field('address'), '1 Queen Street, Auckland');
    const placed = new Promise<Order>((resolve) =>
      el.addEventListener('live-shop-order-placed', (event) => resolve(event.detail.order), { once: true }),
    );
    part(checkout, 'submit').click();
    const order = await placed;
    await checkout.updateComplete;
    expect(part(checkout, 'order-id').textContent).to.equal(order.id);
    expect((await fetchRoom()).stock[variantId]).to.equal(snapshot.stock[variantId]! - 1);
    await advances(video, 0.5, 'the video stopped during the purchase');

    part(checkout, 'done-button').click();
    await waitUntil(() => sheet(el) === null, 'the sheet did not close');
    await el.updateComplete;
    expect(part(el, 'overlay').inert).to.equal(false);
    expect(part(el, 'video')).to.equal(video);
    expect(card(el)!.shadowRoot!.activeElement).to.equal(part(card(el)!, 'buy-button'));
    await advances(video, 0.5, 'the video did not keep playing after the sheet closed');
    expect(paused).to.equal(0);

    await host.unpinProduct();
    await waitUntil(() => card(el) === null, 'the card did not go away on unpin', { timeout: 20_000 });
  });

  it('closes the sheet on Escape and gives focus back to the buy button', async () => {
    const product = buyableProduct(await fetchRoom(), 1);
    const host = await connectedClient({ token: await token('host') });
    const el = await player();
    await host.pinProduct(product.id);
    // The player attaches its video to the client, which holds a pin until the picture reaches it (the demo HLS
    // runs some seconds behind live): allow for that latency.
    await waitUntil(() => card(el)?.product?.id === product.id, 'the pinned product card did not appear', { timeout: 20_000 });
    part(card(el)!, 'buy-button').click();
    await waitUntil(() => sheet(el)?.shadowRoot?.activeElement, 'focus did not move into the sheet');
    const closed = new Promise<string>((resolve) =>
      el.addEventListener('live-shop-checkout-close', (event) => resolve(event.detail.reason), { once: true }),
    );
    sheet(el)!.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(await closed).to.equal('escape');
    await waitUntil(() => sheet(el) === null, 'the sheet did not close');
    await el.updateComplete;
    expect(card(el)!.shadowRoot!.activeElement).to.equal(part(card(el)!, 'buy-button'));
    await host.unpinProduct();
  });

  it('uses a client it is given, and leaves it connected when removed', async () => {
    const client = await connectedClient();
    const el = await fixture<LiveShopPlayer>(html`<live-shop-player lang="en" .client=${client} style="width: 360px"></live-shop-player>`);
    const video = part<HTMLVideoElement>(el, 'video');
    await waitUntil(() => video.currentTime > 0.2, 'the video did not start', { timeout: 20_000 });
    expect(el.client).to.equal(client);
    el.remove();
    expect(client.$connection.get().status).to.equal('open');
  });

  it('starts again with a fresh client when moved to another place in the page', async () => {
    const el = await player();
    await waitUntil(() => el.client?.$connection.get().status === 'open', 'the player did not connect');
    const first = el.client!;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => el.client?.$connection.get().status === 'open', 'the player did not reconnect');
    expect(el.client).to.not.equal(first);
    expect(first.$connection.get().status).to.equal('closed');
    const video = part<HTMLVideoElement>(el, 'video');
    await advances(video, 0.5, 'the video did not play again');
  });

  it('shows a reconnecting banner while the server restarts, and clears it when back', async () => {
    const el = await player();
    await waitUntil(() => el.client?.$connection.get().status === 'open', 'the player did not connect');
    const restarted = executeServerCommand('live-shop-restart');
    await waitUntil(() => part(el, 'status').textContent === 'Connection lost, reconnecting…', 'no reconnecting banner', {
      timeout: 15_000,
    });
    await restarted;
    await waitUntil(() => part(el, 'status').textContent === '', 'the banner did not clear', { timeout: 20_000 });
    expect(el.client!.$connection.get().status).to.equal('open');
  });

  it('disposes its client when removed from the page: no socket left open', async () => {
    const recorded = recordSockets();
    try {
      const el = await player();
      await waitUntil(() => el.client?.$connection.get().status === 'open', 'the player did not connect');
      const client = el.client!;
      expect(recorded.sockets.length).to.be.greaterThan(0);
      const video = part<HTMLVideoElement>(el, 'video');

      el.remove();
      expect(client.$connection.get().status).to.equal('closed');
      expect(el.client).to.equal(null);
      expect(el.media).to.equal(null);
      expect(video.getAttribute('src')).to.equal(null);
      await waitUntil(
        () => recorded.sockets.every((socket) => socket.readyState === WebSocket.CLOSED),
        'a socket stayed open',
      );
    } finally {
      recorded.restore();
    }
  });
});
