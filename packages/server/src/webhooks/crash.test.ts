import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Order, WebhookEvent } from '@live-shop/protocol';
import { signTestToken, startTestServer, type TestServer } from '../../../../test/test-server.mjs';
import { readDb, TEST_MERCHANT_SECRET } from '../test/merchant.js';
import { SIGNATURE_HEADER, verifyBody } from '../security/hmac-signature.js';
import { orderRequest, TestClient, within } from '../test/helpers.js';

/**
 * SIGKILL the server while a webhook is in flight: the attempt never got its answer recorded, so after the
 * restart the delivery's lease runs out and it is sent again (at least once: the merchant dedups by id).
 */
describe('webhooks across a SIGKILL of the server', () => {
  let server: TestServer | undefined;
  const hanging: ServerResponse[] = [];
  const received: { event: WebhookEvent; signed: boolean; answered: boolean }[] = [];
  const receiver = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let signed = true;
      try {
        verifyBody(TEST_MERCHANT_SECRET, raw, req.headers[SIGNATURE_HEADER] as string | undefined);
      } catch {
        signed = false;
      }
      // The very first request is left hanging: the server dies before it gets an answer.
      const answered = received.length > 0;
      received.push({ event: JSON.parse(raw) as WebhookEvent, signed, answered });
      if (answered) res.writeHead(200).end('ok');
      else hanging.push(res);
    });
  });

  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // The child server inherits the environment: it signs webhooks with this secret.
    process.env['LIVE_SHOP_MERCHANT_SECRET'] = TEST_MERCHANT_SECRET;
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    server = await startTestServer({ args: ['--seed', 'demo', '--no-autopilot', '--quiet', '--webhook-url', url] });
  });

  after(async () => {
    await server?.stop();
    for (const res of hanging) res.destroy();
    await new Promise<void>((resolve) => {
      receiver.close(() => resolve());
      receiver.closeAllConnections();
    });
  });

  it('delivers the event whose attempt was cut by the crash, after the restart, under the same id', { timeout: 60_000 }, async () => {
    const live = server!;
    const { client } = await TestClient.join(live, { token: await signTestToken({ role: 'viewer' }) });
    const ack = await client.request({ t: 'order.place', order: orderRequest('tea-set-4') });
    await client.close();
    assert.ok(ack.t === 'ack' && ack.ok, JSON.stringify(ack));
    const order = ack.data as Order;

    await within(10_000, 'the first attempt reaches the receiver', (async () => {
      while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    })());
    const cut = received[0]!;
    assert.equal(cut.event.data.order.id, order.id);
    await live.restart('SIGKILL');

    // The lease of the cut attempt (timeout 10 s + 5 s) runs out, then the delivery is due again.
    await within(40_000, 'the cut event delivered after the restart', (async () => {
      while (!received.some((r) => r.answered && r.event.id === cut.event.id)) await new Promise((resolve) => setTimeout(resolve, 100));
    })());
    assert.ok(received.every((r) => r.signed), 'every request signed');
    const history = readDb(live.dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM order_status_history').get() as { n: number }).n);
    const delivered = new Set(received.filter((r) => r.answered).map((r) => r.event.id));
    assert.equal(delivered.size, history, 'every change of the audit trail delivered');
    const integrity = readDb(live.dataDir, (db) => db.pragma('integrity_check', { simple: true }));
    assert.equal(integrity, 'ok');
  });
});
