import { expect } from '@open-wc/testing';
import { ClockEstimator } from './clock.js';

describe('ClockEstimator', () => {
  it('reports no offset and no round trip before the first sample', () => {
    expect(new ClockEstimator().estimate()).to.deep.equal({ offsetMs: 0, rttMs: null, samples: 0 });
  });

  it('finds the offset of a server clock 5 s ahead from symmetric round trips', () => {
    const clock = new ClockEstimator();
    let estimate = clock.estimate();
    for (let i = 0; i < 5; i++) estimate = clock.add({ sentAt: 1000 * i, receivedAt: 1000 * i + 40, serverTime: 1000 * i + 20 + 5000 });
    expect(estimate).to.deep.equal({ offsetMs: 5000, rttMs: 40, samples: 5 });
  });

  it('trusts the samples with the lowest round trip: a slow, lopsided one does not move the estimate', () => {
    const clock = new ClockEstimator();
    // Fast, symmetric probes against a server 300 ms behind.
    for (let i = 0; i < 4; i++) clock.add({ sentAt: i * 100, receivedAt: i * 100 + 10, serverTime: i * 100 + 5 - 300 });
    // Queued on the way back for 2 s: the naive offset would be about -1300.
    const estimate = clock.add({ sentAt: 1000, receivedAt: 3010, serverTime: 1005 - 300 });
    expect(estimate.offsetMs).to.equal(-300);
    expect(estimate.rttMs).to.equal(10);
    expect(estimate.samples).to.equal(5);
  });

  it('takes the median of the best samples, so one outlier among them cannot skew it', () => {
    const clock = new ClockEstimator({ window: 5, best: 1 });
    for (const offset of [100, 102, 98, 101, 5000]) clock.add({ sentAt: 0, receivedAt: 20, serverTime: 10 + offset });
    expect(clock.estimate().offsetMs).to.equal(101);
  });

  it('keeps only the most recent samples of its window, so a stepped server clock is followed', () => {
    const clock = new ClockEstimator({ window: 4 });
    for (let i = 0; i < 4; i++) clock.add({ sentAt: i, receivedAt: i + 10, serverTime: i + 5 });
    for (let i = 0; i < 4; i++) clock.add({ sentAt: 100 + i, receivedAt: 110 + i, serverTime: 105 + i + 2000 });
    expect(clock.estimate()).to.include({ offsetMs: 2000, samples: 4 });
  });

  it('ignores impossible samples and forgets everything on reset', () => {
    const clock = new ClockEstimator();
    expect(clock.add({ sentAt: 50, receivedAt: 10, serverTime: 0 }).samples).to.equal(0);
    expect(clock.add({ sentAt: 0, receivedAt: 10, serverTime: Number.NaN }).samples).to.equal(0);
    clock.add({ sentAt: 0, receivedAt: 10, serverTime: 1000 });
    clock.reset();
    expect(clock.estimate().samples).to.equal(0);
  });
});
