import { expect } from '@open-wc/testing';
import type { RoomEvent } from '@live-shop/protocol';
import { EventAligner } from './event-aligner.js';

const pin = (seq: number, at: number): RoomEvent => ({ t: 'product.pinned', seq, at, pin: { productId: `p${seq}`, at } });
const chat = (seq: number, at: number): RoomEvent => ({
  t: 'chat.message',
  seq,
  at,
  message: { id: `m${seq}`, name: 'a', role: 'viewer', text: 'hi', at },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A picture that runs `latencyMs` behind a server clock equal to this page's `Date.now()`. */
function picture(latencyMs: number | null): { time: () => number | null; set(ms: number | null): void } {
  let latency = latencyMs;
  return { time: () => (latency === null ? null : Date.now() - latency), set: (ms) => (latency = ms) };
}

describe('EventAligner', () => {
  it('holds a pin until the picture reaches its server time, and lets chat through at once', async () => {
    const released: { seq: number; at: number }[] = [];
    const clock = picture(300);
    const aligner = new EventAligner({ pictureTime: clock.time, release: (event) => released.push({ seq: event.seq, at: Date.now() }) });
    const at = Date.now();
    aligner.push(pin(1, at));
    aligner.push(chat(2, at));
    expect(released.map((r) => r.seq)).to.deep.equal([2]);
    expect(aligner.pending).to.equal(1);
    await sleep(450);
    expect(released.map((r) => r.seq)).to.deep.equal([2, 1]);
    const shownAfter = (released[1]?.at ?? 0) - at;
    // Released when the picture reached `at`: 300 ms after it happened, give or take a timer tick.
    expect(shownAfter).to.be.within(290, 380);
  });

  it('keeps seq order among held events and releases at once without a picture', async () => {
    const released: number[] = [];
    const clock = picture(200);
    const aligner = new EventAligner({ pictureTime: clock.time, release: (event) => released.push(event.seq) });
    const at = Date.now();
    aligner.push(pin(1, at));
    aligner.push(pin(2, at + 50));
    expect(released).to.deep.equal([]);
    clock.set(null);
    aligner.update();
    expect(released).to.deep.equal([1, 2]);
  });

  it('re-plans when the latency drops (a switch from HLS to WebRTC)', async () => {
    const released: number[] = [];
    const clock = picture(5_000);
    const aligner = new EventAligner({ pictureTime: clock.time, release: (event) => released.push(event.seq) });
    aligner.push(pin(1, Date.now()));
    await sleep(50);
    expect(released).to.deep.equal([]);
    clock.set(100);
    aligner.update();
    await sleep(120);
    expect(released).to.deep.equal([1]);
  });

  it('never holds longer than maxHoldMs, and clear() drops what a snapshot replaced', async () => {
    const released: number[] = [];
    const clock = picture(60_000);
    const aligner = new EventAligner({ pictureTime: clock.time, release: (event) => released.push(event.seq), maxHoldMs: 100 });
    aligner.push(pin(1, Date.now()));
    await sleep(160);
    expect(released).to.deep.equal([1]);
    aligner.push(pin(2, Date.now()));
    aligner.clear();
    await sleep(160);
    expect(released).to.deep.equal([1]);
    expect(aligner.pending).to.equal(0);
  });
});
