import type Database from 'better-sqlite3';
import {
  SNAPSHOT_QUESTIONS,
  type Pin,
  type Product,
  type Question,
  type RoomEvent,
  type RoomEventBody,
  type RoomInfo,
  type Snapshot,
  type Stock,
} from '@live-shop/protocol';
import { LiveShopServerError } from '../../errors.js';
import type { LogPosition, RoomSeed, Store } from '../store.js';
import type { CreateSaleResult, ExpiredOrder, Inventory, NewFlashSale, NewOrder, OrderActor, PaymentEvent, PaymentResult, ReserveResult, TransitionResult } from '../commerce.js';
import type { Customer, FlashSale, Order } from '@live-shop/protocol';
import { SqliteCommerce } from './commerce.js';
import type { FieldCipher } from '../../security/field-cipher.js';
import { openDatabase } from './open.js';
import { SqliteRoomSettings } from './room-settings.js';
import { SqliteEngagementStore } from './engagement.js';
import { SqliteMerchantStore } from './merchant.js';
import type { AttemptOutcome, DeliveryStatus, MerchantOrderQuery, OutboxBuilder, SetStockResult, WebhookDelivery } from '../merchant.js';
import type { CatalogImport, CatalogResult, ErasureReceipt, MerchantOrderPage, StockUpdate } from '@live-shop/protocol';
import type { CouponRecord, DrawFunction, EngagementSnapshot, EnterResult, GrabResult, LotteryRecord, NewCoupon, NewLottery, NewPoll, NewRain, RedeemResult, VoteResult } from '../engagement.js';
import type { Countdown, Coupon, EngagementMine, Lottery, Poll, RedEnvelopeRain } from '@live-shop/protocol';
import { applyModerationEvent, readModerationSnapshot, SqliteModeration } from './moderation.js';
import type { ModerationSnapshot, SanctionKind, Sanctions } from '../moderation.js';
import {
  toChatMessage,
  toEvent,
  toProducts,
  mediaColumn,
  toRoomInfo,
  type ProductRow,
  type RoomRow,
  type VariantRow,
} from './rows.js';

/**
 * Opens the SQLite store in `dataDir` (file `live-shop.sqlite`, WAL). Customer name, phone and
 * address are written encrypted with `cipher` (AES-256-GCM, bound to their row and column).
 */
export function openSqliteStore(dataDir: string, cipher: FieldCipher): Store {
  return new SqliteStore(openDatabase(dataDir), cipher);
}

/**
 * {@link Store} on better-sqlite3. Every method runs synchronously inside one SQLite transaction,
 * so on one Node thread no two of them interleave; BEGIN IMMEDIATE also guards other processes.
 */
