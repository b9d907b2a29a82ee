import { expect, waitUntil } from '@open-wc/testing';
import { preloadForPlayersIn } from './preload-in-page.js';

/** Resource entries whose URL matches `pattern`, as the browser fetched them. */
const fetched = (pattern: RegExp): PerformanceEntry[] => performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name));
const HLS_JS = /\/hls\.js\/dist\/hls[^/]*\.m?js/;
const WHEP_MODULE = /\/media\/whep\.ts/;

/** Markup as a merchant writes it, parsed but never upgraded (this page does not define the player). */
function page(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

// Its own file, so its own page: nothing here has imported hls.js or the WHEP module before this test.
describe('preloading for the players written in the page', () => {
  it('fetches what autoplaying players will play: HLS only for `src`, nothing for autoplay="false", WebRTC too for a room', async () => {
    expect(fetched(HLS_JS), 'hls.js before').to.have.length(0);
    preloadForPlayersIn(page('<live-shop-player room="demo" autoplay="false"></live-shop-player>'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fetched(HLS_JS), 'autoplay="false" downloads nothing').to.have.length(0);
    expect(fetched(WHEP_MODULE)).to.have.length(0);

    preloadForPlayersIn(page('<p><live-shop-player room="demo" src="/media/demo/live.m3u8"></live-shop-player></p>'));
    await waitUntil(() => fetched(HLS_JS).length > 0, 'hls.js was not fetched for the src player', { timeout: 10_000 });
    expect(fetched(WHEP_MODULE), 'a src player plays HLS only').to.have.length(0);

    preloadForPlayersIn(page('<live-shop-player room="demo"></live-shop-player>'));
    await waitUntil(() => fetched(WHEP_MODULE).length > 0, 'the WHEP player was not fetched for the room player', { timeout: 10_000 });
  });
});
