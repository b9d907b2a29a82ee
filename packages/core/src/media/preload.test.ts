import { expect, waitUntil } from '@open-wc/testing';
import { mountPlayer, serverUrl, unmountPlayers } from '../test/helpers.js';
import { MediaController } from './controller.js';

/** Resource entries whose URL matches `pattern`, as the browser fetched them. */
const fetched = (pattern: RegExp): PerformanceEntry[] => performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name));
const HLS_JS = /\/hls\.js\/dist\/hls[^/]*\.m?js/;
const WHEP_MODULE = /\/media\/whep\.ts/;

// Its own file, so its own page: nothing here has imported hls.js or the WHEP module before the first test.
describe('MediaController.preload', () => {
  afterEach(() => unmountPlayers());

  it('fetches the code of the transports asked for, and only those, before any play()', async () => {
    expect(fetched(HLS_JS), 'hls.js before preload').to.have.length(0);
    expect(fetched(WHEP_MODULE), 'WHEP before preload').to.have.length(0);

    MediaController.preload(['hls']);
    await waitUntil(() => fetched(HLS_JS).length > 0, 'hls.js was not fetched by preload', { timeout: 10_000 });
    expect(fetched(WHEP_MODULE), 'WHEP not asked for').to.have.length(0);

    MediaController.preload(['whep']);
    await waitUntil(() => fetched(WHEP_MODULE).length > 0, 'the WHEP module was not fetched by preload', { timeout: 10_000 });
  });

  it('lets play() use what was preloaded: no second download, and a frame', async () => {
    MediaController.preload();
    await waitUntil(() => fetched(HLS_JS).length > 0, 'hls.js', { timeout: 10_000 });
    const before = fetched(HLS_JS).length;
    const { controller } = mountPlayer();
    await controller.play([{ type: 'hls', url: `${serverUrl()}/media/demo/live.m3u8` }]);
    const state = controller.$media.get();
    expect(state.error, state.error?.message).to.equal(null);
    expect(state.status).to.equal('playing');
    expect(state.transport).to.equal('hls.js');
    expect(fetched(HLS_JS).length, 'hls.js fetched again').to.equal(before);
  });
});
