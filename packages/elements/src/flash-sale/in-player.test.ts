import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { callbackHandoff, type LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, fetchRoom, part, token } from '../test/helpers.js';
import { defineLiveShopPlayer } from '../player/define.js';
import type { LiveShopPlayer } from '../player/live-shop-player.js';

// The banner is not defined here: the player loads it the first time its room has a sale.
defineLiveShopPlayer();

let host: LiveShopClient | null = null;
let saleId: string | null = null;

describe('<live-shop-player> commerce: flash-sale banner, latency report, payment adapter', () => {
  afterEach(async () => {
    if (host && saleId) await host.stopFlashSale(saleId).catch(() => {});
    saleId = null;
    disposeClients();
  });

  it("reports the video's measured latency, shows the room's flash sale, and hands its payment adapter to the client", async () => {
    const viewer = await connectedClient();
    const payment = callbackHandoff(() => 'pending');
    const el = await fixture<LiveShopPlayer>(html`<live-shop-player lang="en" .client=${viewer} .payment=${payment} style="width: 360px"></live-shop-player>`);
    expect(viewer.payment).to.equal(payment);
    const video = part<HTMLVideoElement>(el, 'video');
    await waitUntil(() => video.currentTime > 0.2, 'the video did not start', { timeout: 20_000 });
    // The HLS latency of the picture (program-date-time) went to the server as this viewer's latency.
    await waitUntil(() => viewer.reportedLatencyMs !== null, 'no latency was reported', { timeout: 15_000 });
    const measured = el.media!.$media.get().latencyMs!;
    expect(Math.abs(viewer.reportedLatencyMs! - measured)).to.be.below(1_000);

    host = await connectedClient({ token: await token('host') });
    const room = await fetchRoom();
    const variantId = room.products.flatMap((p) => p.variants).find((v) => (room.stock[v.id] ?? 0) > 2)!.id;
    const sale = await host.startFlashSale({ variantId, price: 500, quota: 3, perViewerLimit: 1, startsInMs: 60_000, durationMs: 60_000 });
    saleId = sale.id;
    const banner = part(el, 'flash-sale');
    await waitUntil(() => customElements.get('live-shop-flash-sale') !== undefined, 'the banner code was not loaded', { timeout: 5_000 });
    await waitUntil(() => banner.shadowRoot?.querySelector('[part="countdown"]') !== null, 'the player did not show the sale', { timeout: 5_000 });
    expect(banner.shadowRoot!.querySelector('[part="countdown"]')!.textContent).to.match(/^Starts in 01:0\d$/);
  });
});
