import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LiveShopChat } from './live-shop-chat.js';
import { connectedClient, disposeClients, serverUrl, overlayShown } from '../test/helpers.js';
import { defineLiveShopPlayer } from '../player/define.js';
import type { LiveShopPlayer } from '../player/live-shop-player.js';
import { defineLiveShopNotices } from '../notices/define.js';
import type { LiveShopNotices } from '../notices/live-shop-notices.js';

// The chat's danmaku and the notices composed into the player (define.ts registers the notices; so do we).
defineLiveShopPlayer();
defineLiveShopNotices();

describe('<live-shop-player chat-mode="danmaku"> with notices', () => {
  afterEach(() => disposeClients());

  it('flies new chat across the video area and shows join notices above the chat', async () => {
    const el = await fixture<LiveShopPlayer>(
      html`<live-shop-player lang="en" chat-mode="danmaku" server=${serverUrl()} room="demo" style="width: 360px"></live-shop-player>`,
    );
    await waitUntil(() => el.client?.$connection.get().status === 'open', 'the player joined', { timeout: 10_000 });
    await overlayShown(el);
    const chat = el.shadowRoot!.querySelector<LiveShopChat>('[part="chat"]')!;
    const notices = el.shadowRoot!.querySelector<LiveShopNotices>('[part="notices"]')!;
    expect(chat.mode).to.equal('danmaku');
    await chat.updateComplete;

    const writer = await connectedClient({ name: `writer${Date.now() % 1000}` });
    await waitUntil(() => notices.shadowRoot!.querySelector('[part~="join-notice"]') !== null, 'a join notice', { timeout: 5000 });
    const text = `over the video ${Date.now()}`;
    await writer.sendChat(text);
    await waitUntil(
      () => [...chat.shadowRoot!.querySelectorAll('[part~="bullet"]')].some((b) => b.textContent?.includes(text)),
      'the comment flies',
    );
    // The danmaku layer spans the video's width, not the chat strip's.
    const layer = chat.shadowRoot!.querySelector<HTMLElement>('[part="danmaku"]')!.getBoundingClientRect();
    const video = el.shadowRoot!.querySelector<HTMLElement>('[part="video"]')!.getBoundingClientRect();
    expect(Math.round(layer.width)).to.equal(Math.round(video.width));
    expect(layer.top).to.be.greaterThanOrEqual(video.top);
  });
});
