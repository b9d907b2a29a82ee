import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Product } from '@live-shop/protocol';
import { LiveShopError } from './errors.js';
import { exponentialBackoff } from './signaling/backoff.js';
import type { ConnectionStatus } from './stores/connection.js';
import {
  connectedClient,
  createClient,
  customer,
  disposeClients,
  faultyWebSocket,
  fastReconnect,
  recordingWebSocket,
  serverUrl,
  sleep,
  token,
  until,
} from './test/helpers.js';

/** A variant with at least `units` in stock, from the client's own stores. */
function buyable(products: readonly Product[], stock: Record<string, number>, units = 5): { product: Product; variantId: string } {
  for (const product of products) {
    for (const variant of product.variants) {
      if ((stock[variant.id] ?? 0) >= units) return { product, variantId: variant.id };
    }
  }
  throw new Error(`no variant with ${units} units left`);
}

async function rejectionOf(promise: Promise<unknown>): Promise<LiveShopError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveShopError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('LiveShopClient', () => {
  afterEach(() => disposeClients());

  it('connects and fills the stores from the snapshot', async () => {
    const client = createClient();
    expect(client.$connection.get().status).to.equal('idle');
    client.connect();
    client.connect(); // idempotent
    await until(client.$connection, (state) => state.status === 'open');
    expect(client.$products.get().length).to.be.at.least(6);
    const room = client.$room.get();
    expect(room?.id).to.equal('demo');
    expect(room?.hls).to.be.a('string');
    const stock = client.$stock.get();
    for (const product of client.$products.get()) {
      for (const variant of product.variants) expect(stock[variant.id]).to.be.a('number');
    }
    expect(client.$viewer.get()?.role).to.equal('viewer');
    expect(client.resolveUrl(room?.hls ?? '')).to.equal(`${serverUrl()}${room?.hls}`);
  });

  it('delivers a chat message from one client to another as plain text', async () => {
    const alice = await connectedClient({ name: 'Alice' });
    const bob = await connectedClient({ name: 'Bob' });
    const text = `<img src=x onerror=alert(1)> hello ${Math.random()}`;
    await alice.sendChat(text);
    const chat = await until(bob.$chat, (messages) => messages.some((message) => message.text === text));
    const message = chat.find((item) => item.text === text);
    expect(message?.name).to.equal('Alice');
    expect(message?.role).to.equal('viewer');
  });

  it("shows a host's pin in a viewer's $pinnedProduct", async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    expect(host.$viewer.get()?.role).to.equal('host');
    const products = viewer.$products.get();
    const current = viewer.$pinned.get()?.productId;
    const next = products.find((product) => product.id !== current);
    if (!next) throw new Error('the demo room needs two products');
    await host.pinProduct(next.id);
    const pinned = await until(viewer.$pinnedProduct, (product) => product?.id === next.id);
    expect(pinned?.name).to.equal(next.name);
    await host.unpinProduct();
    await until(viewer.$pinnedProduct, (product) => product === null);
  });

  it("rejects a viewer's pin with 'forbidden'", async () => {
    const viewer = await connectedClient();
    const productId = viewer.$products.get()[0]?.id ?? 'none';
    const error = await rejectionOf(viewer.pinProduct(productId));
    expect(error.code).to.equal('forbidden');
  });

  it('places an order and another client sees the stock drop by its quantity', async () => {
    const buyer = await connectedClient();
    const watcher = await connectedClient();
    const { product, variantId } = buyable(buyer.$products.get(), buyer.$stock.get());
    const before = watcher.$stock.get()[variantId] ?? 0;
    const order = await buyer.placeOrder({ variantId, quantity: 2, customer });
    expect(order.variantId).to.equal(variantId);
    expect(order.productId).to.equal(product.id);
    expect(order.quantity).to.equal(2);
    expect(order.status).to.equal('pending_payment');
    const price = product.variants.find((variant) => variant.id === variantId)?.price ?? NaN;
    expect(order.total).to.equal(price * 2);
    await until(watcher.$stock, (stock) => stock[variantId] === before - 2);
  });

  it("rejects bad order input with 'invalid' and sends nothing", async () => {
    const record = recordingWebSocket();
    const buyer = await connectedClient({ WebSocket: record.WebSocket });
    const { variantId } = buyable(buyer.$products.get(), buyer.$stock.get());
    const before = buyer.$stock.get()[variantId];
    const bad = [
      { variantId, quantity: 0, customer },
      { variantId, quantity: 1e9, customer },
      { variantId, quantity: 1.5, customer },
      { variantId, quantity: 1, customer: { ...customer, address: '' } },
    ];
    for (const input of bad) {
      const error = await rejectionOf(buyer.placeOrder(input));
      expect(error.code).to.equal('invalid');
      expect(error.message).to.match(/^(quantity|customer\.address): /);
    }
    expect(record.sent.filter((frame) => frame.t === 'order.place')).to.have.length(0);
    // A fresh snapshot from the server shows nothing changed.
    const fresh = await connectedClient();
    expect(fresh.$stock.get()[variantId]).to.equal(before);
  });

  it('returns the same order for the same idempotency key', async () => {
    const buyer = await connectedClient();
    const watcher = await connectedClient();
    const { variantId } = buyable(buyer.$products.get(), buyer.$stock.get());
    const before = watcher.$stock.get()[variantId] ?? 0;
    const idempotencyKey = `same-key-${Date.now()}`;
    const first = await buyer.placeOrder({ variantId, quantity: 1, customer, idempotencyKey });
    const second = await buyer.placeOrder({ variantId, quantity: 1, customer, idempotencyKey });
    expect(second.id).to.equal(first.id);
    await until(watcher.$stock, (stock) => stock[variantId] === before - 1);
    // Stock moved once: a later fresh snapshot agrees.
    const fresh = await connectedClient();
    expect(fresh.$stock.get()[variantId]).to.equal(before - 1);
  });

  it('reconnects after a server restart and resumes with consistent stores', async () => {
    const record = recordingWebSocket();
    const viewer = await connectedClient({ reconnect: fastReconnect, WebSocket: record.WebSocket });
    const statuses: ConnectionStatus[] = [viewer.$connection.get().status];
    const stop = viewer.$connection.listen((state) => {
      if (statuses.at(-1) !== state.status) statuses.push(state.status);
    });
    let reconnected = 0;
    viewer.on('reconnected', () => (reconnected += 1));

    await executeServerCommand('live-shop-restart');
    await until(viewer.$connection, (state) => state.status === 'open' && statuses.includes('reconnecting'), 20_000);
    stop();
    expect(statuses).to.deep.equal(['open', 'reconnecting', 'open']);
    expect(reconnected).to.equal(1);
    // It asked to resume from the last sequence number it had applied.
    const hellos = record.sent.filter((frame) => frame.t === 'hello');
    expect(hellos).to.have.length(2);
    expect(hellos[0]).not.to.have.property('lastSeq');
    expect(hellos[1]?.lastSeq).to.be.a('number');

    // Events after the restart still arrive, and the stores match a fresh snapshot.
    const other = await connectedClient();
    const text = `after restart ${Math.random()}`;
    await other.sendChat(text);
    await until(viewer.$chat, (messages) => messages.some((message) => message.text === text));
    const { variantId } = buyable(viewer.$products.get(), viewer.$stock.get());
    const before = viewer.$stock.get()[variantId] ?? 0;
    await other.placeOrder({ variantId, quantity: 1, customer });
    await until(viewer.$stock, (stock) => stock[variantId] === before - 1);
    const fresh = await connectedClient();
    expect(viewer.$stock.get()).to.deep.equal(fresh.$stock.get());
    expect(viewer.$pinned.get()).to.deep.equal(fresh.$pinned.get());
    expect(viewer.$products.get()).to.deep.equal(fresh.$products.get());
    const ids = viewer.$chat.get().map((message) => message.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it("detects a dead connection when pongs stop and reconnects with a 'timeout' error", async () => {
    const client = await connectedClient({
      // Pongs never reach the client, as when a connection dies silently while the socket looks open.
      WebSocket: faultyWebSocket((frame) => (frame.includes('"t":"pong"') ? [] : [frame])),
      heartbeatMs: 150,
      reconnect: fastReconnect,
    });
    const dropped = await until(client.$connection, (state) => state.status === 'reconnecting', 5_000);
    expect(dropped.error?.code).to.equal('timeout');
    await until(client.$connection, (state) => state.status === 'open', 5_000);
  });

  it('applies a room event once even when it arrives twice (dedup by seq)', async () => {
    const twice = faultyWebSocket((frame) => (frame.includes('"seq":') && !frame.includes('"t":"welcome"') ? [frame, frame] : [frame]));
    const viewer = await connectedClient({ WebSocket: twice });
    const other = await connectedClient();
    let events = 0;
    viewer.on('event', () => (events += 1));
    const text = `once ${Math.random()}`;
    await other.sendChat(text);
    await until(viewer.$chat, (messages) => messages.some((message) => message.text === text));
    await other.sendChat(`${text} again`);
    await until(viewer.$chat, (messages) => messages.some((message) => message.text === `${text} again`));
    expect(viewer.$chat.get().filter((message) => message.text === text)).to.have.length(1);
    expect(events).to.equal(2);
  });

  it('leaves no open socket, no timers and no incoming frames after dispose()', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket, heartbeatMs: 100 });
    await sleep(250); // the heartbeat is running
    expect(record.sent.some((frame) => frame.t === 'ping')).to.equal(true);
    let events = 0;
    client.on('event', () => (events += 1));
    client.dispose();
    expect(client.$connection.get().status).to.equal('closed');
    const sent = record.sent.length;
    const received = record.received.length;
    const chatBefore = client.$chat.get();

    const other = await connectedClient();
    const text = `after dispose ${Math.random()}`;
    await other.sendChat(text);
    await until(other.$chat, (messages) => messages.some((message) => message.text === text));
    await sleep(400); // several heartbeat periods

    expect(record.sockets).to.have.length(1);
    expect(record.sockets[0]?.readyState).to.equal(WebSocket.CLOSED);
    expect(record.sent.length).to.equal(sent);
    expect(record.received.length).to.equal(received);
    expect(events).to.equal(0);
    expect(client.$chat.get()).to.equal(chatBefore);
    expect((await rejectionOf(client.sendChat('too late'))).code).to.equal('closed');
  });

  it("rejects a command with 'timeout' when no ack comes in time", async () => {
    const record = recordingWebSocket();
    const client = createClient({ WebSocket: record.WebSocket, ackTimeoutMs: 300 });
    // Never connected: the command waits for a socket that never opens, and its ack timer bounds the wait.
    const error = await rejectionOf(client.sendChat('hello?'));
    expect(error.code).to.equal('timeout');
    expect(record.sent).to.have.length(0);
  });

  it("gives up when the reconnect policy says stop, and ends 'closed' with the error", async () => {
    // Port 1 on loopback: nothing listens, every connect is refused.
    const client = createClient({ server: 'http://127.0.0.1:1', reconnect: (attempt) => (attempt > 2 ? null : 10) });
    const errors: LiveShopError[] = [];
    client.on('error', (error) => errors.push(error));
    client.connect();
    const state = await until(client.$connection, (value) => value.status === 'closed');
    expect(state.attempt).to.equal(3);
    expect(state.error?.code).to.equal('network');
    expect(errors.map((error) => error.code)).to.deep.equal(['network']);
    expect((await rejectionOf(client.sendChat('anyone?'))).code).to.equal('closed');
  });

  it("does not retry a hello the server refuses (bad token → 'forbidden')", async () => {
    const tries: number[] = [];
    const client = createClient({
      token: 'not.a.token',
      reconnect: (attempt, error) => {
        tries.push(attempt);
        return exponentialBackoff()(attempt, error);
      },
    });
    client.connect();
    const state = await until(client.$connection, (value) => value.status === 'closed');
    expect(state.error?.code).to.equal('forbidden');
    expect(tries).to.deep.equal([1]);
  });

  it('sends the token inside hello, never in the URL', async () => {
    const record = recordingWebSocket();
    const hostToken = await token('host');
    await connectedClient({ WebSocket: record.WebSocket, token: hostToken });
    expect(record.sockets[0]?.url).to.equal(`${serverUrl().replace(/^http/, 'ws')}/ws`);
    expect(record.sent[0]).to.include({ t: 'hello', room: 'demo', token: hostToken });
  });
});
