import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Order, WebhookEvent } from '@live-shop/protocol';
import type { ServerOptions } from '../config.js';
import type { LiveShopServer } from '../server.js';
import { SIGNATURE_HEADER, signBody, verifyBody } from '../security/hmac-signature.js';
import type { WebhookDelivery } from '../store/merchant.js';
import { closeAll, merchantFetch, readDb, TEST_API_KEY, TEST_MERCHANT_SECRET, viewer } from '../test/merchant.js';
import { startServer, tempDir, within } from '../test/helpers.js';
import { retryDelayMs } from './backoff.js';
import { ATTEMPT_HEADER, EVENT_ID_HEADER } from './dispatcher.js';

/** One request the receiver got, after it checked the signature. */
interface Received {
  event: WebhookEvent;
  raw: string;
  signature: string;
  eventIdHeader: string;
  attempt: number;
  status: number;
}

/**
 * A merchant's webhook endpoint on 127.0.0.1: verifies every signature (a bad one is a test failure)
 * and answers with the status `respond` picks.
 */
async function startReceiver(respond: (event: WebhookEvent, attempt: number) => number) {
  const received: Received[] = [];
  const badSignatures: string[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        verifyBody(TEST_MERCHANT_SECRET, raw, req.headers[SIGNATURE_HEADER] as string | undefined);
      } catch (error) {
        badSignatures.push(String(error));
        res.writeHead(400).end();
        return;
      }
      const event = JSON.parse(raw) as WebhookEvent;
      const attempt = Number(req.headers[ATTEMPT_HEADER]);
      const status = respond(event, attempt);
      received.push({ event, raw, signature: String(req.headers[SIGNATURE_HEADER]), eventIdHeader: String(req.headers[EVENT_ID_HEADER]), attempt, status });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/live-shop`;
  return {
    url,
    received,
    badSignatures,
    /** Resolves once `done()` is true, re-checked on every request (bounded). */
    until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
      if (done()) return Promise.resolve();
      let wake!: () => void;
      const promise = new Promise<void>((resolve) => {
        wake = () => {
          if (done()) resolve();
        };
        waiters.add(wake);
      });
      return within(ms, what, promise).finally(() => waiters.delete(wake));
    },
    delivered: () => new Set(received.filter((r) => r.status < 300).map((r) => r.event.id)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The verification snippet of docs/merchant-api.md, loaded from the doc itself so the doc cannot drift. */
async function docSnippet(): Promise<(secret: string, raw: string, header: string) => boolean> {
  const doc = await readFile(new URL('../../../../docs/merchant-api.md', import.meta.url), 'utf8');
  const code = /```js verify-webhook\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(code, 'docs/merchant-api.md has a verify-webhook snippet');
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    verifyLiveShopWebhook: (secret: string, raw: string, header: string) => boolean;
  };
  return module.verifyLiveShopWebhook;
}

const FAST: ServerOptions['webhookTuning'] = { pollMs: 30, timeoutMs: 2_000, concurrency: 4, retry: { baseMs: 60, maxMs: 300, maxAttempts: 4 } };

