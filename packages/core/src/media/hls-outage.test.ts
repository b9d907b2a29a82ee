// HLS origin outages, played for real: hls.js in Chromium plays the demo room's live HLS through a proxy
// (test/media-proxy.mjs, started by web-test-runner.config.mjs) that the test switches off and on.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import Hls from 'hls.js';
import { LiveShopError } from '../errors.js';
import { connectedClient, disposeClients, sleep, until } from '../test/helpers.js';
import { MediaController, type MediaControllerOptions } from './controller.js';
import type { MediaState } from './types.js';

async function proxyUrl(): Promise<string> {
  const answer = await executeServerCommand<{ url: string } | undefined, undefined>('live-shop-media-proxy');
  if (!answer?.url) throw new Error('live-shop-media-proxy returned no URL');
  return answer.url;
}

async function setOrigin(down: boolean, mode: 'refuse' | '503' = '503'): Promise<void> {
  await executeServerCommand('live-shop-media-outage', { down, mode });
}

/** The demo room's playlist URL, but through the proxy (its segment URIs are relative, so they go through it too). */
async function proxiedPlaylist(): Promise<string> {
  const client = await connectedClient();
  const hls = client.$room.get()?.hls;
  if (!hls) throw new Error('the demo room has no HLS URL');
  const direct = new URL(client.resolveUrl(hls));
  return new URL(`${direct.pathname}${direct.search}`, await proxyUrl()).href;
}

