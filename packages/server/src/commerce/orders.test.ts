import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOrder, type Order } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { orderRequest, startServer, tempDir, TestClient, within } from '../test/helpers.js';

describe('orders over the websocket', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const clients: TestClient[] = [];
  const join = async () => {
    const { client } = await TestClient.join(server);
    clients.push(client);
    return client;
  };
  const stockOf = async (variantId: string) => (await server.store.getStock('demo'))[variantId];

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir });
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    await removeDir();
  });

  it('reserves stock, acks with the Order and tells every client the units left', async () => {
    const buyer = await join();
    const watcher = await join();
    const before = await stockOf('tea-set-6');
    assert.ok(before !== undefined && before > 3);
    const ack = await buyer.request({ t: 'order.place', order: orderRequest('tea-set-6', { quantity: 3 }) });
    assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
    const parsed = parseOrder(ack.data);
    assert.ok(parsed.ok, 'ack data is an Order');
    const order: Order = parsed.value;
    assert.equal(order.variantId, 'tea-set-6');
    assert.equal(order.productId, 'tea-set');
    assert.equal(order.quantity, 3);
    assert.equal(order.total, 3 * 72800);
    assert.equal(order.currency, 'CNY');
    assert.equal(order.status, 'pending_payment');
    assert.equal(await stockOf('tea-set-6'), before - 3);
    for (const client of [buyer, watcher]) {
      const event = await client.waitFor((f) => f.t === 'stock.changed' && f.variantId === 'tea-set-6', 'stock.changed');
      assert.equal(event.t === 'stock.changed' && event.available, before - 3);
    }
  });

  it('sells the last unit exactly once when 20 sockets race for it', async () => {
    const variantId = 'wireless-headphones-silver';
    const first = await join();
    const start = await stockOf(variantId);
    assert.ok(start !== undefined && start > 1);
    const drain = await first.request({ t: 'order.place', order: orderRequest(variantId, { quantity: start - 1 }) });
    assert.ok(drain.t === 'ack' && drain.ok);
    assert.equal(await stockOf(variantId), 1);
    const ordersBefore = await server.store.countOrders('demo');

    const racers = await Promise.all(Array.from({ length: 20 }, () => join()));
    const ids = racers.map((_, i) => `race-${i}`);
    racers.forEach((client, i) => client.send({ t: 'order.place', id: ids[i], order: orderRequest(variantId) }));
    const acks = await Promise.all(racers.map((client, i) => client.waitFor((f) => f.t === 'ack' && f.id === ids[i], `ack ${i}`)));

    const won = acks.filter((a) => a.t === 'ack' && a.ok);
    const lost = acks.filter((a) => a.t === 'ack' && !a.ok);
    assert.equal(won.length, 1);
    assert.equal(lost.length, 19);
    for (const a of lost) assert.equal(a.t === 'ack' && a.error?.code, 'sold_out');
    assert.equal(await stockOf(variantId), 0);
    assert.equal(await server.store.countOrders('demo'), ordersBefore + 1);
    await first.waitFor((f) => f.t === 'stock.changed' && f.variantId === variantId && f.available === 0, 'sold out event');
    for (const e of first.events()) if (e.t === 'stock.changed') assert.ok(e.available >= 0);
  });

  it('tells insufficient_stock from sold_out', async () => {
    const client = await join();
    const variantId = 'wool-coat-s-camel';
    const left = (await stockOf(variantId)) ?? 0;
    const ack = await client.request({ t: 'order.place', order: orderRequest(variantId, { quantity: Math.min(99, left + 1) }) });
    assert.equal(ack.t === 'ack' && ack.error?.code, left + 1 <= 99 ? 'insufficient_stock' : 'invalid');
    assert.equal(await stockOf(variantId), left);
  });

  it('refuses bad orders with a typed error, writes nothing and keeps the socket open', async () => {
    const client = await join();
    const ordersBefore = await server.store.countOrders('demo');
    const stockBefore = await server.store.getStock('demo');
    const good = orderRequest('silk-scarf-wave');
    const cases: [string, unknown, string][] = [
      ['quantity 0', { ...good, quantity: 0 }, 'invalid'],
      ['quantity 1e9', { ...good, quantity: 1e9 }, 'invalid'],
      ['quantity 1.5', { ...good, quantity: 1.5 }, 'invalid'],
      ['quantity as text', { ...good, quantity: '1' }, 'invalid'],
      ['missing address', { ...good, customer: { name: 'A', phone: '13800000000' } }, 'invalid'],
      ['blank name', { ...good, customer: { ...good.customer, name: '   ' } }, 'invalid'],
      ['bad phone', { ...good, customer: { ...good.customer, phone: 'call me' } }, 'invalid'],
      ['short idempotency key', { ...good, idempotencyKey: 'abc' }, 'invalid'],
      ['unknown variant', { ...good, variantId: 'no-such-variant' }, 'not_found'],
    ];
    for (const [name, order, code] of cases) {
      const ack = await client.request({ t: 'order.place', order });
      assert.equal(ack.t === 'ack' && ack.error?.code, code, name);
      assert.ok(ack.t === 'ack' && ack.error && ack.error.message.length > 0, `${name} has a message`);
    }
    client.send('{"t":"order.place","id":"broken",');
    await client.waitFor((f) => f.t === 'error' && f.code === 'invalid', 'malformed JSON');
    assert.equal(await server.store.countOrders('demo'), ordersBefore);
    assert.deepEqual(await server.store.getStock('demo'), stockBefore);
    const ping = await client.request({ t: 'ping', at: 1 });
    assert.equal(ping.t, 'pong');
  });

  it('refuses an oversized order frame by closing with 1009, writing nothing', async () => {
    const client = await join();
    const ordersBefore = await server.store.countOrders('demo');
    const order = orderRequest('silk-scarf-wave', { customer: { name: 'A', phone: '13800000000', address: 'x'.repeat(20_000) } });
    client.send({ t: 'order.place', id: 'huge', order });
    const { code } = await within(5000, 'close', client.closed);
    assert.equal(code, 1009);
    assert.equal(await server.store.countOrders('demo'), ordersBefore);
  });

  it('returns the same order for a retry with the same key, and conflict for a different body', async () => {
    const client = await join();
    const request = orderRequest('velvet-lipstick-520', { quantity: 2 });
    const first = await client.request({ t: 'order.place', order: request });
    const stockAfterFirst = await stockOf('velvet-lipstick-520');
    const ordersAfterFirst = await server.store.countOrders('demo');
    const retry = await client.request({ t: 'order.place', order: request });
    assert.ok(first.t === 'ack' && first.ok && retry.t === 'ack' && retry.ok);
    assert.deepEqual(retry.data, first.data);
    assert.equal(await stockOf('velvet-lipstick-520'), stockAfterFirst);
    assert.equal(await server.store.countOrders('demo'), ordersAfterFirst);

    const other = await client.request({ t: 'order.place', order: { ...request, quantity: 3 } });
    assert.equal(other.t === 'ack' && other.error?.code, 'conflict');
    assert.equal(await stockOf('velvet-lipstick-520'), stockAfterFirst);
    assert.equal(await server.store.countOrders('demo'), ordersAfterFirst);
  });
});
