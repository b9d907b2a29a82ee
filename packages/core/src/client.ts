import { atom, type ReadableAtom } from 'nanostores';
import {
  HelloSchema,
  MAX_REACTION_BATCH,
  parseOrder,
  validate,
  type ChatMessage,
  type Order,
  type Pin,
  type Product,
  type RoomEvent,
  type RoomInfo,
  type Stock,
  type Welcome,
} from '@live-shop/protocol';
import { Checkout } from './commerce/checkout.js';
import { toOrderRequest, type OrderInput } from './commerce/order-input.js';
import { Emitter } from './emitter.js';
import { LiveShopError } from './errors.js';
import { exponentialBackoff, type ReconnectPolicy } from './signaling/backoff.js';
import type { ClockEstimate } from './signaling/clock.js';
import { Connection } from './signaling/connection.js';
import { ReactionBatcher } from './signaling/reaction-batcher.js';
import { resolveAgainst, serverBaseUrl, webSocketUrl } from './signaling/url.js';
import { createConnectionStore, type ConnectionState } from './stores/connection.js';
import { applyBurst, createReactionsStore, createViewerCountStore, type Reactions } from './stores/reactions.js';
import { applyRoomEvent, applyWelcome, createRoomStores, type RoomStores } from './stores/room.js';
import type { Viewer } from './stores/viewer.js';

/** Options of {@link LiveShopClient}. */
export interface LiveShopClientOptions {
  /** Base URL of the live-shop server (http/https; may be relative to `document.baseURI`). */
  server: string;
  /** Room id to join. */
  room: string;
  /** Signed token (viewer or host); sent inside `hello`, never in a URL. Absent: anonymous viewer. */
  token?: string;
  /** Chat display name; the server picks one when absent. */
  name?: string;
  /** When and whether to reconnect. Default: exponential backoff with full jitter, 500 ms .. 15 s, 20 attempts. */
  reconnect?: ReconnectPolicy;
  /** How long a command waits for its ack before rejecting with `timeout`. Default 10 000 ms. */
  ackTimeoutMs?: number;
  /**
   * Heartbeat period; a ping without a pong by the next beat means a dead socket, so a dead connection is
   * found within one to two periods. Each pong is also a clock sample. Default 3 000 ms.
   */
  heartbeatMs?: number;
  /** WebSocket implementation, for runtimes without a global one. */
  WebSocket?: typeof WebSocket;
}

/** Detail of the client's events, per type; see {@link LiveShopClient.on}. */
export interface LiveShopClientEventMap {
  /** The server answered `hello`; the stores now hold this snapshot. */
  welcome: Welcome;
  /** A room event was applied to the stores. */
  event: RoomEvent;
  /**
   * The connection came back after a drop. `recovered: true`: the server replays exactly the events missed
   * (they follow as `event`s); `false`: the stores were replaced from a fresh snapshot (outside the replay
   * window, or the server started a new log).
   */
  reconnected: {
    /** The welcome that ended the outage. */
    welcome: Welcome;
    /** Whether the missed events are replayed (true) or the state was replaced by a snapshot (false). */
    recovered: boolean;
  };
  /** A problem that did not throw anywhere else: an error frame, an unreadable frame, giving up reconnecting. */
  error: LiveShopError;
}

/**
 * The headless live-shop client: one connection to one room, its state as nanostores stores, and actions.
 * Every store belongs to this instance, so two players on one page share nothing.
 *
 * @example
 * ```ts
 * const client = new LiveShopClient({ server: 'https://live.example.com', room: 'demo' });
 * client.$pinnedProduct.subscribe((product) => console.log(product?.name));
 * client.connect();
 * ```
 */
