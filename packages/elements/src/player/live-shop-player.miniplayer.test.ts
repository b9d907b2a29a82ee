import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { animationsSettled, overlayShown, part, serverUrl } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';
import { dockForKey, nearestDock, parseDock } from './miniplayer.js';

defineLiveShopPlayer();

const MARGIN = 16;

async function pagePlayer(options: { dir?: string; src?: string } = {}): Promise<LiveShopPlayer> {
  // A long merchant page: the player sits at the top, the page scrolls far below it.
  const page = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <live-shop-player lang="en" server=${serverUrl()} room="demo" layout="overlay" src=${options.src ?? ''} style="width: 480px"></live-shop-player>
    <div style="height: 3000px"></div>
  </div>`);
  const el = page.querySelector('live-shop-player')!;
  await el.updateComplete;
  await overlayShown(el);
  return el;
}

function near(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).to.be.below(2);
}

/** Where the player is: which viewport corner it is docked to, measured. */
function corner(el: LiveShopPlayer): string {
  const box = el.getBoundingClientRect();
  const vertical = Math.abs(box.bottom - (innerHeight - MARGIN)) < 2 ? 'bottom' : Math.abs(box.top - MARGIN) < 2 ? 'top' : 'none';
  const horizontal = Math.abs(box.right - (document.documentElement.clientWidth - MARGIN)) < 2 ? 'right' : Math.abs(box.left - MARGIN) < 2 ? 'left' : 'none';
  return `${vertical}-${horizontal}`;
}

async function settled(el: LiveShopPlayer): Promise<void> {
  await el.updateComplete;
  // The dock change animates `translate` only while dragging; positions apply at once otherwise.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('<live-shop-player> miniplayer', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('maps keys and points to corners, mirrored in RTL', () => {
    const dock = parseDock('end-end');
    expect(dockForKey(dock, 'ArrowUp', false)).to.deep.equal({ block: 'start', inline: 'end' });
    expect(dockForKey(dock, 'ArrowLeft', false)).to.deep.equal({ block: 'end', inline: 'start' });
    expect(dockForKey(dock, 'ArrowLeft', true)).to.deep.equal({ block: 'end', inline: 'end' });
    expect(dockForKey(dock, 'Enter', false)).to.equal(null);
    expect(nearestDock(10, 10, 800, 600, false)).to.deep.equal({ block: 'start', inline: 'start' });
    expect(nearestDock(10, 10, 800, 600, true)).to.deep.equal({ block: 'start', inline: 'end' });
    expect(parseDock('nonsense')).to.deep.equal({ block: 'end', inline: 'end' });
  });

  it('floats docked in a corner from the control bar, stays there while the page scrolls, and comes back', async () => {
    const el = await pagePlayer();
    const button = part<HTMLButtonElement>(el, 'miniplayer-button');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Mini player');
    const heard = oneEvent(el, 'live-shop-miniplayer-toggle');
    button.click();
    expect((await heard).detail).to.deep.equal({ miniplayer: true });
    await settled(el);
    expect(el.hasAttribute('miniplayer')).to.equal(true);
    expect(getComputedStyle(el).position).to.equal('fixed');
    expect(corner(el)).to.equal('bottom-right');
    expect(el.getBoundingClientRect().width).to.be.at.most(321);
    expect(part(el, 'miniplayer-button').getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'miniplayer-button').getAttribute('aria-label')).to.equal('Leave the mini player');

    window.scrollTo(0, 1500);
    await settled(el);
    expect(window.scrollY).to.be.above(1000);
    expect(corner(el)).to.equal('bottom-right');
    // The same element, not a copy: the video keeps its state.
    expect(el.isConnected).to.equal(true);
    await animationsSettled(el);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'miniplayer-button').click();
    await settled(el);
    expect(getComputedStyle(el).position).to.equal('relative');
    expect(el.shadowRoot!.querySelector('[part="miniplayer-handle"]')).to.equal(null);
  });

  it('moves corner to corner with the arrow keys on its handle, mirrored in RTL', async () => {
    const el = await pagePlayer();
    el.toggleMiniplayer(true);
    await settled(el);
    const handle = part<HTMLButtonElement>(el, 'miniplayer-handle');
    expect(handle.getAttribute('aria-label')).to.equal('Move the mini player (arrow keys)');
    handle.focus();
    await sendKeys({ press: 'ArrowUp' });
    await settled(el);
    expect(el.getAttribute('miniplayer-dock')).to.equal('start-end');
    expect(corner(el)).to.equal('top-right');
    await sendKeys({ press: 'ArrowLeft' });
    await settled(el);
    expect(corner(el)).to.equal('top-left');
    // Arrow keys on the handle move it; they are not the player's shortcuts and do not scroll the page.
    expect(window.scrollY).to.equal(0);

    const rtl = await pagePlayer({ dir: 'rtl' });
    rtl.toggleMiniplayer(true);
    await settled(rtl);
    // RTL: the inline end is on the left.
    expect(corner(rtl)).to.equal('bottom-left');
    part<HTMLButtonElement>(rtl, 'miniplayer-handle').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(rtl);
    expect(rtl.getAttribute('miniplayer-dock')).to.equal('end-start');
    expect(corner(rtl)).to.equal('bottom-right');
    el.toggleMiniplayer(false);
    rtl.toggleMiniplayer(false);
  });

  it('follows a real mouse drag of its handle and docks to the nearest corner on release', async () => {
    const el = await pagePlayer();
    el.toggleMiniplayer(true);
    await settled(el);
    const box = part(el, 'miniplayer-handle').getBoundingClientRect();
    const start: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] - 200, start[1] - 100] });
    await settled(el);
    // Mid-drag it follows the pointer.
    expect(el.hasAttribute('miniplayer-dragging')).to.equal(true);
    near(el.getBoundingClientRect().left, document.documentElement.clientWidth - MARGIN - el.getBoundingClientRect().width - 200, 'left while dragging');
    await sendMouse({ type: 'move', position: [40, 40] });
    await sendMouse({ type: 'up' });
    await settled(el);
    expect(el.hasAttribute('miniplayer-dragging')).to.equal(false);
    expect(el.getAttribute('miniplayer-dock')).to.equal('start-start');
    expect(corner(el)).to.equal('top-left');
    el.toggleMiniplayer(false);
  });
});

describe('<live-shop-player> in a right-to-left page', () => {
  it('mirrors its layout: bag button and reactions on the left, controls at the inline end', async () => {
    const el = await pagePlayer({ dir: 'rtl' });
    const box = el.getBoundingClientRect();
    const middle = box.left + box.width / 2;
    expect(part(el, 'shelf-button').getBoundingClientRect().right).to.be.below(middle);
    // The control bar sits at the inline end: the left edge in RTL (12px padding + a little).
    expect(part(el, 'controls').getBoundingClientRect().left - box.left).to.be.below(30);
    const ltr = await pagePlayer();
    const ltrBox = ltr.getBoundingClientRect();
    expect(part(ltr, 'shelf-button').getBoundingClientRect().left).to.be.above(ltrBox.left + ltrBox.width / 2);
    await animationsSettled(el);
    await expect(el).to.be.accessible();
  });
});

describe('<live-shop-player> quality menu', () => {
  it('shows no menu for a single-rendition stream, and one for a stream with several that switches rendition', async () => {
    const single = await pagePlayer();
    await waitUntil(() => single.media?.$media.get().status === 'playing', 'the demo stream did not play', { timeout: 20_000 });
    expect(single.media!.$quality.get().levels.length).to.be.at.most(1);
    expect(single.shadowRoot!.querySelector('[part="quality"]')).to.equal(null);
    single.remove();

    // A multivariant playlist offering the demo stream as two renditions (same media, different labels).
    const media = new URL('/media/demo/live.m3u8', serverUrl()).href;
    const master = [
      '#EXTM3U',
      '#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720',
      media,
      '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360',
      `${media}?rendition=low`,
      '',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([master], { type: 'application/vnd.apple.mpegurl' }));
    try {
      const el = await pagePlayer({ src: url });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="quality"]'), 'no quality menu', { timeout: 20_000 });
      const select = part<HTMLSelectElement>(el, 'quality');
      expect(select.getAttribute('aria-label')).to.equal('Quality');
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Auto', '720p', '360p']);
      expect(select.value).to.equal('-1');
      const low = [...select.options].find((o) => o.textContent === '360p')!;
      const lowIndex = el.media!.$quality.get().levels.find((level) => level.height === 360)!.index;
      expect(low.value).to.equal(String(lowIndex));
      // Picked with the keyboard, as a viewer would: focus the menu and arrow down to the last option.
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => el.media!.$quality.get().selected === lowIndex, `360p not picked (selected ${el.media!.$quality.get().selected})`);
      await el.updateComplete;
      expect(part<HTMLSelectElement>(el, 'quality').value).to.equal(String(lowIndex));
      // A rendition the stream does not have is refused.
      el.media!.setQuality(7);
      expect(el.media!.$quality.get().selected).to.equal(lowIndex);
      await animationsSettled(el);
      await expect(el).to.be.accessible();
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
