import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClientFrame, parseServerFrame } from './parse.js';

const customer = { name: '张三', phone: '+86 138 0000 0000', address: '上海市静安区南京西路 1 号' };
const sale = {
  id: 'sale_1', productId: 'coat', variantId: 'coat-m', price: 9900, originalPrice: 129900, quota: 100, remaining: 100,
  perViewerLimit: 2, startsAt: 1_000, endsAt: 61_000, status: 'scheduled',
};

describe('commerce frames', () => {
  it('accepts the commerce commands of the contract', () => {
    const frames = [
      { t: 'order.reserve', id: 'c1', reserve: { variantId: 'coat-m', quantity: 1, idempotencyKey: 'key-12345678' } },
      { t: 'order.reserve', id: 'c2', reserve: { variantId: 'coat-m', quantity: 2, idempotencyKey: 'key-12345678', saleId: 'sale_1' } },
      { t: 'order.checkout', id: 'c3', orderId: 'ord_1', customer },
      { t: 'order.cancel', id: 'c4', orderId: 'ord_1' },
      { t: 'flashsale.start', id: 'c5', sale: { variantId: 'coat-m', price: 9900, quota: 100, perViewerLimit: 2, startsInMs: 10_000, durationMs: 60_000 } },
      { t: 'flashsale.stop', id: 'c6', saleId: 'sale_1' },
      { t: 'order.reserve', id: 'c7', reserve: { variantId: 'coat-m', quantity: 1, idempotencyKey: 'key-12345678', couponId: 'k_1' } },
      { t: 'order.checkout', id: 'c8', orderId: 'ord_1', customer, couponId: 'k_1' },
      { t: 'order.checkout', id: 'c9', orderId: 'ord_1', customer, couponId: null },
    ];
    for (const frame of frames) assert.equal(parseClientFrame(JSON.stringify(frame)).ok, true, frame.t);
  });

  it('refuses bad commerce commands with the field that is wrong', () => {
    const bad: [object, RegExp][] = [
      [{ t: 'order.reserve', id: 'c1', reserve: { variantId: 'coat-m', quantity: 0, idempotencyKey: 'key-12345678' } }, /quantity/],
      [{ t: 'order.reserve', id: 'c1', reserve: { variantId: 'coat-m', quantity: 1, idempotencyKey: 'short' } }, /idempotencyKey/],
      [{ t: 'order.reserve', id: 'c1', reserve: { variantId: 'coat-m', quantity: 1, idempotencyKey: 'key-12345678', price: 1 } }, /price/],
      [{ t: 'order.checkout', id: 'c1', orderId: 'ord_1', customer: { ...customer, phone: 'x' } }, /phone/],
      [{ t: 'order.checkout', id: 'c1', orderId: 'ord_1', customer, couponId: 7 }, /couponId/],
      [{ t: 'order.reserve', id: 'c1', reserve: { variantId: 'coat-m', quantity: 1, idempotencyKey: 'key-12345678', couponId: '' } }, /couponId/],
      [{ t: 'flashsale.start', id: 'c1', sale: { variantId: 'coat-m', price: 1, quota: 0, perViewerLimit: 1, startsInMs: 0, durationMs: 60_000 } }, /quota/],
      [{ t: 'flashsale.start', id: 'c1', sale: { variantId: 'coat-m', price: 1, quota: 1, perViewerLimit: 1, startsInMs: 0, durationMs: 10 } }, /durationMs/],
    ];
    for (const [frame, field] of bad) {
      const parsed = parseClientFrame(JSON.stringify(frame));
      assert.equal(parsed.ok, false, JSON.stringify(frame));
      assert.match(parsed.ok ? '' : parsed.error.message, field);
    }
  });

  it('reads flashsale.changed and refuses a malformed sale', () => {
    assert.equal(parseServerFrame(JSON.stringify({ t: 'flashsale.changed', seq: 3, at: 5, sale })).ok, true);
    assert.equal(parseServerFrame(JSON.stringify({ t: 'flashsale.changed', seq: 3, at: 5, sale: { ...sale, status: 'over' } })).ok, false);
    assert.equal(parseServerFrame(JSON.stringify({ t: 'flashsale.changed', seq: 3, at: 5, sale: { ...sale, remaining: -1 } })).ok, false);
  });
});
