import type { OrderStatus } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';

/**
 * The order state machine, as data: for each status, the statuses it may move to.
 *
 * `reserved` -> `pending_payment` -> `paid` -> `fulfilled` | `refunded`; `reserved` | `pending_payment` ->
 * `cancelled` | `expired`; a fulfilled order may still be refunded. Everything else is illegal.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  reserved: ['pending_payment', 'cancelled', 'expired'],
  pending_payment: ['paid', 'cancelled', 'expired'],
  paid: ['fulfilled', 'refunded'],
  fulfilled: ['refunded'],
  refunded: [],
  cancelled: [],
  expired: [],
};

/** Where an order's units are in each status: `held` while open, `sold` once paid (refunds stay sold), else back in `stock`. */
export const UNITS_IN: Readonly<Record<OrderStatus, 'held' | 'sold' | 'stock'>> = {
  reserved: 'held',
  pending_payment: 'held',
  paid: 'sold',
  fulfilled: 'sold',
  refunded: 'sold',
  cancelled: 'stock',
  expired: 'stock',
};

/** Statuses that hold units and lapse at `expiresAt`. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['reserved', 'pending_payment'];

/** Statuses that count toward a per-viewer purchase limit (a refund gives the viewer its allowance back). */
export const COUNTED_STATUSES: readonly OrderStatus[] = ['reserved', 'pending_payment', 'paid', 'fulfilled'];

/** True when the state machine allows `from` -> `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** An order change the state machine does not allow; its wire code is `conflict`. */
export class IllegalTransitionError extends LiveShopServerError {
  readonly from: OrderStatus;
  readonly to: OrderStatus;

  constructor(from: OrderStatus, to: OrderStatus) {
    super('conflict', `an order that is ${from} cannot become ${to}`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
  }
}

/** Throws {@link IllegalTransitionError} unless `from` -> `to` is an edge of {@link ORDER_TRANSITIONS}. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
