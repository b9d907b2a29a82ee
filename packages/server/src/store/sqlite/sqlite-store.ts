import type Database from 'better-sqlite3';
import type { Pin, Product, RoomEvent, RoomEventBody, RoomInfo, Snapshot, Stock } from '@live-shop/protocol';
import { LiveShopServerError } from '../../errors.js';
import type { LogPosition, NewOrder, PaymentEvent, PaymentResult, PlaceOrderResult, RoomSeed, Store } from '../store.js';
import type { FieldCipher } from '../../security/field-cipher.js';
import { openDatabase } from './open.js';
import {
  toChatMessage,
  toEvent,
  toOrder,
  toProducts,
  toRoomInfo,
  type OrderRow,
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

  constructor(db: Database.Database, cipher: FieldCipher) {
    this.#db = db;
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
      variantInRoom: db.prepare<[string, string], VariantRow & { currency: string }>(
        `SELECT v.*, p.currency FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.id = ? AND p.room_id = ?`,
      ),
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
        `INSERT OR IGNORE INTO products (id, room_id, name, description, image, currency, position)
         VALUES (@id, @roomId, @name, @description, @image, @currency, @position)`,
      ),
      insertVariant: db.prepare(
        `INSERT OR IGNORE INTO variants (id, product_id, label, price, stock, position)
         VALUES (@id, @productId, @label, @price, @stock, @position)`,
      ),
      nextSeq: db.prepare<[string], { seq: number }>('UPDATE rooms SET seq = seq + 1 WHERE id = ? RETURNING seq'),
      insertEvent: db.prepare('INSERT INTO room_events (room_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)'),
      setPin: db.prepare('UPDATE rooms SET pinned_product_id = ?, pinned_at = ? WHERE id = ?'),
      logPosition: db.prepare<[string], { epoch: string; seq: number }>('SELECT epoch, seq FROM rooms WHERE id = ?'),
      eventsAfter: db.prepare<[string, number, number], { body: string }>(
        'SELECT body FROM room_events WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      idempotency: db.prepare<[string, string], { fingerprint: string; order_id: string }>(
        'SELECT fingerprint, order_id FROM idempotency_keys WHERE room_id = ? AND key = ?',
      ),
      order: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?'),
      reserve: db.prepare<[number, string, number]>('UPDATE variants SET stock = stock - ? WHERE id = ? AND stock >= ?'),
      insertOrder: db.prepare(
        `INSERT INTO orders (id, room_id, product_id, variant_id, quantity, total, currency, status, idempotency_key,
           customer_name, customer_phone, customer_address, created_at)
         VALUES (@id, @roomId, @productId, @variantId, @quantity, @total, @currency, 'placed', @idempotencyKey,
           @customerName, @customerPhone, @customerAddress, @createdAt)`,
      ),
      insertKey: db.prepare(
        'INSERT INTO idempotency_keys (room_id, key, fingerprint, order_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      countOrders: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM orders WHERE room_id = ?'),
      paymentEvent: db.prepare<[string], { order_id: string; type: string; amount: number; currency: string }>(
        'SELECT order_id, type, amount, currency FROM payment_events WHERE id = ?',
      ),
      insertPaymentEvent: db.prepare(
        'INSERT INTO payment_events (id, order_id, type, amount, currency, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      setOrderStatus: db.prepare<[string, string, string]>('UPDATE orders SET status = ? WHERE id = ? AND status = ?'),
      restock: db.prepare<[number, string]>('UPDATE variants SET stock = stock + ? WHERE id = ?'),
      insertStatusChange: db.prepare(
        'INSERT INTO order_status_history (order_id, from_status, to_status, at, reason) VALUES (?, ?, ?, ?, ?)',
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
          q.insertProduct.run({ ...product, roomId: room.id, position });
          product.variants.forEach((variant, index) => {
            const stock = seed.stock[variant.id] ?? 0;
            q.insertVariant.run({ ...variant, productId: product.id, stock, position: index });
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

  async placeOrder(order: NewOrder): Promise<PlaceOrderResult> {
    const q = this.#q;
    return this.#db
      .transaction((): PlaceOrderResult => {
        const previous = q.idempotency.get(order.roomId, order.idempotencyKey);
        if (previous) {
          if (previous.fingerprint !== order.fingerprint) return { kind: 'conflict' };
          const row = q.order.get(previous.order_id);
          if (!row) throw new Error(`idempotency key points at missing order ${previous.order_id}`);
          return { kind: 'replayed', order: toOrder(row) };
        }
        const variant = q.variantInRoom.get(order.variantId, order.roomId);
        if (!variant) return { kind: 'not_found' };
        // The guard in the WHERE clause is the reservation: it cannot take stock below zero.
        const reserved = q.reserve.run(order.quantity, order.variantId, order.quantity).changes === 1;
        if (!reserved) {
          const left = q.variantStock.get(order.variantId)?.stock ?? 0;
          return left === 0 ? { kind: 'sold_out' } : { kind: 'insufficient_stock', available: left };
        }
        const total = variant.price * order.quantity;
        q.insertOrder.run({
          id: order.id,
          roomId: order.roomId,
          productId: variant.product_id,
          variantId: order.variantId,
          quantity: order.quantity,
          total,
          currency: variant.currency,
          idempotencyKey: order.idempotencyKey,
          customerName: this.#cipher.encrypt(order.customer.name, `orders.customer_name:${order.id}`),
          customerPhone: this.#cipher.encrypt(order.customer.phone, `orders.customer_phone:${order.id}`),
          customerAddress: this.#cipher.encrypt(order.customer.address, `orders.customer_address:${order.id}`),
          createdAt: order.createdAt,
        });
        q.insertKey.run(order.roomId, order.idempotencyKey, order.fingerprint, order.id, order.createdAt);
        q.insertStatusChange.run(order.id, null, 'placed', order.createdAt, 'order placed');
        const row = q.order.get(order.id);
        if (!row) throw new Error(`order ${order.id} vanished inside its own transaction`);
        return { kind: 'placed', order: toOrder(row), available: q.variantStock.get(order.variantId)?.stock ?? 0 };
      })
      .immediate();
  }

  async countOrders(roomId: string): Promise<number> {
    return this.#q.countOrders.get(roomId)?.n ?? 0;
  }

  async applyPaymentEvent(event: PaymentEvent): Promise<PaymentResult> {
    const q = this.#q;
    return this.#db
      .transaction((): PaymentResult => {
        const seen = q.paymentEvent.get(event.id);
        if (seen) {
          const same = seen.order_id === event.orderId && seen.type === event.type && seen.amount === event.amount && seen.currency === event.currency;
          if (!same) return { kind: 'conflict', message: `payment event ${event.id} was already received with a different body` };
          const row = q.order.get(event.orderId);
          if (!row) throw new Error(`payment event ${event.id} points at missing order ${event.orderId}`);
          return { kind: 'duplicate', order: toOrder(row) };
        }
        const row = q.order.get(event.orderId);
        if (!row) return { kind: 'not_found' };
        if (row.total !== event.amount || row.currency !== event.currency) {
          return { kind: 'mismatch', message: `the order is ${row.total} ${row.currency}, the payment ${event.amount} ${event.currency}` };
        }
        if (row.status !== 'placed') {
          return { kind: 'conflict', message: `order ${row.id} is ${row.status}; only a placed order takes a payment result` };
        }
        const to = event.type === 'payment.succeeded' ? 'paid' : 'cancelled';
        q.setOrderStatus.run(to, row.id, 'placed');
        q.insertStatusChange.run(row.id, 'placed', to, event.receivedAt, `${event.type} ${event.id}`);
        let restocked: number | null = null;
        if (to === 'cancelled') {
          q.restock.run(row.quantity, row.variant_id);
          restocked = q.variantStock.get(row.variant_id)?.stock ?? 0;
        }
        q.insertPaymentEvent.run(event.id, row.id, event.type, event.amount, event.currency, event.receivedAt);
        const updated = q.order.get(row.id);
        if (!updated) throw new Error(`order ${row.id} vanished inside its own transaction`);
        return { kind: 'applied', order: toOrder(updated), restocked };
      })
      .immediate();
  }

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
