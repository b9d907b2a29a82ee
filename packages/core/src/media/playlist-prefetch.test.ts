import { expect } from '@open-wc/testing';
import { mountPlayer, serverUrl, unmountPlayers } from '../test/helpers.js';
import { loadHlsJs } from './hls.js';
import { PlaylistPrefetch, prefetchingPlaylistLoader } from './playlist-prefetch.js';

/** Resource entries for exactly `url` (not its later reloads with LL-HLS query parameters), in request order. */
const requestsOf = (url: string): PerformanceResourceTiming[] =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name === url);
const HLS_JS = /\/hls\.js\/dist\/hls[^/]*\.m?js/;
const firstFrame = (video: HTMLVideoElement): Promise<void> => new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));

// Its own file, so its own page: hls.js is not loaded before the first test, as on a page that just started.
describe('playlist prefetch (the first playlist requested while hls.js loads)', () => {
  afterEach(() => unmountPlayers());

  it('a transport started before hls.js has loaded asks for the playlist at once, and hls.js uses that answer', async () => {
    expect(performance.getEntriesByType('resource').filter((entry) => HLS_JS.test(entry.name)), 'hls.js not loaded yet').to.have.length(0);
    const url = `${serverUrl()}/media/demo/live.m3u8?first`;
    const { controller } = mountPlayer();
    await controller.play([{ type: 'hls', url }]);
    expect(controller.$media.get().status).to.equal('playing');

    const [hlsJs] = performance.getEntriesByType('resource').filter((entry) => HLS_JS.test(entry.name)) as PerformanceResourceTiming[];
    const [playlist, ...later] = requestsOf(url);
    expect(playlist, 'the playlist was requested').to.not.equal(undefined);
    expect(playlist!.initiatorType, 'by the prefetch').to.equal('fetch');
    expect(playlist!.startTime, 'before hls.js had arrived').to.be.lessThan(hlsJs!.responseEnd);
    // A live playlist is reloaded every target duration (2 s); the first frame came long before: hls.js did not ask
    // for the first playlist again.
    expect(later.filter((entry) => entry.startTime < playlist!.responseEnd + 1_000), 'no second request of it').to.have.length(0);
  });

  it('hands a playlist over once, for its own URL only; a failed one as null', async () => {
    const url = `${serverUrl()}/media/demo/live.m3u8?once`;
    const prefetch = new PlaylistPrefetch(url);
    expect(prefetch.take(`${serverUrl()}/media/demo/other.m3u8`), 'another URL').to.equal(null);
    const taken = await prefetch.take(url);
    expect(taken?.text).to.match(/^#EXTM3U/);
    expect(taken!.firstByteAt).to.be.at.least(taken!.startedAt);
    expect(taken!.doneAt).to.be.at.least(taken!.firstByteAt);
    expect(prefetch.take(url), 'taken already').to.equal(null);

    const missing = new PlaylistPrefetch(`${serverUrl()}/media/no-such-room/live.m3u8`);
    expect(await missing.take(`${serverUrl()}/media/no-such-room/live.m3u8`), '404: hls.js asks itself').to.equal(null);
  });

  it('lets hls.js request the playlist itself when the prefetch went stale (older than 1 s), and plays', async () => {
    const Hls = await loadHlsJs();
    const url = `${serverUrl()}/media/demo/live.m3u8?stale`;
    const prefetch = new PlaylistPrefetch(url);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const { video } = mountPlayer();
    video.muted = true;
    const hls = new Hls({ pLoader: prefetchingPlaylistLoader(Hls, prefetch) });
    try {
      hls.attachMedia(video);
      hls.loadSource(url);
      await video.play();
      await firstFrame(video);
      expect(requestsOf(url).map((entry) => entry.initiatorType), 'the stale prefetch, then hls.js').to.deep.equal(['fetch', 'xmlhttprequest']);
    } finally {
      hls.destroy();
    }
  });

  it('drops a cancelled prefetch (its transport stopped before hls.js started)', () => {
    const url = `${serverUrl()}/media/demo/live.m3u8?cancelled`;
    const prefetch = new PlaylistPrefetch(url);
    prefetch.cancel();
    expect(prefetch.take(url)).to.equal(null);
  });
});
