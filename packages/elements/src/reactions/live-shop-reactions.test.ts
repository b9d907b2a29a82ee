import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LiveShopClient } from '@live-shop/core';
import { defineLiveShopPlayer } from '../player/define.js';
import type { LiveShopPlayer } from '../player/live-shop-player.js';
import { connectedClient, disposeClients, part } from '../test/helpers.js';
import { defineLiveShopReactions } from './define.js';
import type { LiveShopReactions } from './live-shop-reactions.js';

defineLiveShopReactions();
defineLiveShopPlayer();

async function reactions(client: LiveShopClient, lang = 'en', style = ''): Promise<LiveShopReactions> {
  // Room above the button for the hearts to float in.
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="padding-top: 240px"><live-shop-reactions lang=${lang} style=${style} .client=${client}></live-shop-reactions></div>`,
  );
  const el = wrapper.querySelector('live-shop-reactions');
  if (!el) throw new Error('no <live-shop-reactions> rendered');
  await el.updateComplete;
  return el;
}

const hearts = (el: LiveShopReactions, kind: 'mine' | 'burst') => el.shadowRoot!.querySelectorAll(`[part~="${kind}-heart"]`).length;

describe('<live-shop-reactions>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    disposeClients();
  });

  it('taps from the keyboard, floats the own heart at once and the room burst that follows, and passes axe', async () => {
    const client = await connectedClient();
    const el = await reactions(client);
    const button = part<HTMLButtonElement>(el, 'button');
    expect(button.getAttribute('aria-label')).to.equal('Send a heart');
    const before = client.$reactions.get().total;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(hearts(el, 'mine')).to.equal(2);
    // The two taps come back inside the room's burst(s), which float too.
    await waitUntil(() => client.$reactions.get().total - before >= 2, 'no burst came back', { timeout: 5000 });
    await waitUntil(() => hearts(el, 'burst') > 0, 'the burst floated no heart', { timeout: 2000 });
    await expect(el).to.be.accessible();
  });

  it('floats a burst from other viewers, capped per burst, and removes each heart when its animation ends', async () => {
    const viewer = await connectedClient();
    const other = await connectedClient();
    const el = await reactions(viewer, 'en', '--live-shop-reactions-duration: 150ms');
    el.maxPerBurst = 3;
    const before = viewer.$reactions.get().total;
    other.sendReaction(20);
    await waitUntil(() => viewer.$reactions.get().total - before >= 20, 'the burst did not arrive', { timeout: 5000 });
    await el.updateComplete;
    const floated = hearts(el, 'burst');
    expect(floated).to.be.within(1, 3);
    await waitUntil(() => hearts(el, 'burst') === 0, 'hearts stayed after their animation', { timeout: 3000 });
  });

  it('fades hearts in place under prefers-reduced-motion, and labels the button in Chinese', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const client = await connectedClient();
    const el = await reactions(client, 'zh-CN');
    const button = part<HTMLButtonElement>(el, 'button');
    expect(button.getAttribute('aria-label')).to.equal('点赞');
    button.click();
    await el.updateComplete;
    const heart = el.shadowRoot!.querySelector<HTMLElement>('[part~="mine-heart"]')!;
    expect(getComputedStyle(heart).animationName).to.equal('fade');
  });
});

describe('<live-shop-player> with reactions and viewer count', () => {
  afterEach(() => disposeClients());

  it('shows the viewer count next to the live badge and the heart button above the bag button', async () => {
    const client = await connectedClient();
    const el = await fixture<LiveShopPlayer>(html`<live-shop-player lang="en" .client=${client} style="width: 360px"></live-shop-player>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="viewer-count"]') !== null, 'no viewer count', { timeout: 5000 });
    const count = client.$viewerCount.get();
    expect(part(el, 'viewer-count').textContent).to.equal(`${count} watching`);
    const hearts = part<LiveShopReactions>(el, 'reactions');
    expect(hearts.client).to.equal(client);
    const heartsBox = hearts.getBoundingClientRect();
    const bagBox = part(el, 'shelf-button').getBoundingClientRect();
    expect(heartsBox.bottom).to.be.at.most(bagBox.top);
    expect(Math.abs(heartsBox.right - bagBox.right)).to.be.below(2);
    const other = await connectedClient();
    await waitUntil(() => part(el, 'viewer-count').textContent === `${(count ?? 0) + 1} watching`, 'the count did not follow', { timeout: 5000 });
    other.dispose();
  });
});