export class LiveShopClient {
  /** Connection status, reconnect attempt and last error. */
  readonly $connection: ReadableAtom<ConnectionState>;
  /** The room's info (title, status, HLS URL); `null` until the first `welcome`. */
  readonly $room: ReadableAtom<RoomInfo | null>;
  /** The room's catalogue. */
  readonly $products: ReadableAtom<readonly Product[]>;
  /** Units left per variant id. */
  readonly $stock: ReadableAtom<Stock>;
  /** The product the host shows now. */
  readonly $pinned: ReadableAtom<Pin | null>;
  /** The pinned product itself, computed from `$pinned` and `$products`. */
  readonly $pinnedProduct: ReadableAtom<Product | null>;
  /** The latest chat messages, oldest first, at most 100. Plain text: render as text, never as HTML. */
  readonly $chat: ReadableAtom<readonly ChatMessage[]>;
  /** This client's role and display name, as the server granted them. */
  readonly $viewer: ReadableAtom<Viewer | null>;
  /**
   * The server clock as this client estimates it (NTP-style over the heartbeat pings): `offsetMs` to add to
   * `Date.now()`, the best round trip, and how many samples back it. See {@link LiveShopClient.serverNow}.
   */
  readonly $clock: ReadableAtom<ClockEstimate>;
  /**
   * Hearts the room sent, summed by the server into bursts (about one per 250 ms): `total` only grows, `last`
   * is the latest burst. Animate `last` hearts whenever `total` went up. Ephemeral: bursts missed while
   * disconnected are not replayed.
   */
  readonly $reactions: ReadableAtom<Reactions>;
  /** Sockets in the room (viewers, hosts, this one included); `null` until the server said. Updated at most once a second. */
  readonly $viewerCount: ReadableAtom<number | null>;
  /** The buy flow (a state machine) of this client. */
  readonly checkout: Checkout;

  readonly #base: URL;
  readonly #stores: RoomStores;
  readonly #connection: Connection;
  readonly #events = new Emitter<LiveShopClientEventMap>();
  readonly #reactions: ReactionBatcher;
  #disposed = false;

