import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryBus } from '../bus/memory.js';
import { seed } from '../demo/seed.js';
import { LiveShopServerError } from '../errors.js';
import type { DomainContext } from '../rooms/context.js';
import { RoomLog } from '../rooms/room-log.js';
import { FieldCipher, generateDataKey } from '../security/field-cipher.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { memoryLogger, tempDir } from '../test/helpers.js';
import { discountOf, issueCoupon, quoteCoupon, redeemCoupon } from './coupons.js';
import { grabEnvelope, startRain } from './red-envelopes.js';

const host = { role: 'host', name: 'Host', subject: 'host-1' } as const;
const alice = { role: 'viewer', name: 'Alice', subject: 'alice' } as const;
const bob = { role: 'viewer', name: 'Bob', subject: 'bob' } as const;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveShopServerError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('coupons: issue, quote and redeem (the contract of the order flow)', () => {
  let ctx: DomainContext;
  let clock = 1_800_000_000_000;
  let cleanup: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    const store = openSqliteStore(dir, new FieldCipher([generateDataKey('test')]));
    await seed(store, 'demo');
    const bus = createMemoryBus(memoryLogger());
    ctx = { store, log: new RoomLog(store, bus, () => clock), now: () => clock };
    cleanup = async () => {
      await ctx.log.idle();
      await bus.close();
      await store.close();
      await remove();
    };
  });
  after(() => cleanup());

  it('computes discounts in minor units: amounts capped at the subtotal and in the same currency, percents floored', () => {
    assert.equal(discountOf({ kind: 'amount', amount: 1000, currency: 'CNY' }, 5000, 'CNY'), 1000);
    assert.equal(discountOf({ kind: 'amount', amount: 1000, currency: 'CNY' }, 600, 'CNY'), 600);
    assert.equal(discountOf({ kind: 'percent', percent: 15 }, 999, 'CNY'), 149);
    assert.throws(() => discountOf({ kind: 'amount', amount: 1000, currency: 'CNY' }, 5000, 'USD'), /CNY/);
  });

  it('a room coupon: every viewer may use it once, only above its minimum spend, only before it expires', async () => {
    const coupon = await issueCoupon(ctx, 'demo', host, { discount: { kind: 'amount', amount: 2000, currency: 'CNY' }, minSpend: 10_000, validMs: 60_000 });
    assert.equal(coupon.scope, 'room');
    assert.equal(await code(issueCoupon(ctx, 'demo', alice, { discount: { kind: 'percent', percent: 50 }, validMs: 60_000 })), 'forbidden');
    const use = { roomId: 'demo', couponId: coupon.id, subtotal: 12_000, currency: 'CNY' };
    assert.deepEqual(
      { discount: (await quoteCoupon(ctx, { ...use, subject: 'alice' })).discount, total: (await quoteCoupon(ctx, { ...use, subject: 'alice' })).total },
      { discount: 2000, total: 10_000 },
    );
    assert.equal(await code(quoteCoupon(ctx, { ...use, subject: 'alice', subtotal: 9_999 })), 'invalid');
    const first = await redeemCoupon(ctx, { ...use, subject: 'alice', orderId: 'o1' });
    assert.equal(first.total, 10_000);
    assert.deepEqual(await redeemCoupon(ctx, { ...use, subject: 'alice', orderId: 'o1' }), first, 'a retried order gets the same quote');
    assert.equal(await code(redeemCoupon(ctx, { ...use, subject: 'alice', orderId: 'o2' })), 'already_done');
    assert.equal(await code(quoteCoupon(ctx, { ...use, subject: 'alice' })), 'already_done');
    assert.equal((await redeemCoupon(ctx, { ...use, subject: 'bob', orderId: 'o3' })).discount, 2000, 'another viewer still may');
    clock += 60_000;
    assert.equal(await code(quoteCoupon(ctx, { ...use, subject: 'carol' })), 'ended');
  });

  it('a red-envelope coupon belongs to its grabber: nobody else can quote or redeem it', async () => {
    const rain = await startRain(ctx, 'demo', host, { amount: 500, currency: 'CNY', quota: 2, durationMs: 10_000 });
    const coupon = await grabEnvelope(ctx, 'demo', alice, rain.id);
    const use = { roomId: 'demo', couponId: coupon.id, subtotal: 3000, currency: 'CNY' };
    assert.equal((await quoteCoupon(ctx, { ...use, subject: 'alice' })).discount, 500);
    assert.equal(await code(quoteCoupon(ctx, { ...use, subject: 'bob' })), 'not_found');
    assert.equal(await code(redeemCoupon(ctx, { ...use, subject: 'bob', orderId: 'o9' })), 'not_found');
    assert.equal(await code(grabEnvelope(ctx, 'demo', alice, rain.id)), 'already_done');
    await grabEnvelope(ctx, 'demo', bob, rain.id);
    assert.equal(await code(grabEnvelope(ctx, 'demo', { ...bob, subject: 'carol' }, rain.id)), 'exhausted');
  });

  it('500 concurrent grabs on the domain function with a quota of 50 grant exactly 50', async () => {
    const rain = await startRain(ctx, 'demo', host, { amount: 100, currency: 'CNY', quota: 50, durationMs: 10_000 });
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) => grabEnvelope(ctx, 'demo', { role: 'viewer', name: `v${i}`, subject: `v${i}` }, rain.id)),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 50);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as LiveShopServerError).code] : []));
    assert.ok(reasons.every((c) => c === 'exhausted'), [...new Set(reasons)].join());
    assert.equal((await ctx.store.latestRain('demo'))?.remaining, 0);
  });
});
