// Test helpers of the merchant API tests: a seeded server with a known API key, authenticated requests,
// orders placed by viewers over a real WebSocket, and read-only looks at the SQLite file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Order } from '@live-shop/protocol';
import { signToken } from '../auth/tokens.js';
import type { LiveShopServer } from '../server.js';
import { DATABASE_FILE } from '../store/sqlite/open.js';
import { orderRequest, TEST_SECRET, TestClient } from './helpers.js';

/** API key of merchant test servers. */
export const TEST_API_KEY = 'lsk_merchant_api_test_key_0123456789';
/** Merchant secret of test servers (payments in, webhooks out). */
export const TEST_MERCHANT_SECRET = 'whsec_merchant_test_0123456789abcdef';

/** A request to the merchant API with the test key (or the given headers instead). */
export function merchantFetch(
  server: { url: string },
  path: string,
  init: { method?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = init.headers ?? { Authorization: `Bearer ${TEST_API_KEY}` };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  return fetch(`${server.url}/api/merchant/${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

/** A viewer token with a fixed subject for the demo room. */
export function viewerToken(subject: string, room = 'demo'): Promise<string> {
  return signToken(TEST_SECRET, { role: 'viewer', room, sub: subject });
}

/** A viewer (token subject `subject`) that buys over a real socket. */
export async function viewer(server: { url: string }, subject: string): Promise<{ buy: (variantId: string, customer?: Partial<{ name: string; phone: string; address: string }>) => Promise<Order>; close: () => Promise<void> }> {
  const { client } = await TestClient.join(server, { token: await viewerToken(subject) });
  return {
    buy: async (variantId, customer = {}) => {
      const request = orderRequest(variantId);
      const ack = await client.request({ t: 'order.place', order: { ...request, customer: { ...request.customer, ...customer } } });
      assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
      return ack.data as Order;
    },
    close: () => client.close(),
  };
}

/** Runs `read` on a read-only connection to the server's database, closed afterwards. */
export function readDb<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Closes the server if it was started. */
export async function closeAll(...servers: (LiveShopServer | undefined)[]): Promise<void> {
  for (const server of servers) await server?.close();
}
