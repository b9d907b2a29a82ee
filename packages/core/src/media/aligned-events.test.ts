import { expect } from '@open-wc/testing';
import type { Pin } from '@live-shop/protocol';
import { connectedClient, disposeClients, mountPlayer, token, unmountPlayers, until } from '../test/helpers.js';

/** Resolves at the next frame the video presents, with the server-clock time of that frame's picture. */
function nextFramePicture(video: HTMLVideoElement, pictureTime: () => number | null): Promise<number | null> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve(pictureTime())));
}

describe('latency-aligned room events', () => {
  afterEach(() => {
    unmountPlayers();
    disposeClients();
  });

  it("shows a host's pin to an HLS viewer when its picture reaches the pin (within ±250 ms), not when the server knew", async () => {
    const viewer = await connectedClient();
    const unaligned = await connectedClient({ alignEvents: false });
    const hls = viewer.$room.get()?.hls;
    if (!hls) throw new Error('the demo room has no HLS URL');
    const { video, controller } = mountPlayer(undefined, { muted: true });
    viewer.attachMedia(controller);
    await controller.play([{ type: 'hls', url: viewer.resolveUrl(hls) }]);
    expect(controller.$media.get().status).to.equal('playing');
    // Synthetic HLS runs seconds behind live: a delay worth aligning to.
    const media = await until(controller.$media, (state) => state.latencyMs !== null && state.latencyMs > 1_000, 10_000);

    const host = await connectedClient({ token: await token('host') });
    const target = viewer.$products.get().find((product) => product.id !== viewer.$pinned.get()?.productId);
    if (!target) throw new Error('the demo room has no product to pin');

    const seenUnaligned = until(unaligned.$pinned, (pin) => pin?.productId === target.id, 5_000);
    const shown = new Promise<{ pin: Pin; picture: number | null; serverTime: number }>((resolve) => {
      const stop = viewer.$pinned.listen((pin) => {
        if (pin?.productId !== target.id) return;
        stop();
        const serverTime = viewer.serverNow();
        // The frame presented right after the store changed is the one the card first appears over.
        void nextFramePicture(video, () => controller.pictureTime()).then((picture) => resolve({ pin, picture, serverTime }));
      });
    });
    await host.pinProduct(target.id);
    const early = await seenUnaligned;
    const { pin, picture, serverTime } = await shown;

    if (!early || picture === null) throw new Error('no pin or no picture time');
    const offset = picture - pin.at;
    const heldMs = serverTime - pin.at;
    console.log(`aligned pin: latency ${media.latencyMs} ms, held ${heldMs} ms, picture − pin ${offset} ms`);
    expect(Math.abs(offset), `picture time ${offset} ms from the pin`).to.be.at.most(250);
    // Without alignment the card would have shown about one latency earlier than the picture.
    expect(heldMs).to.be.greaterThan(1_000);
  });
});
