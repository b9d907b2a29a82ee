import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { LiveShopClient } from '@live-shop/core';
import { startTestServer, type TestServer } from '../test-server.mjs';
import { nodeClient, sleep, token, until } from './helpers.js';

/** The `ws` class, made switchable: while `offline`, every connection attempt goes nowhere (port 1 refuses). */
function switchableWebSocket(): { WebSocket: typeof globalThis.WebSocket; cut: () => void; offline: boolean } {
  const state = { offline: false, sockets: [] as WebSocket[] };
  class Switchable extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(state.offline ? 'ws://127.0.0.1:1/ws' : url, protocols);
      state.sockets.push(this);
    }
  }
  return {
    WebSocket: Switchable as unknown as typeof globalThis.WebSocket,
    cut: () => {
      state.offline = true;
      for (const socket of state.sockets) socket.terminate();
    },
    get offline() {
      return state.offline;
    },
    set offline(value: boolean) {
      state.offline = value;
    },
  };
}

describe('a client offline longer than the replay window', () => {
  let server: TestServer;
  const clients: LiveShopClient[] = [];

  before(async () => {
    // A small window: 3 events or 1.5 s.
    server = await startTestServer({ args: ['--seed', 'demo', '--no-autopilot', '--replay-max-events', '3', '--replay-max-age', '1500'] });
  });
  after(async () => {
    for (const client of clients) client.dispose();
    await server.stop();
  });

  for (const [label, missed, waitMs] of [
    ['by count (more events than the window)', 5, 0],
    ['by age (an event older than the window)', 1, 2000],
  ] as const) {
    it(`gets recovered: false and a snapshot equal to a fresh client's — ${label}`, async () => {
      const host = nodeClient(server.url, { token: await token('host') });
      const net = switchableWebSocket();
      const viewer = nodeClient(server.url, { WebSocket: net.WebSocket });
      clients.push(host, viewer);
      host.connect();
      viewer.connect();
      await until('both open', () => host.$connection.get().status === 'open' && viewer.$connection.get().status === 'open');
      const recovered: boolean[] = [];
      viewer.on('reconnected', (detail) => recovered.push(detail.recovered));

      net.cut();
      await until('viewer sees the drop', () => viewer.$connection.get().status === 'reconnecting');
      const products = host.$products.get();
      for (let i = 0; i < missed; i++) {
        await host.sendChat(`while away ${label} ${i}`);
        if (i === 0) await host.pinProduct(products[i % products.length]?.id ?? 'none');
      }
      await sleep(waitMs);
      net.offline = false;
      await until('viewer back', () => recovered.length === 1 && viewer.$connection.get().status === 'open');
      assert.deepEqual(recovered, [false]);

      const fresh = nodeClient(server.url);
      clients.push(fresh);
      fresh.connect();
      await until('fresh client open', () => fresh.$connection.get().status === 'open');
      assert.deepEqual(viewer.$stock.get(), fresh.$stock.get());
      assert.deepEqual(viewer.$pinned.get(), fresh.$pinned.get());
      assert.deepEqual(viewer.$products.get(), fresh.$products.get());
      assert.deepEqual(viewer.$room.get(), fresh.$room.get());
      assert.deepEqual(viewer.$chat.get(), fresh.$chat.get());
      assert.ok(viewer.$chat.get().some((m) => m.text === `while away ${label} ${missed - 1}`));
    });
  }
});
