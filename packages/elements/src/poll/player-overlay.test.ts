import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineLiveShopPlayer } from '../player/define.js';
import type { LiveShopPlayer } from '../player/live-shop-player.js';
import { connectedClient, disposeClients, part, token, overlayShown } from '../test/helpers.js';
import type { LiveShopPoll } from './live-shop-poll.js';

// Only the player is defined here: the engagement elements must arrive by themselves.
defineLiveShopPlayer();

describe('<live-shop-player> with the engagement overlays', () => {
  afterEach(() => disposeClients());

  it('loads the poll element when its room first has a poll and shows the host’s poll over the video', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const player = await fixture<LiveShopPlayer>(html`<live-shop-player lang="en" .client=${viewer} style="width: 480px"></live-shop-player>`);
    await overlayShown(player);
    await host.engagement.openPoll({ question: 'In the player?', options: ['Yes', 'No'] });
    // The poll reaches the player when its picture does (latency-aligned events): seconds behind on HLS.
    await waitUntil(() => customElements.get('live-shop-poll') !== undefined, 'the poll element was not loaded', { timeout: 15_000 });
    expect(customElements.get('live-shop-lottery'), 'its siblings come in the same chunk').to.not.equal(undefined);
    const composed = part<LiveShopPoll>(player, 'poll');
    expect(composed.client, 'the client set before the upgrade is kept').to.equal(viewer);
    await waitUntil(() => composed.shadowRoot?.querySelector('[part="question"]')?.textContent?.includes('In the player?'), 'no poll in the player', {
      timeout: 15_000,
    });
    const box = composed.getBoundingClientRect();
    const video = part(player, 'video').getBoundingClientRect();
    expect(box.top).to.be.at.least(video.top);
    expect(box.left).to.be.at.least(video.left);
    expect(box.width).to.be.greaterThan(100);
    // The rain covers the video above the bottom controls, and lets taps through where no envelope is.
    await host.engagement.startRedEnvelopeRain({ amount: 100, currency: 'CNY', quota: 3, durationMs: 5000 });
    const rain = part(player, 'red-envelope');
    await waitUntil(() => rain.shadowRoot?.querySelector('[part="grab-button"]') !== null, 'no rain in the player', { timeout: 15_000 });
    expect(getComputedStyle(rain).pointerEvents).to.equal('none');
    await host.engagement.closePoll();
  });
});
