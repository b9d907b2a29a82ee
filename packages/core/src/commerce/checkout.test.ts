import { expect } from '@open-wc/testing';
import type { CheckoutState } from './checkout.js';
import { connectedClient, customer, disposeClients, recordingWebSocket } from '../test/helpers.js';
import type { LiveShopClient } from '../client.js';

function firstVariant(client: LiveShopClient): { productId: string; variantId: string } {
  const stock = client.$stock.get();
  for (const product of client.$products.get()) {
    const variant = product.variants.find((item) => (stock[item.id] ?? 0) > 5);
    if (variant) return { productId: product.id, variantId: variant.id };
  }
  throw new Error('nothing left to buy in the demo room');
}

function orderKeys(record: ReturnType<typeof recordingWebSocket>): string[] {
  return record.sent
    .filter((frame) => frame.t === 'order.place')
    .map((frame) => (frame.order as { idempotencyKey: string }).idempotencyKey);
}

describe('Checkout', () => {
  afterEach(() => disposeClients());

  it('goes closed → open → placing → placed and resolves with the order', async () => {
    const client = await connectedClient();
    const { productId, variantId } = firstVariant(client);
    const steps: CheckoutState['step'][] = [];
    client.checkout.$state.subscribe((state) => steps.push(state.step));
    client.checkout.open(productId);
    const order = await client.checkout.place({ variantId, quantity: 1, customer });
    expect(order?.variantId).to.equal(variantId);
    expect(steps).to.deep.equal(['closed', 'open', 'placing', 'placed']);
    const state = client.checkout.$state.get();
    expect(state.step === 'placed' && state.order.id).to.equal(order?.id);
    client.checkout.close();
    expect(client.checkout.$state.get()).to.deep.equal({ step: 'closed' });
  });

  it('fails on a server error and retries with the same idempotency key', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    const failed = await client.checkout.place({ variantId: 'no-such-variant', quantity: 1, customer });
    expect(failed).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step).to.equal('failed');
    expect(state.step === 'failed' && state.error.code).to.equal('not_found');

    const order = await client.checkout.place({ variantId, quantity: 1, customer });
    expect(order?.variantId).to.equal(variantId);
    const keys = orderKeys(record);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('sends one order when place() is called again while placing, or after it was placed', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    const input = { variantId, quantity: 1, customer };
    const [first, second] = await Promise.all([client.checkout.place(input), client.checkout.place(input)]);
    const third = await client.checkout.place(input);
    expect(second?.id).to.equal(first?.id);
    expect(third?.id).to.equal(first?.id);
    expect(orderKeys(record)).to.have.length(1);
  });

  it('draws a new idempotency key on every open()', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    const input = { variantId, quantity: 1, customer };
    client.checkout.open(productId);
    const first = await client.checkout.place(input);
    client.checkout.open(productId);
    const second = await client.checkout.place(input);
    expect(second?.id).not.to.equal(first?.id);
    const keys = orderKeys(record);
    expect(keys).to.have.length(2);
    expect(keys[1]).not.to.equal(keys[0]);
  });

  it("fails with 'invalid' on bad input without sending, and refuses place() when closed", async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    const { productId, variantId } = firstVariant(client);
    client.checkout.open(productId);
    expect(await client.checkout.place({ variantId, quantity: 0, customer })).to.equal(null);
    const state = client.checkout.$state.get();
    expect(state.step === 'failed' && state.error.code).to.equal('invalid');
    expect(orderKeys(record)).to.have.length(0);
    client.checkout.close();
    let refused: unknown;
    await client.checkout.place({ variantId, quantity: 1, customer }).catch((error: unknown) => (refused = error));
    expect((refused as { code?: string } | undefined)?.code).to.equal('invalid');
  });
});
