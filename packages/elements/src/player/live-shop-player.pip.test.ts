import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PipToggleDetail } from '../events.js';
import type { LiveShopShelf } from '../shelf/live-shop-shelf.js';
import { buyableProduct, fetchRoom, part, serverUrl, overlayShown } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';

defineLiveShopPlayer();

async function player(options: { width: string; noAutoPip?: boolean }): Promise<LiveShopPlayer> {
  const el = await fixture<LiveShopPlayer>(
    html`<live-shop-player lang="en" server=${serverUrl()} room="demo" layout="overlay" ?no-auto-pip=${options.noAutoPip ?? false} style="width: ${options.width}"></live-shop-player>`,
  );
  await waitUntil(() => (el.client?.$products.get().length ?? 0) > 0, 'the player did not get the products');
  await overlayShown(el);
  return el;
}

async function playing(el: LiveShopPlayer): Promise<HTMLVideoElement> {
  const video = part<HTMLVideoElement>(el, 'video');
  await waitUntil(() => video.currentTime > 0.2 && !video.paused, 'the video did not start', { timeout: 20_000 });
  return video;
}

const sheetOf = (el: LiveShopPlayer) => el.shadowRoot!.querySelector('[part="checkout"]');

/** Opens the checkout sheet the way a viewer does: the bag, then a real key press (a user activation) on Buy. */
async function buyWithATap(el: LiveShopPlayer): Promise<void> {
  const product = buyableProduct(await fetchRoom(), 1);
  part(el, 'shelf-button').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part="shelf"]'), 'the shelf did not open');
  const shelf = el.shadowRoot!.querySelector<LiveShopShelf>('[part="shelf"]')!;
  await shelf.updateComplete;
  const item = [...shelf.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) => li.querySelector('[part="name"]')!.textContent === product.name)!;
  item.querySelector<HTMLButtonElement>('[part="buy-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => sheetOf(el), 'the checkout sheet did not open');
}

function pipEvents(el: LiveShopPlayer): PipToggleDetail[] {
  const seen: PipToggleDetail[] = [];
  el.addEventListener('live-shop-pip-toggle', (event) => seen.push(event.detail));
  return seen;
}

describe('<live-shop-player> picture-in-picture under the checkout sheet', () => {
  before(async () => {
    // The Chromium these tests run in has picture-in-picture; were it ever off, these tests must fail, not pass empty.
    expect(document.pictureInPictureEnabled, 'picture-in-picture is enabled in the test browser').to.equal(true);
    await setViewport({ width: 390, height: 844 });
  });
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(async () => {
    if (document.pictureInPictureElement) await document.exitPictureInPicture();
  });

  it('on a small screen, the tap that opens the sheet puts the playing video in picture-in-picture; closing takes it out', async () => {
    const el = await player({ width: '100%' });
    const video = await playing(el);
    const events = pipEvents(el);
    await buyWithATap(el);
    await waitUntil(() => document.pictureInPictureElement === el, 'the video did not go picture-in-picture', { timeout: 5_000 });
    expect(el.shadowRoot!.pictureInPictureElement).to.equal(video);
    expect(events).to.deep.equal([{ active: true, cause: 'checkout-sheet', error: null }]);
    expect(video.paused).to.equal(false);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => sheetOf(el) === null, 'Escape did not close the sheet');
    await waitUntil(() => document.pictureInPictureElement === null, 'closing the sheet did not leave picture-in-picture', { timeout: 5_000 });
    await waitUntil(() => events.length === 2, 'no event for leaving');
    expect(events[1]).to.deep.equal({ active: false, cause: 'checkout-sheet', error: null });
  });

  it('leaves picture-in-picture the viewer chose alone when the sheet closes', async () => {
    const el = await player({ width: '100%' });
    const video = await playing(el);
    // The viewer's own picture-in-picture, from the control bar (a real key press).
    part(el, 'pip-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.pictureInPictureElement === video, 'the button did not enter picture-in-picture');
    const events = pipEvents(el);
    await buyWithATap(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => sheetOf(el) === null, 'Escape did not close the sheet');
    await el.updateComplete;
    expect(el.shadowRoot!.pictureInPictureElement).to.equal(video, 'still in the picture-in-picture the viewer chose');
    expect(events).to.deep.equal([]);
  });

  it('does nothing with no-auto-pip, or on a player wide enough for the side sheet', async () => {
    for (const options of [{ width: '100%', noAutoPip: true }, { width: '700px' }]) {
      await setViewport({ width: options.width === '700px' ? 800 : 390, height: 844 });
      const el = await player(options);
      await playing(el);
      const events = pipEvents(el);
      await buyWithATap(el);
      // The sheet is up and its reservation answered: any picture-in-picture request would have been made by now.
      await waitUntil(() => el.client!.checkout.$state.get().step === 'reserved', 'nothing was reserved');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(document.pictureInPictureElement, JSON.stringify(options)).to.equal(null);
      expect(events).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => sheetOf(el) === null, 'Escape did not close the sheet');
    }
  });
});
