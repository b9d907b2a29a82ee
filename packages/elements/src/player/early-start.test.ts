import { expect, waitUntil } from '@open-wc/testing';
import { serverUrl } from '../test/helpers.js';
import { startEarly, startPlayersEarly, stopUnclaimedEarlyStarts } from './early-start.js';
import type { LiveShopPlayer } from './live-shop-player.js';

// Its own file, so its own page: <live-shop-player> is not defined until a test imports define.js, as on a page that
// loads the script-tag bundle (whose entry starts the streams, then defines the elements).

/** Markup as a merchant writes it, in the document but not upgraded yet. */
function mount(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.append(root);
  return root;
}

/** Resolves at the next frame `video` presents. */
const nextFrame = (video: HTMLVideoElement): Promise<void> => new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));

/** Records the events that would mean the stream was stopped or restarted. */
function watchRestarts(video: HTMLVideoElement): string[] {
  const seen: string[] = [];
  for (const type of ['emptied', 'abort', 'pause']) video.addEventListener(type, () => seen.push(type));
  return seen;
}

const overlayOf = (el: Element): Element | null => el.shadowRoot!.querySelector('[part="overlay"]');

describe('early start (the script-tag entry starts streams before the elements load)', () => {
  it('plays `src` players before they are defined; defined, each goes on with the same video and stream', async () => {
    const attributes = `lang="en" server="${serverUrl()}" room="demo"`;
    const root = mount(`
      <live-shop-player ${attributes} src="/media/demo/live.m3u8" style="width: 360px"></live-shop-player>
      <live-shop-player ${attributes} style="width: 360px"></live-shop-player>
      <live-shop-player ${attributes} src="/media/demo/live.m3u8" autoplay="false"></live-shop-player>
      <live-shop-player ${attributes} src="/media/demo/live.m3u8"></live-shop-player>`);
    // Not upgraded yet: plain elements until define.js runs below.
    const players: HTMLElement[] = [...root.querySelectorAll('live-shop-player')];
    const [early, fromRoom, notAutoplaying, removed] = players as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    const firstFrames = startPlayersEarly(root);
    const video = early.shadowRoot?.querySelector('video');
    expect(video, 'the src player got its video before it was defined').to.be.instanceOf(HTMLVideoElement);
    expect(video!.getAttribute('part')).to.equal('video');
    expect(fromRoom.shadowRoot, 'no src: the stream comes with the room, later').to.equal(null);
    expect(notAutoplaying.shadowRoot, 'autoplay="false": nothing starts').to.equal(null);
    expect(startEarly(early), 'started once').to.equal(null);
    const removedVideo = removed.shadowRoot!.querySelector('video')!;
    removed.remove();

    await nextFrame(video!);
    await firstFrames;
    const restarts = watchRestarts(video!);

    const { defineLiveShopPlayer } = await import('./define.js');
    defineLiveShopPlayer();
    stopUnclaimedEarlyStarts();
    const player = early as LiveShopPlayer;
    await player.updateComplete;
    expect([...player.shadowRoot!.querySelectorAll('video')], 'the same video, and only it').to.deep.equal([video]);
    expect(player.media?.$media.get().status, 'the stream it was playing').to.equal('playing');
    expect(player.media?.$media.get().transport).to.equal('hls.js');
    await waitUntil(() => overlayOf(player), 'the overlay did not follow', { timeout: 5_000 });
    await nextFrame(video!);
    expect(restarts, 'the stream was never stopped, paused or reloaded').to.deep.equal([]);
    expect(video!.paused).to.equal(false);

    await (fromRoom as LiveShopPlayer).updateComplete;
    expect(fromRoom.shadowRoot!.querySelectorAll('video').length, 'a room player makes its own video').to.equal(1);
    await waitUntil(() => (fromRoom as LiveShopPlayer).media?.$media.get().status === 'playing', 'the room player did not play', { timeout: 20_000 });
    expect((notAutoplaying as LiveShopPlayer).media?.$media.get().status ?? 'idle').to.equal('idle');

    // Taken out before the elements loaded: stopped, its video gone; put back, it plays with a video of its own.
    expect(removed.shadowRoot!.querySelector('video'), 'the unclaimed video left').to.equal(null);
    expect(removedVideo.readyState, 'the stopped video holds nothing').to.equal(HTMLMediaElement.HAVE_NOTHING);
    root.append(removed);
    const putBack = removed as LiveShopPlayer;
    await putBack.updateComplete;
    const own = [...putBack.shadowRoot!.querySelectorAll('video')];
    expect(own.length).to.equal(1);
    expect(own[0], 'not the stopped one').to.not.equal(removedVideo);
    await waitUntil(() => putBack.media?.$media.get().status === 'playing', 'the player put back did not play', { timeout: 20_000 });
    root.remove();
  });
});