  /** Creates the client; nothing touches the network until {@link LiveShopClient.connect}. Throws `invalid` for bad options. */
  constructor(options: LiveShopClientOptions) {
    this.#base = serverBaseUrl(options.server);
    const hello = validate(HelloSchema, { t: 'hello', id: 'check', room: options.room, token: options.token, name: options.name });
    if (!hello.ok) throw new LiveShopError('invalid', hello.error.message);

    const $connection = createConnectionStore();
    const $clock = atom<ClockEstimate>({ offsetMs: 0, rttMs: null, samples: 0 });
    this.$clock = $clock;
    const stores = createRoomStores();
    this.#stores = stores;
    this.$connection = $connection;
    this.$room = stores.$room;
    this.$products = stores.$products;
    this.$stock = stores.$stock;
    this.$pinned = stores.$pinned;
    this.$pinnedProduct = stores.$pinnedProduct;
    this.$chat = stores.$chat;
    this.$viewer = stores.$viewer;
    this.checkout = new Checkout((input) => this.placeOrder(input));
    const $reactions = createReactionsStore();
    const $viewerCount = createViewerCountStore();
    this.$reactions = $reactions;
    this.$viewerCount = $viewerCount;
    this.#reactions = new ReactionBatcher({
      send: (count) => {
        this.#connection.command({ t: 'reaction.send', count }).catch((error: unknown) => {
          // Hearts are ephemeral: a lost batch is not retried, but it is reported.
          if (error instanceof LiveShopError && error.code === 'closed') return;
          this.#events.emit('error', error instanceof LiveShopError ? error : new LiveShopError('internal', 'sending hearts failed', { cause: error }));
        });
      },
    });

    this.#connection = new Connection(
      {
        url: webSocketUrl(this.#base),
        room: hello.value.room,
        ...(hello.value.token === undefined ? {} : { token: hello.value.token }),
        ...(hello.value.name === undefined ? {} : { name: hello.value.name }),
        reconnect: options.reconnect ?? exponentialBackoff(),
        ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
        heartbeatMs: options.heartbeatMs ?? 3_000,
        ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
      },
      {
        state: (state) => {
          $connection.set(state);
          if (state.status === 'closed' && state.error) this.#events.emit('error', state.error);
        },
        welcome: (welcome, reconnected) => {
          applyWelcome(stores, welcome);
          if (welcome.viewers !== undefined) $viewerCount.set(welcome.viewers);
          this.#events.emit('welcome', welcome);
          if (reconnected) this.#events.emit('reconnected', { welcome, recovered: welcome.recovered });
        },
        event: (event) => {
          applyRoomEvent(stores, event);
          this.#events.emit('event', event);
        },
        ephemeral: (frame) => {
          if (frame.t === 'reactions.burst') applyBurst($reactions, frame);
          else $viewerCount.set(frame.count);
        },
        clock: (estimate) => $clock.set(estimate),
        error: (error) => this.#events.emit('error', error),
      },
    );
  }

  /** Opens the connection. Idempotent; does nothing after {@link LiveShopClient.dispose}. */
  connect(): void {
    if (this.#disposed) return;
    this.#connection.connect();
  }

  /** Closes for good: the socket, every timer and every listener. Waiting commands reject with `closed`. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#reactions.dispose();
    this.#connection.dispose();
    this.#events.clear();
  }

  /** Posts a chat message; resolves when the server accepted it. Rejects with a {@link LiveShopError}. */
  async sendChat(text: string): Promise<void> {
    await this.#connection.command({ t: 'chat.send', text });
  }

  /**
   * Taps the heart `count` times (default 1). Taps are batched: at most one `reaction.send` frame leaves per
   * 250 ms, carrying every tap since the last one, so tapping as fast as a finger can costs a few frames a
   * second. The room sees them in its next `$reactions` burst. Throws `invalid` for a count outside
   * 1..{@link MAX_REACTION_BATCH}; failures to send are reported on the `error` event (hearts are not retried).
   */
  sendReaction(count = 1): void {
    if (!Number.isInteger(count) || count < 1 || count > MAX_REACTION_BATCH) {
      throw new LiveShopError('invalid', `count must be an integer from 1 to ${MAX_REACTION_BATCH}`);
    }
    if (this.#disposed) return;
    this.#reactions.tap(count);
  }

  /** Host only: shows `productId` over the video for every viewer. Viewers get `forbidden`. */
  async pinProduct(productId: string): Promise<void> {
    await this.#connection.command({ t: 'product.pin', productId });
  }

  /** Host only: takes the pinned product down. */
  async unpinProduct(): Promise<void> {
    await this.#connection.command({ t: 'product.unpin' });
  }

  /**
   * Reserves stock and places an order. The input is validated locally first: bad input rejects with
   * `invalid` and a message naming the field, and nothing is sent. Without `idempotencyKey` a fresh one
   * is used; pass the same key to retry safely (the server then returns the same order).
   */
  async placeOrder(input: OrderInput): Promise<Order> {
    const order = toOrderRequest(input);
    const ack = await this.#connection.command({ t: 'order.place', order });
    const parsed = parseOrder(ack.data);
    if (!parsed.ok) throw new LiveShopError('internal', `the server's order is unreadable: ${parsed.error.message}`);
    return parsed.value;
  }

  /**
   * The server's time now (ms since the epoch), from the client clock corrected by `$clock`'s offset: what
   * countdowns and latency-aligned events compare with the `at` of room events.
   */
  serverNow(): number {
    return Date.now() + this.$clock.get().offsetMs;
  }

  /** Resolves a URL the server sent (product image, HLS playlist) against the server's base URL. */
  resolveUrl(pathOrUrl: string): string {
    return resolveAgainst(this.#base, pathOrUrl);
  }

  /** Listens to one of the client's events (see {@link LiveShopClientEventMap}); returns the unsubscribe function. */
  on<K extends keyof LiveShopClientEventMap>(type: K, listener: (detail: LiveShopClientEventMap[K]) => void): () => void {
    return this.#events.on(type, listener);
  }
}
