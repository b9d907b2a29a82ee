import { expect } from '@open-wc/testing';
import { serverUrl } from '../test/helpers.js';
import { startPlayersEarly, stopUnclaimedEarlyStarts } from './early-start.js';
import type { LiveShopPlayer } from './live-shop-player.js';

// Its own file, so its own page: the players must still be undefined when the early start gives them a shadow root.
// The early start adopts the player's frame styles alone (frame.styles.ts); the player adopts all of its styles when
// it upgrades. Neither the player's box nor its video may move or change size then, in any layout.

type Box = Pick<DOMRect, 'x' | 'y' | 'width' | 'height'>;
const boxOf = (element: Element): Box => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};
const videoOf = (player: Element): HTMLVideoElement => player.shadowRoot!.querySelector('video')!;

describe('early start styles (the frame alone until the player upgrades)', () => {
  it('keeps the box and the video where they were when the player upgrades, in every layout; a hidden player stays hidden', async () => {
    const attributes = `server="${serverUrl()}" room="demo" src="/media/demo/live.m3u8"`;
    const root = document.createElement('div');
    root.innerHTML = `
      <live-shop-player ${attributes} style="width: 360px"></live-shop-player>
      <live-shop-player ${attributes} layout="overlay" style="width: 640px"></live-shop-player>
      <live-shop-player ${attributes} layout="side" style="width: 800px; --live-shop-side-width: 300px"></live-shop-player>
      <live-shop-player ${attributes} layout="vertical" style="--live-shop-vertical-max-width: 320px"></live-shop-player>
      <live-shop-player ${attributes} hidden></live-shop-player>`;
    document.body.append(root);
    const players = [...root.querySelectorAll('live-shop-player')];
    const hidden = players.at(-1)!;
    const shown = players.slice(0, -1);

    const firstFrames = startPlayersEarly(root);
    const before = shown.map((player) => ({ host: boxOf(player), video: boxOf(videoOf(player)) }));
    for (const [index, { host, video }] of before.entries()) {
      expect(host.width * host.height, `player ${index} has a box before it is defined`).to.be.greaterThan(0);
      expect(video, `player ${index}: the video fills its place before the player is defined`).to.not.deep.equal({ x: 0, y: 0, width: 0, height: 0 });
    }
    // The side layout's video leaves the side panel's width free, as the full styles do.
    expect(before[2]!.video.width).to.equal(500);
    expect(getComputedStyle(hidden).display, 'hidden before the upgrade too').to.equal('none');

    const { defineLiveShopPlayer } = await import('./define.js');
    defineLiveShopPlayer();
    stopUnclaimedEarlyStarts();
    await Promise.all(players.map((player) => (player as LiveShopPlayer).updateComplete));
    const after = shown.map((player) => ({ host: boxOf(player), video: boxOf(videoOf(player)) }));
    expect(after, 'nothing moved or changed size when the full styles came').to.deep.equal(before);
    expect(getComputedStyle(hidden).display).to.equal('none');

    await firstFrames;
    root.remove();
  });
});
