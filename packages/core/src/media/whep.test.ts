import { expect, waitUntil } from '@open-wc/testing';
import { mountPlayer, nextFrame, serverUrl, token, unmountPlayers, until } from '../test/helpers.js';
import { MediaController } from './controller.js';
import { WhipPublisher } from './whip.js';

/** The relay's live numbers for the demo room, straight from the server. */
async function relayStats(): Promise<{ live: boolean; viewers: number }> {
  const response = await fetch(`${serverUrl()}/whep/demo`);
  return (await response.json()) as { live: boolean; viewers: number };
}

const hlsUrl = () => `${serverUrl()}/media/demo/live.m3u8`;
const whepUrl = () => `${serverUrl()}/whep/demo`;

describe('WebRTC through the dev relay (WHIP publish, WHEP play)', () => {
  let camera: MediaStream | null = null;
  let publisher: WhipPublisher | null = null;
  const viewer = (options?: ConstructorParameters<typeof MediaController>[1]) => mountPlayer(options, { muted: true });

  async function publish(): Promise<WhipPublisher> {
    camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    publisher = new WhipPublisher({ url: `${serverUrl()}/whip/demo`, token: await token('host') });
    await publisher.start(camera);
    return publisher;
  }

  afterEach(async () => {
    unmountPlayers();
    if (publisher && publisher.state !== 'stopped') await publisher.stop();
    publisher = null;
    for (const track of camera?.getTracks() ?? []) track.stop();
    camera = null;
    await waitUntil(async () => (await relayStats()).live === false, 'the relay still has a publisher', { timeout: 5_000 });
  });

  it('plays the fake camera published via WHIP through WHEP, with decoded frames, then frees the session on stop', async () => {
    const host = await publish();
    await waitUntil(() => host.state === 'live', `publisher state ${host.state}`, { timeout: 10_000 });
    expect(await relayStats()).to.deep.equal({ live: true, viewers: 0 });

    const { video, controller } = viewer();
    await controller.play([
      { type: 'whep', url: whepUrl() },
      { type: 'hls', url: hlsUrl() },
    ]);
    const state = controller.$media.get();
    expect(state.error, state.error?.message).to.equal(null);
    expect(state.status).to.equal('playing');
    expect(state.transport).to.equal('whep');
    expect(state.ttffMs).to.be.a('number');

    const frame = await nextFrame(video);
    expect(frame.width).to.be.greaterThan(0);
    expect(video.videoWidth).to.be.greaterThan(0);
    expect(video.srcObject).to.be.instanceOf(MediaStream);
    expect(await relayStats()).to.deep.equal({ live: true, viewers: 1 });
    const latency = await until(controller.$media, (media) => media.latencyMs !== null, 5_000);
    expect(latency.latencyMs).to.be.within(0, 2_000);

    controller.stop();
    expect(video.srcObject).to.equal(null);
    expect(controller.$media.get().status).to.equal('idle');
    await waitUntil(async () => (await relayStats()).viewers === 0, 'the WHEP session was not deleted', { timeout: 5_000 });

    await host.stop();
    expect(await relayStats()).to.deep.equal({ live: false, viewers: 0 });
  });

  it('falls back to HLS when WHEP is refused because nobody publishes', async () => {
    expect((await relayStats()).live).to.equal(false);
    const { video, controller } = viewer();
    await controller.play([
      { type: 'whep', url: whepUrl() },
      { type: 'hls', url: hlsUrl() },
    ]);
    const state = controller.$media.get();
    expect(state.error, state.error?.message).to.equal(null);
    expect(state.status).to.equal('playing');
    expect(state.transport).to.equal('hls.js');
    // The refusal is kept, not swallowed: the store says which transport failed and why.
    expect(state.fallbacks.map((fallback) => fallback.transport)).to.deep.equal(['whep']);
    expect(state.fallbacks[0]?.error.code).to.equal('not_found');
    const frame = await nextFrame(video);
    expect(frame.width).to.be.greaterThan(0);
    expect(video.srcObject).to.equal(null);
  });

  it('moves on to HLS when the host stops publishing while a viewer watches over WebRTC', async () => {
    const host = await publish();
    const { video, controller } = viewer();
    await controller.play([
      { type: 'whep', url: whepUrl() },
      { type: 'hls', url: hlsUrl() },
    ]);
    expect(controller.$media.get().transport).to.equal('whep');

    await host.stop();
    const fallen = await until(controller.$media, (media) => media.transport === 'hls.js' && media.status === 'playing', 20_000);
    expect(fallen.error).to.equal(null);
    expect(fallen.fallbacks.map((fallback) => fallback.transport)).to.deep.equal(['whep']);
    await nextFrame(video);
  });

  it('refuses to publish without a host token, with a typed error', async () => {
    camera = await navigator.mediaDevices.getUserMedia({ video: true });
    publisher = new WhipPublisher({ url: `${serverUrl()}/whip/demo`, token: await token('viewer') });
    let error: unknown;
    try {
      await publisher.start(camera);
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string } | undefined)?.code).to.equal('forbidden');
    expect(publisher.state).to.equal('failed');
  });
});
