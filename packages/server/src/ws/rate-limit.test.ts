import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from './rate-limit.js';

describe('token bucket', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let now = 1_000;
    const bucket = new TokenBucket({ perSecond: 2, burst: 5 }, () => now);
    const burst = Array.from({ length: 7 }, () => bucket.take());
    assert.deepEqual(burst, [true, true, true, true, true, false, false]);
    now += 499;
    assert.equal(bucket.take(), false, 'not a whole token yet');
    now += 1;
    assert.equal(bucket.take(), true);
    now += 60_000;
    assert.equal(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean).length, 5, 'never more than the burst');
  });

  it('does not mint tokens when the clock steps back', () => {
    let now = 10_000;
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, () => now);
    assert.equal(bucket.take(), true);
    now -= 5_000;
    assert.equal(bucket.take(), false);
  });
});
