import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { recordSockets, serverUrl } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';

defineLiveShopPlayer();

const overlayOf = (el: LiveShopPlayer): Element | null => el.shadowRoot!.querySelector('[part="overlay"]');

/** The media proxy in front of the test server's HLS, up or down (503). */
async function mediaProxy(down: boolean): Promise<string> {
  const answer = await executeServerCommand<{ url: string } | undefined, undefined>('live-shop-media-proxy');
  if (!answer?.url) throw new Error('live-shop-media-proxy returned no URL');
  await executeServerCommand('live-shop-media-outage', { down, mode: '503' });
  return answer.url;
}

describe('<live-shop-player> media first', () => {
  afterEach(() => mediaProxy(false));

  it('shows the video alone until its first frame, and with `src` opens the room only after it', async () => {
    const recorded = recordSockets();
    try {
      const el = await fixture<LiveShopPlayer>(
        html`<live-shop-player lang="en" server=${serverUrl()} room="demo" src="/media/demo/live.m3u8" style="width: 360px"></live-shop-player>`,
      );
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="video"]'), 'the video renders at once').to.not.equal(null);
      expect(overlayOf(el), 'no overlay before the first frame').to.equal(null);
      let socketsAtFirstFrame = -1;
      const unsubscribe = el.media!.$media.subscribe((state) => {
        if (state.status === 'playing' && socketsAtFirstFrame < 0) socketsAtFirstFrame = recorded.sockets.length;
      });
      try {
        await waitUntil(() => socketsAtFirstFrame >= 0, 'the video did not play', { timeout: 20_000 });
      } finally {
        unsubscribe();
      }
      expect(socketsAtFirstFrame, 'sockets opened before the first frame').to.equal(0);
      await waitUntil(() => overlayOf(el), 'the overlay did not follow the first frame');
      await waitUntil(() => el.client?.$connection.get().status === 'open', 'the room did not connect after the first frame', { timeout: 10_000 });
      expect(el.client!.$products.get().length, 'the room snapshot arrived').to.be.greaterThan(0);
    } finally {
      recorded.restore();
    }
  });

  it('shows everything after at most a second when the first frame does not come', async () => {
    const proxy = await mediaProxy(true);
    const el = await fixture<LiveShopPlayer>(
      html`<live-shop-player lang="en" server=${serverUrl()} room="demo" src=${`${proxy}/media/demo/live.m3u8`} style="width: 360px"></live-shop-player>`,
    );
    await el.updateComplete;
    expect(overlayOf(el), 'no overlay at first').to.equal(null);
    await waitUntil(() => overlayOf(el), 'the overlay waited for a stream that is down', { timeout: 3_000 });
    expect(el.media!.$media.get().status, 'released by the bound, not by a frame').to.not.equal('playing');
    await waitUntil(() => el.client?.$connection.get().status === 'open', 'the room did not connect', { timeout: 10_000 });
  });

  it('renders everything at once when it does not autoplay', async () => {
    const el = await fixture<LiveShopPlayer>(
      html`<live-shop-player lang="en" server=${serverUrl()} room="demo" autoplay="false" style="width: 360px"></live-shop-player>`,
    );
    await el.updateComplete;
    expect(overlayOf(el), 'the overlay with the first render').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part="play-button"]')).to.not.equal(null);
  });
});
