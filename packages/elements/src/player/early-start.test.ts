import { expect, waitUntil } from '@open-wc/testing';
import { serverUrl } from '../test/helpers.js';
import { startEarly, startPlayersEarly, stopUnclaimedEarlyStarts } from './early-start.js';
import { requestRoomMedia } from './room-media-request.js';
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
  it('plays `src` and room players before they are defined; defined, each goes on with the same video and stream', async () => {
    const attributes = `lang="en" server="${serverUrl()}" room="demo"`;
    const root = mount(`
      <live-shop-player ${attributes} src="/media/demo/live.m3u8" style="width: 360px"></live-shop-player>
      <live-shop-player ${attributes} style="width: 360px"></live-shop-player>
      <live-shop-player ${attributes} src="/media/demo/live.m3u8" autoplay="false"></live-shop-player>
      <live-shop-player ${attributes} src="/media/demo/live.m3u8"></live-shop-player>
      <live-shop-player ${attributes} style="width: 200px"></live-shop-player>`);
    // Not upgraded yet: plain elements until define.js runs below.
    const players: HTMLElement[] = [...root.querySelectorAll('live-shop-player')];
    const [early, fromRoom, notAutoplaying, removed, asksItself] = players as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    // As the script-tag entry does: the room media requests go first; one player's is left out, so its early start
    // asks the server itself (as for a server the entry does not ask, see room-media-request.ts).
    const roomMedia = requestRoomMedia(document);
    expect([...roomMedia.keys()]).to.deep.equal([fromRoom, asksItself]);
    roomMedia.delete(asksItself);
    const firstFrames = startPlayersEarly(root, roomMedia);
    const video = early.shadowRoot?.querySelector('video');
    expect(video, 'the src player got its video before it was defined').to.be.instanceOf(HTMLVideoElement);
    expect(video!.getAttribute('part')).to.equal('video');
    const roomVideo = fromRoom.shadowRoot?.querySelector('video');
    expect(roomVideo, 'a room player got its video too (its stream comes from the room media API)').to.be.instanceOf(HTMLVideoElement);
    expect(notAutoplaying.shadowRoot, 'autoplay="false": nothing starts').to.equal(null);
    expect(startEarly(early), 'started once').to.equal(null);
    const removedVideo = removed.shadowRoot!.querySelector('video')!;
    removed.remove();

    await nextFrame(video!);
    await nextFrame(roomVideo!);
    await nextFrame(asksItself.shadowRoot!.querySelector('video')!);
    await firstFrames;
    const restarts = watchRestarts(video!);
    const roomRestarts = watchRestarts(roomVideo!);

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

    const roomPlayer = fromRoom as LiveShopPlayer;
    await roomPlayer.updateComplete;
    expect([...fromRoom.shadowRoot!.querySelectorAll('video')], 'the room player keeps its early video').to.deep.equal([roomVideo]);
    expect(roomPlayer.media?.$media.get().status, 'playing the room\'s stream').to.equal('playing');
    // The room's snapshot names the same stream: the player keeps playing it rather than starting over.
    await waitUntil(() => roomPlayer.client?.$connection.get().status === 'open', 'the room player did not connect', { timeout: 10_000 });
    await waitUntil(() => overlayOf(roomPlayer), 'the room player\'s overlay did not follow', { timeout: 5_000 });
    await nextFrame(roomVideo!);
    expect(roomRestarts, 'the room stream was never stopped, paused or reloaded').to.deep.equal([]);
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