describe('signed order webhooks', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let server: LiveShopServer | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
  });

  afterEach(async () => {
    await closeAll(server);
    server = undefined;
    await receiver?.close();
    receiver = undefined;
    await removeDir();
  });

  function start(webhookUrl: string | null, tuning = FAST): Promise<LiveShopServer> {
    return startServer({ dataDir: dir, merchantApiKey: TEST_API_KEY, merchantSecret: TEST_MERCHANT_SECRET, webhookUrl, webhookTuning: tuning });
  }

  async function pay(live: LiveShopServer, order: Order): Promise<void> {
    const body = JSON.stringify({ id: `evt_pay_${order.id}`, type: 'payment.succeeded', orderId: order.id, amount: order.total, currency: order.currency });
    const response = await fetch(`${live.url}/api/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(TEST_MERCHANT_SECRET, body) },
      body,
    });
    assert.equal(response.status, 200, await response.clone().text());
  }

  /** `order_status_history` as webhooks must report it: (order, status) in history order. */
  function history(): string[] {
    return readDb(dir, (db) =>
      (db.prepare('SELECT order_id, to_status FROM order_status_history ORDER BY rowid').all() as { order_id: string; to_status: string }[]).map(
        (row) => `${row.order_id} ${row.to_status}`,
      ),
    );
  }

  const reported = (events: Iterable<WebhookEvent>) => [...events].sort((a, b) => a.sequence - b.sequence).map((e) => `${e.data.order.id} ${e.data.order.status}`);
  const firstDeliveries = (r: NonNullable<typeof receiver>) => {
    const byId = new Map<string, WebhookEvent>();
    for (const item of r.received) if (item.status < 300 && !byId.has(item.event.id)) byId.set(item.event.id, item.event);
    return byId.values();
  };

  it('POSTs every order change, signed, with a stable event id and no customer data', async () => {
    receiver = await startReceiver(() => 200);
    server = await start(receiver.url);
    const buyer = await viewer(server, 'viewer-hooks');
    let order: Order;
    try {
      order = await buyer.buy('tea-set-4', { name: 'Webhook Name', address: 'Webhook Street 1' });
    } finally {
      await buyer.close();
    }
    await pay(server, order);
    await receiver.until(() => receiver!.delivered().size === history().length, 'every history entry delivered');
    assert.deepEqual(receiver.badSignatures, []);
    assert.deepEqual(reported(firstDeliveries(receiver)), history());
    const paid = receiver.received.find((r) => r.event.type === 'order.paid');
    assert.ok(paid, 'an order.paid event');
    assert.equal(paid.eventIdHeader, paid.event.id);
    assert.equal(paid.attempt, 1);
    assert.equal(paid.event.data.previousStatus, 'pending_payment');
    assert.equal(paid.event.data.order.total, order.total);
    assert.match(paid.event.id, /^evt_[\w-]{24}$/);
    const verify = await docSnippet();
    for (const request of receiver.received) {
      assert.equal(verify(TEST_MERCHANT_SECRET, request.raw, request.signature), true, 'the documented check accepts a real delivery');
      assert.equal(verify(TEST_MERCHANT_SECRET, request.raw.replace('"total":', '"total":1'), request.signature), false);
      assert.equal(verify('whsec_someone_else_0123456789', request.raw, request.signature), false);
    }
    const wire = JSON.stringify(receiver.received.map((r) => r.event));
    assert.ok(!wire.includes('Webhook Name') && !wire.includes('Webhook Street') && !wire.includes('customer'), 'no customer data in webhooks');
  });

  it('retries a 500 with backoff, under the same event id, and logs the attempts', async () => {
    // Every event fails on its first attempt and succeeds on its second.
    receiver = await startReceiver((_event, attempt) => (attempt === 1 ? 500 : 200));
    server = await start(receiver.url);
    const buyer = await viewer(server, 'viewer-retry');
    try {
      await buyer.buy('tea-set-4');
    } finally {
      await buyer.close();
    }
    await receiver.until(() => receiver!.delivered().size === history().length, 'delivered after a retry');
    const attempts = receiver.received.filter((r) => r.event.id === receiver!.received[0]!.event.id);
    assert.deepEqual(attempts.map((r) => [r.attempt, r.status]), [[1, 500], [2, 200]]);
    assert.equal(attempts[0]!.event.id, attempts[1]!.event.id);
    const log = (await (await merchantFetch(server, 'webhooks/deliveries')).json()) as { deliveries: WebhookDelivery[] };
    assert.ok(log.deliveries.length >= 1);
    for (const delivery of log.deliveries) {
      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.attempts, 2);
      assert.equal(delivery.lastStatus, 200);
      assert.equal('body' in delivery, false);
    }
  });

  it('loses nothing across restarts: changes made while webhooks were off, and retries pending at shutdown', async () => {
    // 1. No URL: orders happen, nothing is sent, the cursor waits.
    server = await start(null);
    let buyer = await viewer(server, 'viewer-restart');
    const first = await buyer.buy('tea-set-4');
    await buyer.close();
    await pay(server, first);
    await server.close();

    // 2. The receiver is down (503): every attempt fails and is rescheduled.
    let healthy = false;
    receiver = await startReceiver(() => (healthy ? 200 : 503));
    server = await start(receiver.url, { ...FAST, retry: { baseMs: 50, maxMs: 100, maxAttempts: 1000 } });
    await receiver.until(() => receiver!.received.length >= 3, 'failing attempts');
    buyer = await viewer(server, 'viewer-restart');
    const second = await buyer.buy('tea-set-6');
    await buyer.close();
    await receiver.until(() => receiver!.received.some((r) => r.event.data.order.id === second.id), 'a failing attempt of the new order');
    await server.close();
    const pending = readDb(dir, (db) => db.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'pending'").get() as { n: number });
    assert.ok(pending.n >= 3, `deliveries still pending after shutdown: ${pending.n}`);
    assert.equal(receiver.delivered().size, 0);

    // 3. Restart with the receiver back: every change of the audit trail arrives, once each at least.
    healthy = true;
    server = await start(receiver.url);
    await receiver.until(() => receiver!.delivered().size === history().length, 'every history entry delivered after restart');
    assert.deepEqual(reported(firstDeliveries(receiver)), history());
    assert.deepEqual(receiver.badSignatures, []);
    // The receiver answered; the dispatcher records each answer a moment later.
    const undelivered = () => readDb(dir, (db) => (db.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'delivered'").get() as { n: number }).n);
    await within(5_000, 'the log shows every delivery delivered', (async () => {
      while (undelivered() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    })());
  });

  it('gives up after the bound, keeps the delivery as failed, and delivers it when the merchant requeues it', async () => {
    let healthy = false;
    receiver = await startReceiver(() => (healthy ? 204 : 500));
    server = await start(receiver.url, { ...FAST, retry: { baseMs: 20, maxMs: 40, maxAttempts: 3 } });
    const buyer = await viewer(server, 'viewer-bound');
    try {
      await buyer.buy('tea-set-4');
    } finally {
      await buyer.close();
    }
    const live = server;
    const failed = async () =>
      ((await (await merchantFetch(live, 'webhooks/deliveries?status=failed')).json()) as { deliveries: WebhookDelivery[] }).deliveries;
    await within(10_000, 'the delivery fails for good', (async () => {
      while ((await failed()).length === 0) await new Promise((resolve) => setTimeout(resolve, 30));
    })());
    const [gaveUp] = await failed();
    assert.equal(gaveUp?.attempts, 3);
    assert.equal(gaveUp?.lastStatus, 500);
    assert.equal(gaveUp?.lastError, 'HTTP 500');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(receiver.received.filter((r) => r.event.id === gaveUp!.eventId).length, 3, 'no attempt after the bound');

    healthy = true;
    const requeue = await merchantFetch(server, `webhooks/deliveries/${gaveUp!.eventId}/retry`, { method: 'POST' });
    assert.equal(requeue.status, 202);
    await receiver.until(() => receiver!.delivered().has(gaveUp!.eventId), 'requeued delivery');
    assert.equal((await merchantFetch(server, 'webhooks/deliveries/evt_nope/retry', { method: 'POST' })).status, 404);
  });

  it('backs off exponentially with jitter, capped, and stops at the bound', () => {
    const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 6 };
    const low = [1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, policy, () => 0));
    const high = [1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, policy, () => 1));
    assert.deepEqual(low, [500, 1000, 2000, 4000, 4000]);
    assert.deepEqual(high, [1000, 2000, 4000, 8000, 8000]);
    assert.equal(retryDelayMs(6, policy), null);
  });
});
