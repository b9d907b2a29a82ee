import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { WhipPublisher } from '@live-shop/core';
import { part, serverUrl, token } from '../test/helpers.js';
import { defineLiveShopPlayer } from './define.js';
import type { LiveShopPlayer } from './live-shop-player.js';

defineLiveShopPlayer();

/** Resolves at the next frame the video presents, or rejects after `ms`. */
function nextFrame(video: HTMLVideoElement, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no video frame in ${ms} ms`)), ms);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('<live-shop-player> follows the host between HLS and WebRTC', () => {
  let camera: MediaStream | null = null;
  let publisher: WhipPublisher | null = null;

  afterEach(async () => {
    if (publisher && publisher.state !== 'stopped') await publisher.stop();
    publisher = null;
    for (const track of camera?.getTracks() ?? []) track.stop();
    camera = null;
  });

  it('switches an HLS viewer to WebRTC when the host starts publishing, and back to HLS when it stops, in the same video', async () => {
    const el = await fixture<LiveShopPlayer>(html`<live-shop-player lang="en" server=${serverUrl()} room="demo" style="width: 360px"></live-shop-player>`);
    const video = part<HTMLVideoElement>(el, 'video');
    const transport = () => el.media?.$media.get();
    await waitUntil(() => transport()?.transport === 'hls.js' && transport()?.status === 'playing', 'HLS did not start', { timeout: 20_000 });

    camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    publisher = new WhipPublisher({ url: `${serverUrl()}/whip/demo`, token: await token('host') });
    await publisher.start(camera);
    // `room.media` reaches the player's client; the player tries WHEP first from then on.
    await waitUntil(() => transport()?.transport === 'whep' && transport()?.status === 'playing', `still on ${transport()?.transport}`, { timeout: 15_000 });
    expect(part<HTMLVideoElement>(el, 'video'), 'the same video element').to.equal(video);
    expect(video.srcObject).to.be.instanceOf(MediaStream);
    await nextFrame(video);

    await publisher.stop();
    await waitUntil(() => transport()?.transport === 'hls.js' && transport()?.status === 'playing', `still on ${transport()?.transport}`, { timeout: 20_000 });
    expect(video.srcObject).to.equal(null);
    const from = video.currentTime;
    await waitUntil(() => video.currentTime > from + 0.5, 'HLS did not move on after the host left', { timeout: 15_000 });
  });
});
