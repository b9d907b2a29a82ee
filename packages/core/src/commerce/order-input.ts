import type { Order, OrderRequest } from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import { loadDeferred, loadedDeferred } from '../signaling/deferred-loader.js';
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
 * Checks `input` with the protocol's own schema, before anything is sent, and resolves with the request to send
 * (trimmed, with its idempotency key). Rejects with `LiveShopError('invalid', '<field>: <problem>')`, e.g.
 * `quantity: quantity must be at least 1` or `customer.address: address is required`. Async because the schema
 * loads with the checks of outgoing commands (signaling/deferred.ts), after the initial bundle.
 */
export async function toOrderRequest(input: OrderInput): Promise<OrderRequest> {
  if (typeof input !== 'object' || input === null) {
    throw new LiveShopError('invalid', 'order: must be an object');
  }
  const candidate = { ...input, idempotencyKey: input.idempotencyKey ?? idempotencyKey() };
  const checks = loadedDeferred() ?? (await loadDeferred());
  const checked = checks.checkOrderRequest(candidate);
  if (!checked.ok) throw new LiveShopError('invalid', checked.error.message);
  return checked.value;
}

/**
 * The order in an ack's `data` (`order.place`, `order.reserve`, `order.checkout`, `order.cancel`), checked with the
 * protocol's schema, which loads with the deferred module (already there once a command was answered). Rejects with
 * `LiveShopError('internal')` when the server's order is unreadable.
 */
export async function orderFromAck(data: unknown): Promise<Order> {
  const parsed = (loadedDeferred() ?? (await loadDeferred())).parseOrder(data);
  if (!parsed.ok) throw new LiveShopError('internal', `the server's order is unreadable: ${parsed.error.message}`);
  return parsed.value;
}
