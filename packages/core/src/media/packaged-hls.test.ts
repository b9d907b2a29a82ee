import { expect, waitUntil } from '@open-wc/testing';
import { connectedClient, disposeClients, mountPlayer, nextFrame, serverUrl, token, unmountPlayers, until } from '../test/helpers.js';
import { WhipPublisher } from './whip.js';

describe("the host's WebRTC packaged into HLS by the server (ffmpeg)", () => {
  let camera: MediaStream | null = null;
  let publisher: WhipPublisher | null = null;

  afterEach(async () => {
    unmountPlayers();
    if (publisher && publisher.state !== 'stopped') await publisher.stop();
    publisher = null;
    for (const track of camera?.getTracks() ?? []) track.stop();
    camera = null;
    disposeClients();
  });

  it('names the packaged playlist in room.hls while the host publishes, serves it with program-date-time, and it plays', async () => {
    const viewer = await connectedClient();
    const ownHls = viewer.$room.get()?.hls;
    expect(ownHls).to.equal('/media/demo/live.m3u8');

    camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    publisher = new WhipPublisher({ url: `${serverUrl()}/whip/demo`, token: await token('host') });
    await publisher.start(camera);
    const room = await until(viewer.$room, (info) => info?.whep !== undefined && info.hls !== ownHls, 15_000);
    expect(room?.hls).to.equal('/media/demo/webrtc/live.m3u8');

    const playlistUrl = viewer.resolveUrl(room?.hls ?? '');
    const playlist = await (await fetch(playlistUrl)).text();
    expect(playlist).to.match(/^#EXTM3U/);
    expect(playlist).to.match(/#EXT-X-PROGRAM-DATE-TIME:\d{4}-/);
    expect(playlist).to.match(/seg-\d+\.ts/);

    const { video, controller } = mountPlayer(undefined, { muted: true });
    viewer.attachMedia(controller);
    await controller.play([{ type: 'hls', url: playlistUrl }]);
    const state = controller.$media.get();
    expect(state.error, state.error?.message).to.equal(null);
    expect(state.transport).to.equal('hls.js');
    await nextFrame(video, 15_000);
    const withLatency = await until(controller.$media, (media) => media.latencyMs !== null, 10_000);
    console.log(`packaged HLS: first frame after ${state.ttffMs} ms, latency ${withLatency.latencyMs} ms`);
    // Packaged live: seconds behind, not the synthetic loop's fixed epoch.
    expect(withLatency.latencyMs).to.be.lessThan(15_000);

    await publisher.stop();
    await until(viewer.$room, (info) => info?.hls === ownHls && info?.whep === undefined, 10_000);
    await waitUntil(async () => (await fetch(playlistUrl)).status === 404, 'the packaged playlist is still served', { timeout: 10_000 });
  });
});
