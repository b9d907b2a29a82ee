import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OrderStatusSchema, type OrderStatus } from '@live-shop/protocol';
import { assertTransition, canTransition, IllegalTransitionError, ORDER_TRANSITIONS, UNITS_IN } from './order-state.js';
import { LiveShopServerError } from '../errors.js';

const ALL = OrderStatusSchema.options as readonly OrderStatus[];
const EXPECTED: readonly [OrderStatus, OrderStatus][] = [
  ['reserved', 'pending_payment'],
  ['reserved', 'cancelled'],
  ['reserved', 'expired'],
  ['pending_payment', 'paid'],
  ['pending_payment', 'cancelled'],
  ['pending_payment', 'expired'],
  ['paid', 'fulfilled'],
  ['paid', 'refunded'],
  ['fulfilled', 'refunded'],
];

describe('order state machine', () => {
  it('allows exactly the edges of the contract, and every other pair is a typed conflict', () => {
    const legal = new Set(EXPECTED.map(([from, to]) => `${from}>${to}`));
    let checked = 0;
    for (const from of ALL) {
      for (const to of ALL) {
        const allowed = legal.has(`${from}>${to}`);
        assert.equal(canTransition(from, to), allowed, `${from} -> ${to}`);
        if (allowed) assert.doesNotThrow(() => assertTransition(from, to));
        else {
          assert.throws(
            () => assertTransition(from, to),
            (error: unknown) => error instanceof IllegalTransitionError && error instanceof LiveShopServerError && error.code === 'conflict' && error.from === from && error.to === to,
          );
        }
        checked += 1;
      }
    }
    assert.equal(checked, 49);
    assert.deepEqual(Object.keys(ORDER_TRANSITIONS).sort(), [...ALL].sort());
  });

  it('ends in terminal states and keeps units consistent along every edge', () => {
    for (const terminal of ['refunded', 'cancelled', 'expired'] as const) assert.deepEqual(ORDER_TRANSITIONS[terminal], []);
    // Units only ever move held -> stock or held -> sold (never back from sold): refunds stay counted as sold.
    for (const [from, to] of EXPECTED) {
      const move = `${UNITS_IN[from]}>${UNITS_IN[to]}`;
      assert.ok(['held>held', 'held>stock', 'held>sold', 'sold>sold'].includes(move), `${from} -> ${to} moves ${move}`);
    }
  });
});
