// Shared helpers for the elements' browser tests: the real test server, real clients, real sockets.
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LiveShopClient, type LiveShopClientOptions } from '@live-shop/core';
import type { Product, Snapshot } from '@live-shop/protocol';

declare global {
  interface Window {
    __LIVE_SHOP_TEST__?: { server: string | null };
  }
}

/** Base URL of the live-shop server the test runner started. */
export function serverUrl(): string {
  const server = window.__LIVE_SHOP_TEST__?.server;
  if (!server) throw new Error('no live-shop test server: run the tests through web-test-runner.config.mjs');
  return server;
}

/** The room as the server's HTTP API reports it now. */
export async function fetchRoom(room = 'demo'): Promise<Snapshot> {
  const response = await fetch(`${serverUrl()}/api/rooms/${room}`);
  if (!response.ok) throw new Error(`GET /api/rooms/${room}: ${response.status}`);
  return (await response.json()) as Snapshot;
}

/** Units left of `product` across its variants, per the server. */
export function unitsOf(snapshot: Snapshot, product: Product): number {
  return product.variants.reduce((sum, variant) => sum + (snapshot.stock[variant.id] ?? 0), 0);
}

/** A product of the demo room with at least `units` left of its first variant. */
export function buyableProduct(snapshot: Snapshot, units = 5): Product {
  const product = snapshot.products.find((p) => (snapshot.stock[p.variants[0]!.id] ?? 0) >= units);
  if (!product) throw new Error('the demo room has no product with stock left');
  return product;
}

/** A signed token from the test server. */
export function token(role: 'host' | 'viewer', room = 'demo'): Promise<string> {
  return executeServerCommand<string, { role: string; room: string }>('live-shop-token', { role, room });
}

const clients = new Set<LiveShopClient>();

/** A real client connected to the test server (disposed by {@link disposeClients}), once it has the room. */
export async function connectedClient(options: Partial<LiveShopClientOptions> = {}): Promise<LiveShopClient> {
  const client = new LiveShopClient({ server: serverUrl(), room: 'demo', ...options });
  clients.add(client);
  client.connect();
  await waitUntil(() => client.$connection.get().status === 'open' && client.$products.get().length > 0, 'client did not join', {
    timeout: 10_000,
  });
  return client;
}

/** Disposes every client {@link connectedClient} made. Call in `afterEach`. */
export function disposeClients(): void {
  for (const client of clients) client.dispose();
  clients.clear();
}

/**
 * Records every WebSocket the page opens from now on, by swapping in a subclass of the real one
 * (same behaviour, just remembered). Returns the list and a restore function.
 */
export function recordSockets(): { sockets: WebSocket[]; restore: () => void } {
  const Original = window.WebSocket;
  const sockets: WebSocket[] = [];
  class Recorded extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  window.WebSocket = Recorded;
  return { sockets, restore: () => void (window.WebSocket = Original) };
}

/** Fills an input or textarea the way typing does (value + input event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * Waits until an autoplaying `<live-shop-player>` shows what goes over its video: until its first frame (at most
 * 1 s after it connected) it renders the video alone, so its controls, chat and card are not there yet.
 */
export async function overlayShown(player: Element): Promise<void> {
  await waitUntil(() => player.shadowRoot?.querySelector('[part="overlay"]'), 'the player did not show its overlay', { timeout: 5_000 });
}

/** The element with `part` inside `host`'s shadow root, or an error naming what is missing. */
export function part<T extends Element = HTMLElement>(host: Element, name: string): T {
  const found = host.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${host.localName}> has no part "${name}"`);
  return found;
}

/**
 * Waits (at most `ms`) until no finite animation runs inside `host`'s shadow tree, nested shadow roots included:
 * an element fading in (a pinned card released by the latency-aligned events) has blended colours that an
 * axe audit would measure mid-way.
 */
export async function animationsSettled(host: Element, ms = 3_000): Promise<void> {
  const running = (root: ShadowRoot | null | undefined): Animation[] =>
    root
      ? [
          ...root.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity),
          ...[...root.querySelectorAll('*')].flatMap((element) => running(element.shadowRoot)),
        ]
      : [];
  const deadline = performance.now() + ms;
  for (let pending = running(host.shadowRoot); pending.length > 0 && performance.now() < deadline; pending = running(host.shadowRoot)) {
    await Promise.race([Promise.allSettled(pending.map((animation) => animation.finished)), new Promise((resolve) => setTimeout(resolve, 100))]);
  }
}