/** Resolves once `predicate` holds, polled every 100 ms; rejects after `timeoutMs` with `what`. */
async function waitFor(predicate: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what()}`);
    await sleep(100);
  }
}

/**
 * Counts what a reload would do: hls.js instances attached to media and sources loaded (patched on the
 * one hls.js module the controller imports lazily too, and restored after each test).
 */
const counts = { attachMedia: 0, loadSource: 0, recoverMediaError: 0 };
const originals = {
  attachMedia: Hls.prototype.attachMedia,
  loadSource: Hls.prototype.loadSource,
  recoverMediaError: Hls.prototype.recoverMediaError,
};

const cleanups: (() => void)[] = [];

function player(options: MediaControllerOptions): { video: HTMLVideoElement; controller: MediaController; statuses: MediaState['status'][] } {
  const video = document.createElement('video');
  video.playsInline = true;
  video.muted = true;
  video.width = 320;
  document.body.append(video);
  const controller = new MediaController(video, options);
  const statuses: MediaState['status'][] = [];
  const unsubscribe = controller.$media.subscribe((state) => {
    if (statuses.at(-1) !== state.status) statuses.push(state.status);
  });
  cleanups.push(() => {
    unsubscribe();
    controller.stop();
    video.remove();
  });
  return { video, controller, statuses };
}

describe('MediaController through an HLS origin outage', () => {
  beforeEach(() => {
    counts.attachMedia = 0;
    counts.loadSource = 0;
    counts.recoverMediaError = 0;
    Hls.prototype.attachMedia = function (this: Hls, ...args: Parameters<Hls['attachMedia']>) {
      counts.attachMedia += 1;
      return originals.attachMedia.apply(this, args);
    };
    Hls.prototype.loadSource = function (this: Hls, ...args: Parameters<Hls['loadSource']>) {
      counts.loadSource += 1;
      return originals.loadSource.apply(this, args);
    };
    Hls.prototype.recoverMediaError = function (this: Hls) {
      counts.recoverMediaError += 1;
      return originals.recoverMediaError.apply(this);
    };
  });

  afterEach(async () => {
    Object.assign(Hls.prototype, originals);
    for (const cleanup of cleanups.splice(0)) cleanup();
    disposeClients();
    await setOrigin(false);
  });

  it('resumes playback after a 20 s origin outage without a reload, jumping to the live edge', async function () {
    this.timeout(90_000);
    const { video, controller, statuses } = player({});
    let loadstarts = 0;
    video.addEventListener('loadstart', () => (loadstarts += 1));
    await controller.play([{ type: 'hls', url: await proxiedPlaylist() }]);
    expect(controller.$media.get().status, controller.$media.get().error?.message).to.equal('playing');
    expect(controller.$media.get().transport).to.equal('hls.js');
    const blobSrc = video.src;
    const playingFrom = video.currentTime;
    await waitFor(() => video.currentTime > playingFrom + 1, 10_000, () => `currentTime ${video.currentTime}`);

    // Connection refused for playlist and segments, 20 s (the figure).
    await setOrigin(true, 'refuse');
    const downAt = performance.now();
    // The buffer (about 3 segments of 2 s) drains, then the element waits and the store says so.
    const waiting = await until(controller.$media, (state) => state.status === 'waiting', 18_000);
    expect(waiting.stalls).to.equal(1);
    const stalledAt = video.currentTime;
    await sleep(Math.max(0, 20_000 - (performance.now() - downAt)));
    const duringOutage = controller.$media.get();
    expect(duringOutage.status, duringOutage.error?.message).to.equal('waiting');
    expect(video.currentTime).to.be.closeTo(stalledAt, 0.5);

    await setOrigin(false);
    const upAt = performance.now();
    // hls.js's retry of its playlist is at most 8 s away (our backoff cap), then a segment or two load.
    await waitFor(() => video.currentTime > stalledAt + 1, 20_000, () => `currentTime ${video.currentTime}, stalled at ${stalledAt}, ${JSON.stringify(controller.$media.get())}`);
    const resumedAfterMs = performance.now() - upAt;
    await until(controller.$media, (state) => state.status === 'playing', 5_000);
    console.log(`hls outage: stalled ${Math.round(stalledAt * 10) / 10} s into the stream, resumed ${Math.round(resumedAfterMs)} ms after the origin returned`);

    // The window slid 20 s while the origin was down: the player jumped to the live edge, it did not fetch
    // the old segments, so the live latency is back to its usual few seconds (about 26 s otherwise).
    const live = await until(controller.$media, (state) => state.latencyMs !== null && state.latencyMs < 15_000, 10_000);
    expect(live.latencyMs).to.be.lessThan(15_000);
    console.log(`hls outage: live latency after the resume ${live.latencyMs} ms`);
    const afterResume = video.currentTime;
    await sleep(1_500);
    expect(video.currentTime, 'keeps playing').to.be.greaterThan(afterResume);

    // No reload: one hls.js instance attached once, the source loaded once, the same MediaSource blob.
    expect(counts.attachMedia, 'hls.js attachMedia calls').to.equal(1);
    expect(counts.loadSource, 'hls.js loadSource calls').to.equal(1);
    expect(counts.recoverMediaError, 'recoverMediaError without a media element error').to.equal(0);
    expect(loadstarts, 'video loadstart events (one per src assignment)').to.equal(1);
    expect(video.src).to.equal(blobSrc);
    expect(video.error).to.equal(null);
    const state = controller.$media.get();
    expect(state.status).to.equal('playing');
    expect(state.transport).to.equal('hls.js');
    expect(state.error).to.equal(null);
    expect(state.stalls).to.be.greaterThanOrEqual(1);
    // The store told the truth all along: loading, playing, waiting through the outage, playing again.
    expect(statuses.slice(0, 5)).to.deep.equal(['idle', 'loading', 'playing', 'waiting', 'playing']);
    expect(statuses).to.not.include('error');
  });

  it('ends in a terminal error after the outage bound when the origin never comes back', async function () {
    this.timeout(60_000);
    const { video, controller, statuses } = player({ hls: { maxOutageMs: 3_000 } });
    await controller.play([{ type: 'hls', url: await proxiedPlaylist() }]);
    expect(controller.$media.get().status, controller.$media.get().error?.message).to.equal('playing');

    await setOrigin(true, '503');
    const downAt = performance.now();
    const failed = await until(controller.$media, (state) => state.status === 'error', 40_000);
    console.log(`hls outage: terminal error ${Math.round(performance.now() - downAt)} ms after the origin went down (bound 3000 ms without progress)`);
    expect(failed.error).to.be.instanceOf(LiveShopError);
    // The origin is unreachable: a network failure, not a decode one.
    expect(failed.error?.code).to.equal('network');
    expect(failed.error?.message).to.match(/^hls\.js: /);
    expect(failed.transport).to.equal(null);
    // Playing, possibly waiting (if the buffer ran dry before the bound), then error, and nothing else.
    expect(statuses.slice(0, 3)).to.deep.equal(['idle', 'loading', 'playing']);
    expect(statuses.slice(3, -1).every((status) => status === 'waiting')).to.equal(true);
    expect(statuses.at(-1)).to.equal('error');
    // Terminal means terminal: nothing loads any more and the element holds no source.
    expect(video.hasAttribute('src')).to.equal(false);
    expect(counts.attachMedia).to.equal(1);
    await sleep(2_000);
    expect(controller.$media.get().status).to.equal('error');
  });
});
