import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { animationsSettled, part, fetchRoom, serverUrl, overlayShown } from '../test/helpers.js';
import type { LiveShopShelf } from '../shelf/live-shop-shelf.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';

defineLiveShopPlayer();

async function player(attributes: { layout?: string; theme?: string; width?: number; src?: string } = {}): Promise<LiveShopPlayer> {
  const el = await fixture<LiveShopPlayer>(
    html`<live-shop-player
      lang="en"
      server=${serverUrl()}
      room="demo"
      layout=${attributes.layout ?? 'vertical'}
      theme=${attributes.theme ?? 'light'}
      src=${attributes.src ?? ''}
      style="width: ${attributes.width ?? 360}px"
    ></live-shop-player>`,
  );
  await el.updateComplete;
  await overlayShown(el);
  return el;
}

async function playing(el: LiveShopPlayer): Promise<HTMLVideoElement> {
  const video = part<HTMLVideoElement>(el, 'video');
  await waitUntil(() => video.currentTime > 0.2 && !video.paused, 'the video did not start', { timeout: 20_000 });
  return video;
}

const label = (el: LiveShopPlayer, name: string) => part(el, name).getAttribute('aria-label');

describe('<live-shop-player> controls', () => {
  afterEach(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  it('plays and pauses with the button, Space and K', async () => {
    const el = await player();
    const video = await playing(el);
    expect(label(el, 'play-pause-button')).to.equal('Pause');

    part(el, 'play-pause-button').click();
    await waitUntil(() => video.paused, 'the button did not pause');
    await waitUntil(() => label(el, 'play-pause-button') === 'Play', 'the button still says Pause');
    part(el, 'play-pause-button').click();
    await waitUntil(() => !video.paused, 'the button did not play');

    video.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => video.paused, 'Space did not pause');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !video.paused, 'Space did not play');
    await sendKeys({ press: 'k' });
    await waitUntil(() => video.paused, 'K did not pause');
    await sendKeys({ press: 'k' });
    await waitUntil(() => !video.paused, 'K did not play');
  });

  it('mutes and unmutes with the button and M, and the slider sets the volume', async () => {
    const el = await player();
    const video = await playing(el);
    expect(video.muted).to.equal(true);
    const mute = part(el, 'mute-button');
    expect(mute.getAttribute('aria-pressed')).to.equal('true');

    mute.click();
    await el.updateComplete;
    expect(video.muted).to.equal(false);
    expect(mute.getAttribute('aria-pressed')).to.equal('false');

    video.focus();
    await sendKeys({ press: 'm' });
    await el.updateComplete;
    expect(video.muted).to.equal(true);
    expect(el.muted).to.equal(true);

    const slider = part<HTMLInputElement>(el, 'volume');
    expect(slider.value).to.equal('0');
    slider.value = '0.4';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(video.volume).to.be.closeTo(0.4, 0.001);
    expect(video.muted).to.equal(false);
    expect(slider.getAttribute('aria-valuetext')).to.equal('40%');
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(video.muted).to.equal(true);
  });

  it('leaves keys typed into the chat alone', async () => {
    const el = await player();
    const video = await playing(el);
    const chat = part(el, 'chat');
    const input = chat.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!;
    input.focus();
    await sendKeys({ type: 'mkf ' });
    expect(input.value).to.equal('mkf ');
    expect(video.paused).to.equal(false);
    expect(video.muted).to.equal(true);
    expect(document.fullscreenElement).to.equal(null);
  });

  it('goes full screen with F and the button, and comes back', async () => {
    const el = await player();
    await playing(el);
    part(el, 'video').focus();
    await sendKeys({ press: 'f' });
    await waitUntil(() => document.fullscreenElement === el, 'F did not go full screen');
    // The label follows the document's fullscreenchange event, which comes just after.
    await waitUntil(() => label(el, 'fullscreen-button') === 'Exit full screen', 'the button did not say Exit full screen');
    // A real click (a user gesture) on the button leaves full screen.
    part(el, 'fullscreen-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => document.fullscreenElement === null, 'the button did not leave full screen');
    await waitUntil(() => label(el, 'fullscreen-button') === 'Full screen', 'the button did not say Full screen');
  });

  it('offers picture-in-picture exactly where the browser has it, and enters it', async () => {
    const el = await player();
    const video = await playing(el);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pip-button"]');
    expect(button !== null).to.equal(document.pictureInPictureEnabled);
    if (!button) return;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'did not enter picture-in-picture');
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true', 'the button did not show picture-in-picture');
    expect(button.getAttribute('aria-label')).to.equal('Exit picture in picture');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => document.pictureInPictureElement === null, 'did not leave picture-in-picture');
  });

  it('shows how far behind live the picture is, from the media latency', async () => {
    const el = await player();
    await playing(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="latency"]'), 'no latency shown', { timeout: 15_000 });
    const latencyMs = el.media!.$media.get().latencyMs!;
    await el.updateComplete;
    expect(part(el, 'latency').textContent).to.match(/^\d+\.\d s behind$/);
    expect(latencyMs).to.be.greaterThan(0);
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(part(el, 'latency').textContent).to.match(/^延迟 \d+\.\d 秒$/);
    expect(label(el, 'play-pause-button')).to.equal('暂停');
  });

  it('plays the src URL instead of the room stream', async () => {
    const room = await fetchRoom();
    const src = `${room.room.hls}?from=src-attribute`;
    // The page's resource timing buffer (250 entries) fills up over the earlier tests' playlists and segments.
    performance.clearResourceTimings();
    const el = await player({ src });
    await playing(el);
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded).to.include(`${serverUrl()}${src}`);
  });

  it('lays out as vertical 9:16, overlay 16:9 and side with a panel, by attribute only', async () => {
    // Vertical: 9:16, centred, never wider than --live-shop-vertical-max-width (480px).
    expect((await player({ layout: 'vertical', width: 900 })).getBoundingClientRect().width).to.equal(480);
    let box = (await player({ layout: 'vertical', width: 300 })).getBoundingClientRect();
    expect(box.height / box.width).to.be.closeTo(16 / 9, 0.02);

    const overlay = await player({ layout: 'overlay', width: 640 });
    box = overlay.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(16 / 9, 0.02);
    expect(part(overlay, 'video').getBoundingClientRect().width).to.equal(640);

    const side = await player({ layout: 'side', width: 960 });
    await waitUntil(() => side.shadowRoot!.querySelector('[part="chat"]'), 'no chat');
    const video = part(side, 'video').getBoundingClientRect();
    const chat = part(side, 'chat').getBoundingClientRect();
    expect(video.width).to.equal(960 - 320);
    expect(chat.left).to.be.at.least(video.right);
  });

  it('switches the panels to dark with theme="dark", CSS only, and the page can still override', async () => {
    const el = await player({ theme: 'dark' });
    part(el, 'shelf-button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="shelf"]'), 'the shelf did not open');
    const shelf = part<LiveShopShelf>(el, 'shelf');
    await shelf.updateComplete;
    expect(getComputedStyle(part(shelf, 'base')).backgroundColor).to.equal('rgb(28, 28, 30)');
    el.style.setProperty('--live-shop-surface', '#102030');
    expect(getComputedStyle(part(shelf, 'base')).backgroundColor).to.equal('rgb(16, 32, 48)');
    await animationsSettled(el);
    await expect(el).to.be.accessible();
  });

  for (const layout of ['vertical', 'overlay', 'side']) {
    for (const theme of ['light', 'dark']) {
      it(`passes an axe accessibility audit in the ${layout} layout, ${theme} theme`, async () => {
        const el = await player({ layout, theme, width: 720 });
        await playing(el);
        await animationsSettled(el);
        await expect(el).to.be.accessible();
      });
    }
  }
});
