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
    // LL-HLS: parts of ~200 ms with a preload hint and blocking reload, segments of fMP4.
    expect(playlist).to.match(/#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=/);
    expect(playlist).to.match(/#EXT-X-PART:DURATION=0\.\d+,URI="part-\d+\.m4s"/);
    expect(playlist).to.match(/#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-\d+\.m4s"/);
    expect(playlist).to.match(/seg-\d+\.m4s/);

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


    // The core's transport plays it from its parts (hls.js in low-latency mode) about a second behind.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const latency = controller.latencyNow();
      if (latency !== null) samples.push(latency);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
    const partsLoaded = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(new URL('.', playlistUrl).href) && /\/part-\d+\.m4s$/.test(new URL(entry.name).pathname)).length;
    console.log(`LL-HLS through the core: ${partsLoaded} parts loaded, latency median ${Math.round(median)} ms (now − program-date-time at the playhead)`);
    expect(partsLoaded, 'the core loaded parts, not only whole segments').to.be.greaterThan(0);
    expect(samples.length).to.equal(10);
    expect(median).to.be.lessThan(3_000);

    await publisher.stop();
    await until(viewer.$room, (info) => info?.hls === ownHls && info?.whep === undefined, 10_000);
    await waitUntil(async () => (await fetch(playlistUrl)).status === 404, 'the packaged playlist is still served', { timeout: 10_000 });
  });
});
