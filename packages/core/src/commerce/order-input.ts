import { OrderRequestSchema, validate, type OrderRequest } from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import { idempotencyKey } from '../signaling/ids.js';

/**
 * What `placeOrder` takes: the protocol's `OrderRequest` (variant, quantity, customer) whose idempotency
 * key is optional.
 */
export type OrderInput = Omit<OrderRequest, 'idempotencyKey'> & {
  /** 8-64 URL-safe characters; the same key returns the same order. A fresh one is made when absent. */
  idempotencyKey?: string;
};

/**
 * Checks `input` with the protocol's own schema, before anything is sent, and returns the request to send
 * (trimmed, with its idempotency key). Throws `LiveShopError('invalid', '<field>: <problem>')`, e.g.
 * `quantity: quantity must be at least 1` or `customer.address: address is required`.
 */
export function toOrderRequest(input: OrderInput): OrderRequest {
  if (typeof input !== 'object' || input === null) {
    throw new LiveShopError('invalid', 'order: must be an object');
  }
  const candidate = { ...input, idempotencyKey: input.idempotencyKey ?? idempotencyKey() };
  const checked = validate(OrderRequestSchema, candidate);
  if (!checked.ok) throw new LiveShopError('invalid', checked.error.message);
  return checked.value;
}
