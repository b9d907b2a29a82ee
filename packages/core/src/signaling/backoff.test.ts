import { expect } from '@open-wc/testing';
import { LiveShopError } from '../errors.js';
import { backoffDelay, exponentialBackoff } from './backoff.js';

const network = new LiveShopError('network', 'socket closed');

describe('backoff', () => {
  it('grows the ceiling exponentially from baseMs and caps it at maxMs', () => {
    const top = (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 15_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7].map(top)).to.deep.equal([499, 999, 1999, 3999, 7999, 14_999, 14_999]);
  });

  it('uses full jitter: the delay is random in [0, ceiling)', () => {
    expect(backoffDelay(3, { baseMs: 500, random: () => 0 })).to.equal(0);
    expect(backoffDelay(3, { baseMs: 500, random: () => 0.5 })).to.equal(1000);
  });

  it('never overflows for huge attempt numbers', () => {
    expect(backoffDelay(10_000, { random: () => 0.5 })).to.equal(7500);
  });

  it('stops after maxAttempts', () => {
    const policy = exponentialBackoff({ maxAttempts: 3, random: () => 0.5 });
    expect(policy(3, network)).to.be.a('number');
    expect(policy(4, network)).to.equal(null);
  });

  it('does not retry errors a retry cannot fix', () => {
    const policy = exponentialBackoff();
    expect(policy(1, new LiveShopError('forbidden', 'bad token'))).to.equal(null);
    expect(policy(1, new LiveShopError('not_found', 'no such room'))).to.equal(null);
    expect(policy(1, new LiveShopError('timeout', 'no pong'))).to.be.a('number');
  });
});
