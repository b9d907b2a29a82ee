import { expect, waitUntil } from '@open-wc/testing';
import { connectedClient, disposeClients, mountPlayer, serverUrl, sleep, unmountPlayers, until } from '../test/helpers.js';

/** Resource entries of hls.js's module (the package's ESM build), as the browser fetched it. */
function hlsJsFetches(): PerformanceEntry[] {
  return performance.getEntriesByType('resource').filter((entry) => /\/hls\.js\/dist\/hls[^/]*\.m?js/.test(entry.name));
}

const player = mountPlayer;

describe('MediaController', () => {
  afterEach(() => {
    unmountPlayers();
    disposeClients();
  });

  it("plays the demo room's live HLS with hls.js, loaded only on play()", async () => {
    const client = await connectedClient();
    const hls = client.$room.get()?.hls;
    if (!hls) throw new Error('the demo room has no HLS URL');
    const { video, controller } = player();
    expect(hlsJsFetches(), 'hls.js fetched before play()').to.have.length(0);

    await controller.play([{ type: 'hls', url: client.resolveUrl(hls) }]);
    const state = controller.$media.get();
    expect(state.error, state.error?.message).to.equal(null);
    expect(state.status).to.equal('playing');
    expect(state.transport).to.equal('hls.js');
    expect(state.ttffMs).to.be.a('number');
    expect(hlsJsFetches().length, 'hls.js fetched by play()').to.be.greaterThan(0);

    const start = video.currentTime;
    await sleep(1500);
    expect(video.currentTime).to.be.greaterThan(start);
    const withLatency = await until(controller.$media, (media) => media.latencyMs !== null, 5_000);
    expect(withLatency.latencyMs).to.be.a('number');

    controller.stop();
    expect(video.hasAttribute('src')).to.equal(false);
    expect(video.src).to.equal('');
    // No source left to load (currentSrc keeps its last value by spec, so it proves nothing here).
    await waitUntil(() => video.networkState === HTMLMediaElement.NETWORK_EMPTY, `networkState ${video.networkState}`, { timeout: 2_000 });
    expect(video.readyState).to.equal(HTMLMediaElement.HAVE_NOTHING);
    expect(controller.$media.get().status).to.equal('idle');
  });

  it('ends in a terminal error, with no source left, when the playlist does not exist', async () => {
    const { video, controller } = player({ ttffTimeoutMs: 2_000 });
    await controller.play([{ type: 'hls', url: `${serverUrl()}/media/no-such-room/live.m3u8` }]);
    const state = controller.$media.get();
    expect(state.status).to.equal('error');
    expect(state.error?.code).to.be.oneOf(['network', 'timeout', 'media', 'media_unsupported']);
    expect(video.hasAttribute('src')).to.equal(false);
  });

  it('ends a play() that stop() or a later play() cut short, before its first frame', async () => {
    const { controller } = player();
    const url = `${serverUrl()}/media/demo/live.m3u8`;
    const stopped = controller.play([{ type: 'hls', url }]);
    controller.stop();
    await stopped;
    expect(controller.$media.get().status).to.equal('idle');

    const replaced = controller.play([{ type: 'hls', url }]);
    const latest = controller.play([{ type: 'hls', url }]);
    await replaced;
    expect(controller.$media.get().status, 'the later play() goes on').to.equal('loading');
    await latest;
    expect(controller.$media.get().status).to.equal('playing');
  });
});
