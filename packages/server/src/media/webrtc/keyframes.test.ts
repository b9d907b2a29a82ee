import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { isVp8KeyframeStart, KeyframeRequests } from './keyframes.js';

/** A VP8 RTP payload: descriptor byte(s) then the first byte of the VP8 frame header (bit 0: 1 = interframe). */
const vp8 = (...bytes: number[]) => Uint8Array.from(bytes);

describe('isVp8KeyframeStart', () => {
  it('finds the start of a keyframe behind every optional descriptor field', () => {
    assert.equal(isVp8KeyframeStart(vp8(0x10, 0x50)), true, 'S=1 PID=0, no extension, P=0');
    assert.equal(isVp8KeyframeStart(vp8(0x10, 0x9c)), true);
    // X with I (15-bit PictureID), L (TL0PICIDX) and T (TID): 1 + 1 + 2 + 1 + 1 bytes before the frame header.
    assert.equal(isVp8KeyframeStart(vp8(0x90, 0xe0, 0x81, 0x23, 0x05, 0x20, 0x9c)), true);
    // X with I (7-bit PictureID) only.
    assert.equal(isVp8KeyframeStart(vp8(0x90, 0x80, 0x12, 0x9c)), true);
  });

  it('says no for interframes, continuation packets, other partitions and empty payloads', () => {
    assert.equal(isVp8KeyframeStart(vp8(0x10, 0x31)), false, 'P=1: an interframe');
    assert.equal(isVp8KeyframeStart(vp8(0x90, 0x80, 0x12, 0x31)), false, 'an interframe behind a PictureID');
    assert.equal(isVp8KeyframeStart(vp8(0x00, 0x9c)), false, 'S=0: not the first packet of the frame');
    assert.equal(isVp8KeyframeStart(vp8(0x11, 0x9c)), false, 'PID=1: not partition 0');
    assert.equal(isVp8KeyframeStart(vp8()), false);
    assert.equal(isVp8KeyframeStart(vp8(0x90, 0x80)), false, 'cut short before the frame header');
  });
});

describe('KeyframeRequests', () => {
  it('asks at once, repeats until a keyframe comes, and joins requests made meanwhile', async () => {
    let sent = 0;
    const requests = new KeyframeRequests(() => (sent += 1), { retryMs: 20, giveUpMs: 5_000 });
    try {
      requests.request();
      assert.equal(sent, 1, 'the first request goes out at once');
      requests.request();
      requests.request();
      assert.equal(sent, 1, 'requests while one is pending join it');
      await sleep(110);
      assert.ok(sent >= 3, `repeated while unanswered (${sent} sent)`);
      requests.keyframeSeen();
      assert.equal(requests.pending, false);
      const answered = sent;
      await sleep(80);
      assert.equal(sent, answered, 'nothing more after the keyframe');
      requests.request();
      assert.equal(sent, answered + 1, 'a later request asks again at once');
    } finally {
      requests.dispose();
    }
  });

  it('gives up after its bound, and asks again on the next request', async () => {
    let sent = 0;
    const requests = new KeyframeRequests(() => (sent += 1), { retryMs: 10, giveUpMs: 50 });
    try {
      requests.request();
      await sleep(150);
      assert.equal(requests.pending, false, 'dropped after giveUpMs');
      const atGiveUp = sent;
      assert.ok(atGiveUp >= 2 && atGiveUp <= 7, `${atGiveUp} sent within the bound`);
      await sleep(50);
      assert.equal(sent, atGiveUp, 'nothing after giving up');
      requests.request();
      assert.equal(sent, atGiveUp + 1);
    } finally {
      requests.dispose();
    }
  });
});
