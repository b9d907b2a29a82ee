import { expect } from '@open-wc/testing';
import { DanmakuLanes } from './danmaku-lanes.js';

describe('DanmakuLanes', () => {
  it('fills lanes top down and frees a lane once the last comment is fully in view plus the gap', () => {
    const lanes = new DanmakuLanes(2, 100, 20); // 100 px/s, 20 px gap
    expect(lanes.pick(0)).to.equal(0);
    lanes.occupy(0, 0, 180); // free again after (180 + 20) / 100 s = 2 s
    expect(lanes.pick(0)).to.equal(1);
    lanes.occupy(1, 0, 80); // free after 1 s
    expect(lanes.pick(999)).to.equal(null);
    expect(lanes.nextFreeAt()).to.equal(1000);
    expect(lanes.pick(1000)).to.equal(1);
    expect(lanes.pick(2000)).to.equal(0);
  });

  it('never lets a comment catch the one before it: same speed, so the distance at entry is kept', () => {
    const speed = 150;
    const lanes = new DanmakuLanes(1, speed, 24);
    const track = 480;
    // A long comment, then a short one as soon as the lane frees: the short one would catch a slower
    // long one if durations were equal; with one speed it stays 24 px behind all the way.
    lanes.occupy(0, 0, 400);
    const secondStart = lanes.nextFreeAt();
    const firstTail = (t: number) => track + 400 - (speed * t) / 1000; // x of the first comment's right edge
    const secondHead = (t: number) => track - (speed * (t - secondStart)) / 1000;
    for (let t = secondStart; t < lanes.durationMs(track, 400); t += 100) {
      expect(secondHead(t) - firstTail(t)).to.be.closeTo(24, 1e-6);
    }
  });

  it('takes as long to cross as track plus width at its speed', () => {
    expect(new DanmakuLanes(1, 200, 0).durationMs(600, 200)).to.equal(4000);
  });
});