class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #q;
  readonly #merchant: SqliteMerchantStore;

  constructor(db: Database.Database, cipher: FieldCipher) {
    this.#db = db;
    // Made at once, not lazily: it turns secure_delete on for the connection (erased data leaves no copies).
    this.#merchant = new SqliteMerchantStore(db, cipher);
    this.#cipher = cipher;
    this.#q = {
      room: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE id = ?'),
      products: db.prepare<[string], ProductRow>('SELECT * FROM products WHERE room_id = ? ORDER BY position, id'),
      product: db.prepare<[string, string], ProductRow>('SELECT * FROM products WHERE room_id = ? AND id = ?'),
      roomVariants: db.prepare<[string], VariantRow>(
        `SELECT v.* FROM variants v JOIN products p ON p.id = v.product_id
         WHERE p.room_id = ? ORDER BY p.position, v.position, v.id`,
      ),
      productVariants: db.prepare<[string], VariantRow>('SELECT * FROM variants WHERE product_id = ? ORDER BY position, id'),
      variantStock: db.prepare<[string], { stock: number }>('SELECT stock FROM variants WHERE id = ?'),
      recentChat: db.prepare<[string, number], { body: string }>(
        `SELECT body FROM room_events WHERE room_id = ? AND type = 'chat.message' ORDER BY seq DESC LIMIT ?`,
      ),
      insertRoom: db.prepare(
        // A new room starts a new log, and a new log gets a new random epoch.
        `INSERT OR IGNORE INTO rooms (id, title, status, hls, created_at, epoch)
         VALUES (@id, @title, @status, @hls, @createdAt, lower(hex(randomblob(8))))`,
      ),
      insertProduct: db.prepare(
        `INSERT OR IGNORE INTO products (id, room_id, name, description, image, currency, position, media)
         VALUES (@id, @roomId, @name, @description, @image, @currency, @position, @media)`,
      ),
      insertVariant: db.prepare(
        // initial = stock by the migration-4 trigger; held and sold start at 0.
        `INSERT OR IGNORE INTO variants (id, product_id, label, price, stock, position, limit_per_viewer, compare_at_price, swatch, image)
         VALUES (@id, @productId, @label, @price, @stock, @position, @limitPerViewer, @compareAtPrice, @swatch, @image)`,
      ),
      nextSeq: db.prepare<[string], { seq: number }>('UPDATE rooms SET seq = seq + 1 WHERE id = ? RETURNING seq'),
      insertEvent: db.prepare('INSERT INTO room_events (room_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)'),
      setPin: db.prepare('UPDATE rooms SET pinned_product_id = ?, pinned_at = ? WHERE id = ?'),
      logPosition: db.prepare<[string], { epoch: string; seq: number }>('SELECT epoch, seq FROM rooms WHERE id = ?'),
      eventsAfter: db.prepare<[string, number, number], { body: string }>(
        'SELECT body FROM room_events WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
    };
  }

  async seedRoom(seed: RoomSeed): Promise<void> {
    const q = this.#q;
    this.#db
      .transaction(() => {
        const { room } = seed;
        q.insertRoom.run({ id: room.id, title: room.title, status: room.status, hls: room.hls, createdAt: Date.now() });
        seed.products.forEach((product, position) => {
          const { id, name, description, image, currency } = product;
          q.insertProduct.run({ id, name, description, image, currency, roomId: room.id, position, media: mediaColumn(product) });
          product.variants.forEach((variant, index) => {
            const stock = seed.stock[variant.id] ?? 0;
            q.insertVariant.run({
              id: variant.id,
              label: variant.label,
              price: variant.price,
              productId: product.id,
              stock,
              position: index,
              limitPerViewer: variant.limitPerViewer ?? null,
              compareAtPrice: variant.compareAtPrice ?? null,
              swatch: variant.swatch ?? null,
              image: variant.image ?? null,
            });
          });
        });
      })
      .immediate();
  }

  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const row = this.#q.room.get(roomId);
    return row ? toRoomInfo(row) : null;
  }

  async getProduct(roomId: string, productId: string): Promise<Product | null> {
    const row = this.#q.product.get(roomId, productId);
    if (!row) return null;
    return toProducts([row], this.#q.productVariants.all(row.id))[0] ?? null;
  }

  async listProducts(roomId: string): Promise<Product[]> {
    return toProducts(this.#q.products.all(roomId), this.#q.roomVariants.all(roomId));
  }

  async getPinned(roomId: string): Promise<Pin | null> {
    const row = this.#q.room.get(roomId);
    return row ? pinOf(row) : null;
  }

  async getVariantStock(variantId: string): Promise<number | null> {
    return this.#q.variantStock.get(variantId)?.stock ?? null;
  }

  async getStock(roomId: string): Promise<Stock> {
    return stockOf(this.#q.roomVariants.all(roomId));
  }

  async loadSnapshot(roomId: string, chatLimit: number): Promise<Snapshot | null> {
    const q = this.#q;
    return this.#db.transaction((): Snapshot | null => {
      const room = q.room.get(roomId);
      if (!room) return null;
      const variants = q.roomVariants.all(roomId);
      const chat = q
        .recentChat.all(roomId, chatLimit)
        .map((row) => toChatMessage(row.body))
        .filter((message) => message !== null)
        .reverse();
      return {
        room: toRoomInfo(room),
        products: toProducts(q.products.all(roomId), variants),
        stock: stockOf(variants),
        pinned: pinOf(room),
        chat,
        seq: room.seq,
        ...readModerationSnapshot(this.#db, roomId, SNAPSHOT_QUESTIONS),
      };
    })();
  }

  async appendEvent(roomId: string, at: number, body: RoomEventBody): Promise<RoomEvent> {
    const q = this.#q;
    return this.#db
      .transaction((): RoomEvent => {
        const next = q.nextSeq.get(roomId);
        if (!next) throw new LiveShopServerError('not_found', `room ${roomId} does not exist`);
        // The body is one member of the event union minus seq/at; adding them back gives that member.
        const event = { ...body, seq: next.seq, at } as RoomEvent;
        q.insertEvent.run(roomId, event.seq, at, event.t, JSON.stringify(event));
        if (event.t === 'product.pinned') q.setPin.run(event.pin.productId, event.pin.at, roomId);
        if (event.t === 'product.unpinned') q.setPin.run(null, null, roomId);
        applyModerationEvent(this.#db, roomId, event);
        return event;
      })
      .immediate();
  }

  async getLogPosition(roomId: string): Promise<LogPosition | null> {
    return this.#q.logPosition.get(roomId) ?? null;
  }

  async eventsAfter(roomId: string, afterSeq: number, limit: number): Promise<RoomEvent[]> {
    return this.#q.eventsAfter.all(roomId, afterSeq, limit).map((row) => toEvent(row.body));
  }

  // Orders, payments, flash sales (store/sqlite/commerce.ts).
  get #commerce(): SqliteCommerce {
    return (this.#commerceQueries ??= new SqliteCommerce(this.#db, this.#cipher));
  }
  #commerceQueries: SqliteCommerce | undefined;
  reserve(order: NewOrder): Promise<ReserveResult> { return this.#commerce.reserve(order); }
  reserveMany(orders: readonly NewOrder[]): Promise<ReserveResult[]> { return this.#commerce.reserveMany(orders); }
  findByIdempotencyKey(roomId: string, subject: string, key: string): Promise<{ order: Order; fingerprint: string } | null> { return this.#commerce.findByIdempotencyKey(roomId, subject, key); }
  checkout(orderId: string, subject: string, customer: Customer, at: number, expiresAt: number, couponId?: string | null): Promise<TransitionResult> { return this.#commerce.checkout(orderId, subject, customer, at, expiresAt, couponId); }
  transition(orderId: string, to: 'cancelled' | 'fulfilled' | 'refunded', actor: OrderActor, at: number, reason: string): Promise<TransitionResult> { return this.#commerce.transition(orderId, to, actor, at, reason); }
  expireDue(now: number, limit: number): Promise<ExpiredOrder[]> { return this.#commerce.expireDue(now, limit); }
  getOrder(orderId: string): Promise<Order | null> { return this.#commerce.getOrder(orderId); }
  countOrders(roomId: string): Promise<number> { return this.#commerce.countOrders(roomId); }
  getInventory(variantId: string): Promise<Inventory | null> { return this.#commerce.getInventory(variantId); }
  applyPaymentEvent(event: PaymentEvent): Promise<PaymentResult> { return this.#commerce.applyPaymentEvent(event); }
  createFlashSale(sale: NewFlashSale): Promise<CreateSaleResult> { return this.#commerce.createFlashSale(sale); }
  getFlashSale(saleId: string, now: number): Promise<FlashSale | null> { return this.#commerce.getFlashSale(saleId, now); }
  currentFlashSale(roomId: string, now: number): Promise<FlashSale | null> { return this.#commerce.currentFlashSale(roomId, now); }
  openFlashSales(now: number): Promise<{ roomId: string; sale: FlashSale }[]> { return this.#commerce.openFlashSales(now); }
  stopFlashSale(saleId: string, at: number): Promise<FlashSale | null> { return this.#commerce.stopFlashSale(saleId, at); }
  lastStockEvents(roomId: string): Promise<Map<string, number>> { return this.#commerce.lastStockEvents(roomId); }
  listRoomIds(): Promise<string[]> { return this.#commerce.listRoomIds(); }

  // Per-room settings (store/sqlite/room-settings.ts).
  #roomSettingsQueries: SqliteRoomSettings | undefined;
  get #roomSettings(): SqliteRoomSettings {
    return (this.#roomSettingsQueries ??= new SqliteRoomSettings(this.#db));
  }
  async listRoomOrigins(): Promise<Map<string, readonly string[]>> { return this.#roomSettings.listRoomOrigins(); }
  async setRoomOrigins(roomId: string, origins: readonly string[] | null): Promise<void> { this.#roomSettings.setRoomOrigins(roomId, origins); }
  async setRoomMedia(roomId: string, media: { hls: string | null; whep: string | null }): Promise<void> { this.#roomSettings.setRoomMedia(roomId, media); }

  // Chat moderation (store/sqlite/moderation.ts).
  get #moderation(): SqliteModeration {
    return new SqliteModeration(this.#db); // cheap: its statements are prepared once per database
  }
  authorIdFor(roomId: string, subject: string): Promise<string> {
    return this.#moderation.authorIdFor(roomId, subject);
  }
  subjectOfAuthor(roomId: string, authorId: string): Promise<string | null> {
    return this.#moderation.subjectOfAuthor(roomId, authorId);
  }
  hasChatMessage(roomId: string, messageId: string): Promise<boolean> {
    return this.#moderation.hasChatMessage(roomId, messageId);
  }
  setSanction(roomId: string, subject: string, kind: SanctionKind, until: number | null, by: string, at: number): Promise<void> {
    return this.#moderation.setSanction(roomId, subject, kind, until, by, at);
  }
  clearSanction(roomId: string, subject: string, kind: SanctionKind): Promise<boolean> {
    return this.#moderation.clearSanction(roomId, subject, kind);
  }
  getSanctions(roomId: string, subject: string, now: number): Promise<Sanctions> {
    return this.#moderation.getSanctions(roomId, subject, now);
  }
  getBlockedWords(roomId: string): Promise<string[]> {
    return this.#moderation.getBlockedWords(roomId);
  }
  setBlockedWords(roomId: string, words: readonly string[]): Promise<void> {
    return this.#moderation.setBlockedWords(roomId, words);
  }
  getQuestion(roomId: string, questionId: string): Promise<Question | null> {
    return this.#moderation.getQuestion(roomId, questionId);
  }
  loadModerationSnapshot(roomId: string, questionLimit: number): Promise<ModerationSnapshot> {
    return this.#moderation.loadModerationSnapshot(roomId, questionLimit);
  }

  // Engagement: polls, lotteries, red envelopes, coupons, countdowns (store/sqlite/engagement.ts).
  #engagementQueries: SqliteEngagementStore | undefined;
  get #engagement(): SqliteEngagementStore {
    return (this.#engagementQueries ??= new SqliteEngagementStore(this.#db));
  }
  openPoll(poll: NewPoll): Promise<Poll> { return this.#engagement.openPoll(poll); }
  latestPoll(roomId: string): Promise<Poll | null> { return this.#engagement.latestPoll(roomId); }
  castVote(pollId: string, subject: string, option: number, at: number): Promise<VoteResult> { return this.#engagement.castVote(pollId, subject, option, at); }
  closePoll(pollId: string, at: number): Promise<Poll | null> { return this.#engagement.closePoll(pollId, at); }
  getPoll(pollId: string): Promise<Poll | null> { return this.#engagement.getPoll(pollId); }
  startLottery(lottery: NewLottery): Promise<Lottery> { return this.#engagement.startLottery(lottery); }
  latestLottery(roomId: string): Promise<LotteryRecord | null> { return this.#engagement.latestLottery(roomId); }
  enterLottery(lotteryId: string, subject: string, entrantId: string, at: number, max: number): Promise<EnterResult> { return this.#engagement.enterLottery(lotteryId, subject, entrantId, at, max); }
  drawLottery(lotteryId: string, at: number, draw: DrawFunction): Promise<Lottery | null> { return this.#engagement.drawLottery(lotteryId, at, draw); }
  subjectOfEntrant(lotteryId: string, entrantId: string): Promise<string | null> { return this.#engagement.subjectOfEntrant(lotteryId, entrantId); }
  startRain(rain: NewRain): Promise<RedEnvelopeRain> { return this.#engagement.startRain(rain); }
  latestRain(roomId: string): Promise<RedEnvelopeRain | null> { return this.#engagement.latestRain(roomId); }
  grabEnvelope(rainId: string, subject: string, couponId: string, at: number): Promise<GrabResult> { return this.#engagement.grabEnvelope(rainId, subject, couponId, at); }
  endRain(rainId: string, at: number): Promise<RedEnvelopeRain | null> { return this.#engagement.endRain(rainId, at); }
  issueCoupon(coupon: NewCoupon): Promise<Coupon> { return this.#engagement.issueCoupon(coupon); }
  getCoupon(roomId: string, couponId: string, subject: string): Promise<CouponRecord | null> { return this.#engagement.getCoupon(roomId, couponId, subject); }
  redeemCoupon(couponId: string, subject: string, orderId: string, at: number): Promise<RedeemResult> { return this.#engagement.redeemCoupon(couponId, subject, orderId, at); }
  startCountdown(roomId: string, countdown: Countdown): Promise<Countdown> { return this.#engagement.startCountdown(roomId, countdown); }
  cancelCountdown(roomId: string, now: number): Promise<Countdown | null> { return this.#engagement.cancelCountdown(roomId, now); }
  loadEngagement(roomId: string, now: number): Promise<EngagementSnapshot> { return this.#engagement.loadEngagement(roomId, now); }
  loadMine(roomId: string, subject: string, now: number): Promise<EngagementMine> { return this.#engagement.loadMine(roomId, subject, now); }

  // Merchant API, delete-my-data and the webhook outbox (store/sqlite/merchant.ts).
  importCatalog(roomId: string, catalog: CatalogImport, at: number): Promise<CatalogResult> { return this.#merchant.importCatalog(roomId, catalog, at); }
  setStock(roomId: string, units: StockUpdate): Promise<SetStockResult> { return this.#merchant.setStock(roomId, units); }
  listMerchantOrders(roomId: string, query: MerchantOrderQuery): Promise<MerchantOrderPage> { return this.#merchant.listMerchantOrders(roomId, query); }
  eraseCustomerData(viewerId: string, via: 'viewer' | 'merchant', at: number): Promise<ErasureReceipt> { return this.#merchant.eraseCustomerData(viewerId, via, at); }
  enqueueWebhookEvents(limit: number, at: number, build: OutboxBuilder): Promise<number> { return this.#merchant.enqueueWebhookEvents(limit, at, build); }
  claimWebhookDeliveries(now: number, limit: number, leaseMs: number): Promise<WebhookDelivery[]> { return this.#merchant.claimWebhookDeliveries(now, limit, leaseMs); }
  recordWebhookAttempt(eventId: string, outcome: AttemptOutcome): Promise<void> { return this.#merchant.recordWebhookAttempt(eventId, outcome); }
  listWebhookDeliveries(query: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> { return this.#merchant.listWebhookDeliveries(query); }
  requeueWebhookDelivery(eventId: string, at: number): Promise<boolean> { return this.#merchant.requeueWebhookDelivery(eventId, at); }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

function pinOf(room: RoomRow): Pin | null {
  return room.pinned_product_id !== null && room.pinned_at !== null
    ? { productId: room.pinned_product_id, at: room.pinned_at }
    : null;
}

function stockOf(variants: readonly VariantRow[]): Stock {
  const stock: Stock = {};
  for (const variant of variants) stock[variant.id] = variant.stock;
  return stock;
}
