import { atom, type ReadableAtom } from 'nanostores';
import {
  checkJoinFields,
  MAX_REACTION_BATCH,
  MAX_REPORTED_LATENCY_MS,
  type ChatMessage,
  type Order,
  type Pin,
  type Product,
  type RoomEvent,
  type RoomInfo,
  type Stock,
  type Welcome,
  type PinnedMessage,
  type Question,
  type Customer,
  type Ack,
  type FlashSale,
  type FlashSaleRequest,
  type ReserveRequest,
} from '@live-shop/protocol';
import type { CartBridge } from './commerce/cart-bridge.js';
import { Checkout } from './commerce/checkout.js';
import type { PaymentHandoff } from './commerce/handoff/types.js';
import { orderFromAck, toOrderRequest, type OrderInput } from './commerce/order-input.js';
import { LatencyReporter } from './commerce/latency-reporter.js';
import { Emitter } from './emitter.js';
import { LiveShopError } from './errors.js';
import { exponentialBackoff, type ReconnectPolicy } from './signaling/backoff.js';
import type { ClockEstimate } from './signaling/clock.js';
import { Connection } from './signaling/connection.js';
import { idempotencyKey } from './signaling/ids.js';
import { loadDeferred, loadedDeferred } from './signaling/deferred-loader.js';
import { EventAligner, type AlignedEventFilter } from './signaling/event-aligner.js';
import type { MediaController } from './media/controller.js';
import { ReactionBatcher } from './signaling/reaction-batcher.js';
import { resolveAgainst, serverBaseUrl, webSocketUrl } from './signaling/url.js';
import { createConnectionStore, type ConnectionState } from './stores/connection.js';
import { applyBurst, createReactionsStore, createViewerCountStore, type Reactions } from './stores/reactions.js';
import { applyRoomEvent, applyWelcome, createRoomStores, type RoomStores } from './stores/room.js';
import { applyNotice, createNoticesStore, type Notice } from './stores/notices.js';
import { Engagement } from './engagement/actions.js';
import type { LotteryState, PollState, RedEnvelopeState } from './stores/engagement.js';
import type { Countdown, Coupon } from '@live-shop/protocol';
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
  /**
   * How this room's buyers pay, chosen by the merchant: `callbackHandoff`, `redirectHandoff`,
   * `paymentRequestHandoff` or `cartPermalinkHandoff` (see docs/payment-handoff.md). Without one, a confirmed
   * order waits for the merchant's backend to report the payment (`placed`). Can be changed later with
   * {@link LiveShopClient.setPayment}.
   */
  payment?: PaymentHandoff;
  /** The merchant page's cart: price/stock overrides and answers to add-to-cart / checkout. See {@link CartBridge}. */
  cart?: CartBridge;
  /**
   * Latency-aligned events: while a media controller is attached ({@link LiveShopClient.attachMedia}), hold
   * each on-camera event (pin, countdown, poll, lottery: see `DEFAULT_ALIGNED_PREFIXES`) until
   * this viewer's picture reaches the moment the host triggered it, so the card appears when the viewer sees
   * the coat. `false` applies every event at once; a function chooses the events to hold. Default true.
   */
  alignEvents?: boolean | AlignedEventFilter;
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
  /** The host's message pinned above the chat, or null. Plain text: render as text. */
  readonly $pinnedMessage: ReadableAtom<PinnedMessage | null>;
  /** The room's latest questions to the host, oldest first (at most 100), with their answers. Plain text. */
  readonly $questions: ReadableAtom<readonly Question[]>;
  /** The question the host shows over the video, or null. */
  readonly $pinnedQuestion: ReadableAtom<Question | null>;
  /**
   * Passing notices ("A, B and 23 others joined", "张** just bought 2 × Coat"), the latest 20, oldest first. At
   * most one per kind per second from the server; ephemeral: notices missed while disconnected are not replayed.
   */
  readonly $notices: ReadableAtom<readonly Notice[]>;
  /** The buy flow (a state machine) of this client. */
  readonly checkout: Checkout;
  /**
   * The room's current or next flash sale (`null`: none), from the snapshot and `flashsale.changed`. Its
   * `startsAt`/`endsAt` are server-clock ms: compare them with {@link LiveShopClient.serverNow}.
   */
  readonly $flashSale: ReadableAtom<FlashSale | null>;
  /** The room's poll (open, or just closed) with live counts and this viewer's own vote; `null`: none. */
  readonly $poll: ReadableAtom<PollState | null>;
  /**
   * The room's lottery: its commitment while open; seed, entrants and winners once drawn (check them with
   * `verifyLottery`); this viewer's entrant id and whether they won. `null`: none.
   */
  readonly $lottery: ReadableAtom<LotteryState | null>;
  /** The running red-envelope rain with the envelopes left and the coupon this viewer grabbed; `null`: none. */
  readonly $redEnvelope: ReadableAtom<RedEnvelopeState | null>;
  /** The host's countdown; its `endsAt` is server-clock ms: count down with {@link LiveShopClient.serverNow}. */
  readonly $countdown: ReadableAtom<Countdown | null>;
  /** Coupons this viewer can use now: the room's and their own (red envelopes, prizes), unexpired and unused. */
  readonly $coupons: ReadableAtom<readonly Coupon[]>;
  /** Polls, lottery, red envelopes, coupons and countdowns: viewer and host actions. */
  readonly engagement: Engagement;

  readonly #base: URL;
  readonly #stores: RoomStores;
  readonly #connection: Connection;
  readonly #events = new Emitter<LiveShopClientEventMap>();
  readonly #reactions: ReactionBatcher;
  readonly #latency: LatencyReporter;
  readonly #aligner: EventAligner;
  /** Server-clock time of the picture on screen, from the attached media; null without one. */
  #pictureTime: () => number | null = () => null;
  #detachMedia: (() => void) | null = null;
  #payment: PaymentHandoff | null;
  #cart: CartBridge | null;
  #disposed = false;

  /** Creates the client; nothing touches the network until {@link LiveShopClient.connect}. Throws `invalid` for bad options. */
  constructor(options: LiveShopClientOptions) {
    this.#base = serverBaseUrl(options.server);
    const hello = checkJoinFields(options);
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
    this.$flashSale = stores.$flashSale;
    this.$poll = stores.engagement.$poll;
    this.$lottery = stores.engagement.$lottery;
    this.$redEnvelope = stores.engagement.$redEnvelope;
    this.$countdown = stores.engagement.$countdown;
    this.$coupons = stores.engagement.$coupons;
    this.engagement = new Engagement({
      command: (command) => this.#connection.command(command),
      stores: stores.engagement,
      onError: (error) => this.#events.emit('error', error),
    });
    this.#payment = options.payment ?? null;
    this.#cart = options.cart ?? null;
    this.checkout = new Checkout({
      placeOrder: (input) => this.placeOrder(input),
      reserve: (request) => this.reserveOrder(request),
      confirm: (orderId, customer, couponId) => this.confirmOrder(orderId, customer, couponId),
      cancel: (orderId) => this.cancelOrder(orderId),
      now: () => this.serverNow(),
      handoff: () => this.#payment,
      cart: () => this.#cart,
      productOf: (productId) => stores.$products.get().find((product) => product.id === productId) ?? null,
      roomId: hello.value.room,
      onError: (error) => this.#events.emit('error', error),
    });
    const $reactions = createReactionsStore();
    const $viewerCount = createViewerCountStore();
    this.$reactions = $reactions;
    this.$viewerCount = $viewerCount;
    const $notices = createNoticesStore();
    this.$notices = $notices;
    this.$pinnedMessage = stores.moderation.$pinnedMessage;
    this.$questions = stores.moderation.$questions;
    this.$pinnedQuestion = stores.moderation.$pinnedQuestion;
    this.#reactions = new ReactionBatcher({
      send: (count) => {
        this.#connection.command({ t: 'reaction.send', count }).catch((error: unknown) => {
          // Hearts are ephemeral: a lost batch is not retried, but it is reported.
          if (error instanceof LiveShopError && error.code === 'closed') return;
          this.#events.emit('error', error instanceof LiveShopError ? error : new LiveShopError('internal', 'sending hearts failed', { cause: error }));
        });
      },
    });

    this.#latency = new LatencyReporter({
      send: (latencyMs) => {
        this.#connection.command({ t: 'latency.report', latencyMs }).catch((error: unknown) => {
          // A lost report is replaced by the next one (or the one after the reconnect); only say so.
          if (error instanceof LiveShopError && (error.code === 'closed' || error.code === 'network')) return;
          this.#events.emit('error', error instanceof LiveShopError ? error : new LiveShopError('internal', 'reporting latency failed', { cause: error }));
        });
      },
    });

    const align = options.alignEvents ?? true;
    this.#aligner = new EventAligner({
      pictureTime: () => this.#pictureTime(),
      release: (event) => {
        applyRoomEvent(stores, event);
        this.#events.emit('event', event);
      },
      ...(typeof align === 'function' ? { isAligned: align } : align ? {} : { isAligned: () => false }),
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
          if (state.status !== 'open') this.#latency.disconnected();
          if (state.status === 'closed' && state.error) this.#events.emit('error', state.error);
        },
        welcome: (welcome, reconnected) => {
          // A snapshot already holds the effect of every event still waiting for the picture.
          if (!welcome.recovered) this.#aligner.clear();
          applyWelcome(stores, welcome);
          if (welcome.viewers !== undefined) $viewerCount.set(welcome.viewers);
          // The server keeps the latency per connection: a new connection needs it again.
          this.#latency.connected();
          // What only this viewer knows (own vote, entrant id, coupons) is not in the shared snapshot.
          this.engagement.resync();
          this.#events.emit('welcome', welcome);
          if (reconnected) this.#events.emit('reconnected', { welcome, recovered: welcome.recovered });
        },
        event: (event) => this.#aligner.push(event),
        ephemeral: (frame) => {
          if (frame.t === 'reactions.burst') applyBurst($reactions, frame);
          else if (frame.t === 'notice') applyNotice($notices, frame);
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
    this.#detachMedia?.();
    this.#aligner.clear();
    this.#latency.dispose();
    this.#connection.dispose();
    this.#events.clear();
  }

  /** Posts a chat message; resolves when the server accepted it. Rejects with a {@link LiveShopError}. */
  async sendChat(text: string): Promise<void> {
    await this.#connection.command({ t: 'chat.send', text });
    this.engagement.chatSent(text);
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

  /**
   * Tells the server how far behind live this viewer's picture is (ms), so a flash sale ranks its buy
   * attempts by reaction time after the moment it saw zero, not by arrival. Reports go out when the value
   * moved by more than 100 ms, at most once a second, and again after every (re)connect; values are clamped
   * to 0..{@link MAX_REPORTED_LATENCY_MS}. Null or non-finite values are ignored. A player calls
   * {@link LiveShopClient.attachMedia} instead of calling this by hand.
   */
  reportLatency(latencyMs: number | null): void {
    if (this.#disposed) return;
    this.#latency.update(latencyMs);
  }

  /**
   * Reports the latency of `media` (its `$media.latencyMs`) as it changes (see
   * {@link LiveShopClient.reportLatency}), and measures its HLS latency on this client's server clock.
   * Replaces any media attached before; returns the function that detaches it.
   */
  attachMedia(media: MediaController): () => void {
    this.#detachMedia?.();
    if (this.#disposed) return () => {};
    // Program-date-time is stamped by the server's clock: measure against the same clock.
    media.useServerClock(() => this.serverNow());
    this.#pictureTime = () => media.pictureTime();
    const unsubscribe = media.$media.subscribe((state) => {
      this.#latency.update(state.latencyMs);
      // A new latency moves the moment each held event is due (e.g. WebRTC took over from HLS).
      this.#aligner.update();
    });
    const detach = (): void => {
      unsubscribe();
      if (this.#detachMedia !== detach) return;
      this.#detachMedia = null;
      this.#pictureTime = () => null;
      // No picture any more: nothing to wait for.
      this.#aligner.flush();
    };
    this.#detachMedia = detach;
    return detach;
  }

  /** Host only: shows `productId` over the video for every viewer. Viewers get `forbidden`. */
  async pinProduct(productId: string): Promise<void> {
    await this.#connection.command({ t: 'product.pin', productId });
  }

  /** Host only: takes the pinned product down. */
  async unpinProduct(): Promise<void> {
    await this.#connection.command({ t: 'product.unpin' });
  }

  /** Host/moderator: deletes a chat message for everyone (it leaves `$chat` everywhere). Viewers get `forbidden`. */
  async deleteMessage(messageId: string): Promise<void> {
    await this.#connection.command({ t: 'chat.delete', messageId });
  }

  /**
   * Host/moderator: mutes the author of messages with `authorId` (`ChatMessage.authorId`) for `durationMs`
   * (0 lifts it); their chat and questions get `forbidden` meanwhile. Resolves with when the mute ends.
   */
  async muteAuthor(authorId: string, durationMs: number): Promise<{ mutedUntil: number | null }> {
    const ack = await this.#connection.command({ t: 'chat.mute', authorId, durationMs });
    const data = ack.data as { mutedUntil?: unknown } | undefined;
    return { mutedUntil: typeof data?.mutedUntil === 'number' ? data.mutedUntil : null };
  }

  /** Host/moderator: bans an author from the room: their sockets close and they cannot rejoin. */
  async banAuthor(authorId: string): Promise<void> {
    await this.#connection.command({ t: 'chat.ban', authorId });
  }

  /** Host/moderator: lifts a ban. */
  async unbanAuthor(authorId: string): Promise<void> {
    await this.#connection.command({ t: 'chat.unban', authorId });
  }

  /** Host/moderator: replaces the room's own blocked words (a built-in list applies too); resolves with the list kept. */
  async setBlockedWords(words: readonly string[]): Promise<string[]> {
    const ack = await this.#connection.command({ t: 'chat.blocked-words', words: [...words] });
    return Array.isArray(ack.data) ? ack.data.filter((w): w is string => typeof w === 'string') : [];
  }

  /** Host only: pins a message above the chat for every viewer (`$pinnedMessage`). */
  async pinMessage(text: string): Promise<void> {
    await this.#connection.command({ t: 'chat.pin-message', text });
  }

  /** Host only: takes the pinned message down. */
  async unpinMessage(): Promise<void> {
    await this.#connection.command({ t: 'chat.unpin-message' });
  }

  /** Asks the host a question (it joins `$questions`); rejects with `forbidden` while muted, `blocked` for blocked words. */
  async askQuestion(text: string): Promise<void> {
    await this.#connection.command({ t: 'question.ask', text });
  }

  /** Host/moderator: marks a question answered, optionally with a written answer. */
  async answerQuestion(questionId: string, answer?: string): Promise<void> {
    await this.#connection.command(answer === undefined ? { t: 'question.answer', questionId } : { t: 'question.answer', questionId, answer });
  }

  /** Host only: shows a question over the video (`$pinnedQuestion`). */
  async pinQuestion(questionId: string): Promise<void> {
    await this.#connection.command({ t: 'question.pin', questionId });
  }

  /** Host only: takes the pinned question down. */
  async unpinQuestion(): Promise<void> {
    await this.#connection.command({ t: 'question.unpin' });
  }

  /**
   * Reserves stock and places an order. The input is validated locally first: bad input rejects with
   * `invalid` and a message naming the field, and nothing is sent. Without `idempotencyKey` a fresh one
   * is used; pass the same key to retry safely (the server then returns the same order).
   */
  async placeOrder(input: OrderInput): Promise<Order> {
    const order = await toOrderRequest(input);
    const ack = await this.#connection.command({ t: 'order.place', order });
    return orderFromAck(ack.data);
  }

  /**
   * Holds units for this viewer (`order.reserve`); resolves with the order (`reserved`, `expiresAt`). During
   * a live flash sale of the variant the attempt is ranked by reaction time and the answer may take a few
   * seconds. Rejects with `sold_out`, `insufficient_stock`, `limit_reached`, `sale_not_started`, `sale_ended`,
   * `conflict`, `rate_limited`… Most code uses {@link LiveShopClient.checkout} instead.
   */
  async reserveOrder(request: Omit<ReserveRequest, 'idempotencyKey'> & { idempotencyKey?: string }): Promise<Order> {
    const reserve = { ...request, idempotencyKey: request.idempotencyKey ?? idempotencyKey() };
    return this.#order(await this.#connection.command({ t: 'order.reserve', reserve }));
  }

  /**
   * Adds the customer to this viewer's reserved order (`order.checkout`); resolves with it (`pending_payment`) and
   * the server's `subtotal`, `discount` and `total`. `couponId`: apply that coupon (`coupon_invalid` when it cannot
   * apply; the order stays reserved), `null` none, absent keep the order's.
   */
  async confirmOrder(orderId: string, customer: Customer, couponId?: string | null): Promise<Order> {
    return this.#order(await this.#connection.command({ t: 'order.checkout', orderId, customer, ...(couponId === undefined ? {} : { couponId }) }));
  }

  /** Gives up this viewer's reserved or pending order (`order.cancel`): its units go back to stock. */
  async cancelOrder(orderId: string): Promise<Order> {
    return this.#order(await this.#connection.command({ t: 'order.cancel', orderId }));
  }

  /** Host only: schedules a flash sale (`startsInMs` from now, server clock). Resolves with the sale. */
  async startFlashSale(sale: FlashSaleRequest): Promise<FlashSale> {
    return flashSaleOf(await this.#connection.command({ t: 'flashsale.start', sale }));
  }

  /** Host only: ends a flash sale now. */
  async stopFlashSale(saleId: string): Promise<FlashSale> {
    return flashSaleOf(await this.#connection.command({ t: 'flashsale.stop', saleId }));
  }

  /**
   * The playback latency this client last reported to the server on the current connection (ms), or null.
   * A flash sale's countdown for this viewer ends at `startsAt` plus this (capped), the moment the server
   * measures its reaction time from.
   */
  get reportedLatencyMs(): number | null {
    return this.#latency.lastSent;
  }

  /** The payment adapter in use, or null. */
  get payment(): PaymentHandoff | null {
    return this.#payment;
  }

  /** Chooses the payment adapter (for the next payment), or none. */
  setPayment(payment: PaymentHandoff | null): void {
    this.#payment = payment;
  }

  /** The merchant's cart bridge, or null. */
  get cart(): CartBridge | null {
    return this.#cart;
  }

  /** Sets the merchant's cart bridge, or none. */
  setCart(cart: CartBridge | null): void {
    this.#cart = cart;
  }

  #order(ack: { data?: unknown }): Promise<Order> {
    return orderFromAck(ack.data);
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

/** The flash sale a host command's ack carries, read with the protocol's schema (loaded with the command's checks). */
async function flashSaleOf(ack: Ack): Promise<FlashSale> {
  const parsed = (loadedDeferred() ?? (await loadDeferred())).parseFlashSale(ack.data);
  if (!parsed.ok) throw new LiveShopError('internal', `the server's flash sale is unreadable: ${parsed.error.message}`);
  return parsed.value;
}
