import type Database from 'better-sqlite3';
import type { Customer, FlashSale, Order, OrderStatus } from '@live-shop/protocol';
import { assertTransition, canTransition, COUNTED_STATUSES, OPEN_STATUSES, UNITS_IN } from '../../commerce/order-state.js';
import type { FieldCipher } from '../../security/field-cipher.js';
import type {
  CommerceStore,
  CreateSaleResult,
  ExpiredOrder,
  Inventory,
  NewFlashSale,
  NewOrder,
  OrderActor,
  PaymentEvent,
  PaymentResult,
  ReserveResult,
  TransitionResult,
} from '../commerce.js';
import { SqliteOrderCoupons } from './order-coupons.js';
import { toFlashSale, type SaleRow } from './sale-rows.js';
import { toOrder, type OrderRow } from './rows.js';

/** An order row with its customer columns (ciphertext). */
interface FullOrderRow extends OrderRow {
  customer_name: string | null;
  customer_phone: string | null;
  customer_address: string | null;
}

const CUSTOMER_FIELDS = ['name', 'phone', 'address'] as const;
const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const COUNTED = sqlList(COUNTED_STATUSES);

/**
 * {@link CommerceStore} on better-sqlite3: orders, their state machine and audit trail, inventory buckets,
 * idempotency keys, payment results and flash sales. Every public method is one transaction (BEGIN IMMEDIATE for
 * writes), so on one Node thread no two interleave and other processes wait on the write lock.
 *
 * Stock moves only in {@link #move} and {@link #open}, always together with the order's status and an
 * `order_status_history` row; the triggers of migration 4 refuse any write that breaks stock + held + sold = initial.
 */
export class SqliteCommerce implements CommerceStore {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #coupons: SqliteOrderCoupons;
  readonly #q;

  constructor(db: Database.Database, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#coupons = new SqliteOrderCoupons(db);
    this.#q = {
      key: db.prepare<[string, string, string], { fingerprint: string; order_id: string }>(
        'SELECT fingerprint, order_id FROM idempotency_keys WHERE room_id = ? AND subject = ? AND key = ?',
      ),
      order: db.prepare<[string], FullOrderRow>('SELECT * FROM orders WHERE id = ?'),
      variant: db.prepare<[string, string], { id: string; product_id: string; price: number; currency: string; limit_per_viewer: number | null }>(
        `SELECT v.id, v.product_id, v.price, v.limit_per_viewer, p.currency FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.id = ? AND p.room_id = ?`,
      ),
      take: db.prepare<[number, number, string, number]>('UPDATE variants SET stock = stock - ?, held = held + ? WHERE id = ? AND stock >= ?'),
      release: db.prepare<[number, number, string, number]>('UPDATE variants SET stock = stock + ?, held = held - ? WHERE id = ? AND held >= ?'),
      sell: db.prepare<[number, number, string, number]>('UPDATE variants SET held = held - ?, sold = sold + ? WHERE id = ? AND held >= ?'),
      stock: db.prepare<[string], { stock: number }>('SELECT stock FROM variants WHERE id = ?'),
      inventory: db.prepare<[string], Inventory>('SELECT stock, held, sold, initial FROM variants WHERE id = ?'),
      ownedOfVariant: db.prepare<[string, string], { n: number }>(
        `SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE viewer_id = ? AND variant_id = ? AND status IN (${COUNTED})`,
      ),
      ownedOfSale: db.prepare<[string, string], { n: number }>(
        `SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE sale_id = ? AND viewer_id = ? AND status IN (${COUNTED})`,
      ),
      insertOrder: db.prepare(
        `INSERT INTO orders (id, room_id, product_id, variant_id, viewer_id, sale_id, quantity, unit_price, subtotal, discount, total,
           coupon_id, currency, status, expires_at, idempotency_key, customer_name, customer_phone, customer_address, created_at, updated_at)
         VALUES (@id, @roomId, @productId, @variantId, @subject, @saleId, @quantity, @unitPrice, @subtotal, @discount, @total,
           @couponId, @currency, @status, @expiresAt, @idempotencyKey, @customerName, @customerPhone, @customerAddress, @createdAt, @createdAt)`,
      ),
      setCoupon: db.prepare<{ id: string; discount: number; couponId: string | null }>(
        'UPDATE orders SET discount = @discount, total = subtotal - @discount, coupon_id = @couponId WHERE id = @id',
      ),
      insertKey: db.prepare<[string, string, string, string, string, number]>(
        'INSERT INTO idempotency_keys (room_id, subject, key, fingerprint, order_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      history: db.prepare<[string, string | null, string, number, string]>(
        'INSERT INTO order_status_history (order_id, from_status, to_status, at, reason) VALUES (?, ?, ?, ?, ?)',
      ),
      setStatus: db.prepare<{ id: string; from: string; to: string; expiresAt: number | null; at: number }>(
        'UPDATE orders SET status = @to, expires_at = @expiresAt, updated_at = @at WHERE id = @id AND status = @from',
      ),
      setCustomer: db.prepare<[string, string, string, string]>(
        'UPDATE orders SET customer_name = ?, customer_phone = ?, customer_address = ? WHERE id = ?',
      ),
      due: db.prepare<[number, number], FullOrderRow>(
        'SELECT * FROM orders WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at, id LIMIT ?',
      ),
      countOrders: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM orders WHERE room_id = ?'),
      paymentEvent: db.prepare<[string], { order_id: string; type: string; amount: number; currency: string }>(
        'SELECT order_id, type, amount, currency FROM payment_events WHERE id = ?',
      ),
      insertPaymentEvent: db.prepare<[string, string, string, number, string, number]>(
        'INSERT INTO payment_events (id, order_id, type, amount, currency, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      sale: db.prepare<[string], SaleRow>('SELECT * FROM flash_sales WHERE id = ?'),
      saleTake: db.prepare<[number, string, number]>('UPDATE flash_sales SET taken = taken + ? WHERE id = ? AND taken + ? <= quota'),
      saleGive: db.prepare<[number, string, number]>('UPDATE flash_sales SET taken = taken - ? WHERE id = ? AND taken >= ?'),
      insertSale: db.prepare(
        `INSERT INTO flash_sales (id, room_id, product_id, variant_id, price, original_price, quota, per_viewer_limit, starts_at, ends_at, created_at)
         VALUES (@id, @roomId, @productId, @variantId, @price, @originalPrice, @quota, @perViewerLimit, @startsAt, @endsAt, @createdAt)`,
      ),
      openSaleOfRoom: db.prepare<[string, number, number], SaleRow>(
        `SELECT * FROM flash_sales WHERE room_id = ? AND (stopped_at IS NULL OR stopped_at > ?) AND ends_at > ? ORDER BY starts_at LIMIT 1`,
      ),
      latestSaleOfRoom: db.prepare<[string], SaleRow>('SELECT * FROM flash_sales WHERE room_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'),
      openSales: db.prepare<[number, number], SaleRow>(
        'SELECT * FROM flash_sales WHERE (stopped_at IS NULL OR stopped_at > ?) AND ends_at > ? ORDER BY starts_at',
      ),
      stopSale: db.prepare<[number, string]>('UPDATE flash_sales SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL'),
      roomVariantIds: db.prepare<[string], { id: string }>(
        'SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.room_id = ?',
      ),
      lastStockEvent: db.prepare<[string, string], { available: number }>(
        `SELECT json_extract(body, '$.available') AS available FROM room_events
         WHERE room_id = ? AND type = 'stock.changed' AND json_extract(body, '$.variantId') = ? ORDER BY seq DESC LIMIT 1`,
      ),
      roomIds: db.prepare<[], { id: string }>('SELECT id FROM rooms ORDER BY id'),
    };
  }

  async reserve(order: NewOrder): Promise<ReserveResult> {
    return this.#db.transaction(() => this.#open(order)).immediate();
  }

  async reserveMany(orders: readonly NewOrder[]): Promise<ReserveResult[]> {
    // One write transaction for the batch (one fsync-free commit in WAL), one savepoint per attempt.
    const one = this.#db.transaction((order: NewOrder) => this.#open(order));
    return this.#db.transaction(() => orders.map((order) => one(order))).immediate();
  }

  async findByIdempotencyKey(roomId: string, subject: string, key: string): Promise<{ order: Order; fingerprint: string } | null> {
    const found = this.#q.key.get(roomId, subject, key);
    if (!found) return null;
    const row = this.#q.order.get(found.order_id);
    return row ? { order: toOrder(row), fingerprint: found.fingerprint } : null;
  }

  async checkout(
    orderId: string,
    subject: string,
    customer: Customer,
    at: number,
    expiresAt: number,
    couponId?: string | null,
  ): Promise<TransitionResult> {
    const q = this.#q;
    return this.#db
      .transaction((): TransitionResult => {
        const row = q.order.get(orderId);
        if (!row) return { kind: 'not_found' };
        if (row.viewer_id !== subject) return { kind: 'forbidden' };
        const sameCoupon = couponId === undefined || couponId === row.coupon_id;
        if (row.status === 'pending_payment' && sameCoupon && this.#sameCustomer(row, customer)) return { kind: 'unchanged', order: toOrder(row) };
        const lapsed = this.#lapse(row, at);
        if (lapsed) return lapsed;
        if (row.status !== 'reserved') return { kind: 'illegal', from: row.status, to: 'pending_payment' };
        if (!sameCoupon) {
          // Checked before anything is written: a refused coupon leaves the order reserved as it was.
          const refusal = this.#applyCoupon(row, couponId ?? null, at);
          if (refusal) return refusal;
        }
        this.#move(row, 'pending_payment', at, 'checkout', expiresAt);
        const sealed = this.#seal(orderId, customer);
        q.setCustomer.run(sealed.name, sealed.phone, sealed.address, orderId);
        return { kind: 'changed', order: this.#order(orderId), available: null, sale: null };
      })
      .immediate();
  }

  async transition(
    orderId: string,
    to: 'cancelled' | 'fulfilled' | 'refunded',
    actor: OrderActor,
    at: number,
    reason: string,
  ): Promise<TransitionResult> {
    const q = this.#q;
    return this.#db
      .transaction((): TransitionResult => {
        const row = q.order.get(orderId);
        if (!row) return { kind: 'not_found' };
        if (actor.kind === 'viewer' && row.viewer_id !== actor.subject) return { kind: 'forbidden' };
        if (row.status === to) return { kind: 'unchanged', order: toOrder(row) };
        if (to === 'cancelled') {
          const lapsed = this.#lapse(row, at);
          if (lapsed) return lapsed;
        }
        if (!canTransition(row.status, to)) return { kind: 'illegal', from: row.status, to };
        const moved = this.#move(row, to, at, reason);
        return { kind: 'changed', order: this.#order(orderId), ...moved };
      })
      .immediate();
  }

  async expireDue(now: number, limit: number): Promise<ExpiredOrder[]> {
    const q = this.#q;
    return this.#db
      .transaction((): ExpiredOrder[] =>
        q.due.all(now, limit).map((row) => {
          const moved = this.#move(row, 'expired', now, 'reservation or payment window ran out');
          return { order: this.#order(row.id), available: moved.available ?? 0, sale: moved.sale };
        }),
      )
      .immediate();
  }

  async getOrder(orderId: string): Promise<Order | null> {
    const row = this.#q.order.get(orderId);
    return row ? toOrder(row) : null;
  }

  async countOrders(roomId: string): Promise<number> {
    return this.#q.countOrders.get(roomId)?.n ?? 0;
  }

  async getInventory(variantId: string): Promise<Inventory | null> {
    return this.#q.inventory.get(variantId) ?? null;
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
        // A payment for an order still pending is taken even if its window just ran out and the sweeper has not
        // reached it: its units are still held, so nothing is oversold. An expired order refuses it (the merchant
        // refunds): its units may already be someone else's.
        if (row.status !== 'pending_payment') {
          const hint = row.status === 'expired' ? '; its units went back to stock, refund the payment' : '';
          return { kind: 'conflict', message: `order ${row.id} is ${row.status}; only a pending_payment order takes a payment result${hint}` };
        }
        const to = event.type === 'payment.succeeded' ? 'paid' : 'cancelled';
        const moved = this.#move(row, to, event.receivedAt, `${event.type} ${event.id}`);
        q.insertPaymentEvent.run(event.id, row.id, event.type, event.amount, event.currency, event.receivedAt);
        return { kind: 'applied', order: this.#order(row.id), restocked: moved.available, sale: moved.sale };
      })
      .immediate();
  }

  async createFlashSale(sale: NewFlashSale): Promise<CreateSaleResult> {
    const q = this.#q;
    return this.#db
      .transaction((): CreateSaleResult => {
        const variant = q.variant.get(sale.variantId, sale.roomId);
        if (!variant) return { kind: 'not_found' };
        const open = q.openSaleOfRoom.get(sale.roomId, sale.createdAt, sale.createdAt);
        if (open) return { kind: 'conflict', sale: toFlashSale(open, sale.createdAt) };
        q.insertSale.run({ ...sale, productId: variant.product_id, originalPrice: variant.price });
        return { kind: 'created', sale: this.#sale(sale.id, sale.createdAt) };
      })
      .immediate();
  }

  async getFlashSale(saleId: string, now: number): Promise<FlashSale | null> {
    const row = this.#q.sale.get(saleId);
    return row ? toFlashSale(row, now) : null;
  }

  async currentFlashSale(roomId: string, now: number): Promise<FlashSale | null> {
    const row = this.#q.openSaleOfRoom.get(roomId, now, now) ?? this.#q.latestSaleOfRoom.get(roomId);
    return row ? toFlashSale(row, now) : null;
  }

  async openFlashSales(now: number): Promise<{ roomId: string; sale: FlashSale }[]> {
    return this.#q.openSales.all(now, now).map((row) => ({ roomId: row.room_id, sale: toFlashSale(row, now) }));
  }

  async stopFlashSale(saleId: string, at: number): Promise<FlashSale | null> {
    const q = this.#q;
    return this.#db
      .transaction((): FlashSale | null => {
        const row = q.sale.get(saleId);
        if (!row) return null;
        if (toFlashSale(row, at).status !== 'ended') q.stopSale.run(at, saleId);
        return this.#sale(saleId, at);
      })
      .immediate();
  }

  async lastStockEvents(roomId: string): Promise<Map<string, number>> {
    const q = this.#q;
    const last = new Map<string, number>();
    for (const { id } of q.roomVariantIds.all(roomId)) {
      const event = q.lastStockEvent.get(roomId, id);
      if (event) last.set(id, event.available);
    }
    return last;
  }

  async listRoomIds(): Promise<string[]> {
    return this.#q.roomIds.all().map((row) => row.id);
  }

  /** Opens one order inside the caller's transaction. Checks everything before writing anything. */
  #open(order: NewOrder): ReserveResult {
    const q = this.#q;
    const previous = q.key.get(order.roomId, order.subject, order.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== order.fingerprint) return { kind: 'conflict' };
      const row = q.order.get(previous.order_id);
      if (!row) throw new Error(`idempotency key points at missing order ${previous.order_id}`);
      return { kind: 'replayed', order: toOrder(row) };
    }
    const variant = q.variant.get(order.variantId, order.roomId);
    if (!variant) return { kind: 'not_found' };
    let unitPrice = variant.price;
    let sale: SaleRow | undefined;
    if (order.saleId !== undefined) {
      sale = q.sale.get(order.saleId);
      if (!sale || sale.room_id !== order.roomId || sale.variant_id !== order.variantId) return { kind: 'not_found' };
      const status = toFlashSale(sale, order.createdAt).status;
      if (status === 'scheduled') return { kind: 'sale_not_started' };
      if (status === 'ended') return { kind: 'sale_ended' };
      const remaining = sale.quota - sale.taken;
      if (remaining === 0) return { kind: 'sold_out' };
      if (remaining < order.quantity) return { kind: 'insufficient_stock', available: remaining };
      const owned = q.ownedOfSale.get(sale.id, order.subject)?.n ?? 0;
      if (owned + order.quantity > sale.per_viewer_limit) return { kind: 'limit_reached', limit: sale.per_viewer_limit, owned };
      unitPrice = sale.price;
    }
    if (variant.limit_per_viewer !== null) {
      const owned = q.ownedOfVariant.get(order.subject, order.variantId)?.n ?? 0;
      if (owned + order.quantity > variant.limit_per_viewer) return { kind: 'limit_reached', limit: variant.limit_per_viewer, owned };
    }
    const subtotal = unitPrice * order.quantity;
    let discount = 0;
    if (order.couponId !== undefined) {
      const use = { orderId: order.id, subject: order.subject, subtotal, currency: variant.currency, now: order.createdAt };
      const checked = this.#coupons.check(order.roomId, order.couponId, use);
      if (!checked.ok) return { kind: 'coupon_invalid', message: checked.message };
      discount = checked.discount;
    }
    // The guard in the WHERE clause is the reservation: it cannot take stock below zero.
    if (q.take.run(order.quantity, order.quantity, order.variantId, order.quantity).changes !== 1) {
      const left = q.stock.get(order.variantId)?.stock ?? 0;
      return left === 0 ? { kind: 'sold_out' } : { kind: 'insufficient_stock', available: left };
    }
    if (sale && q.saleTake.run(order.quantity, sale.id, order.quantity).changes !== 1) {
      throw new Error(`flash sale ${sale.id} quota moved inside its own transaction`);
    }
    const sealed = order.customer ? this.#seal(order.id, order.customer) : null;
    q.insertOrder.run({
      id: order.id,
      roomId: order.roomId,
      productId: variant.product_id,
      variantId: order.variantId,
      subject: order.subject,
      saleId: order.saleId ?? null,
      quantity: order.quantity,
      unitPrice,
      subtotal,
      discount,
      total: subtotal - discount,
      couponId: order.couponId ?? null,
      currency: variant.currency,
      status: order.status,
      expiresAt: order.expiresAt,
      idempotencyKey: order.idempotencyKey,
      customerName: sealed?.name ?? null,
      customerPhone: sealed?.phone ?? null,
      customerAddress: sealed?.address ?? null,
      createdAt: order.createdAt,
    });
    if (order.couponId !== undefined) this.#coupons.hold(order.couponId, order.subject, order.id, order.createdAt);
    q.insertKey.run(order.roomId, order.subject, order.idempotencyKey, order.fingerprint, order.id, order.createdAt);
    q.history.run(order.id, null, order.status, order.createdAt, order.status === 'reserved' ? 'reserved' : 'order placed');
    return {
      kind: 'created',
      order: this.#order(order.id),
      available: q.stock.get(order.variantId)?.stock ?? 0,
      sale: sale ? this.#sale(sale.id, order.createdAt) : null,
    };
  }

  /**
   * The one place an existing order changes status: checks the edge, moves its units between the variant's
   * buckets (and back into its sale's quota), writes the status and the audit row.
   */
  #move(row: OrderRow, to: OrderStatus, at: number, reason: string, expiresAt: number | null = null): { available: number | null; sale: FlashSale | null } {
    const q = this.#q;
    assertTransition(row.status, to);
    const from = UNITS_IN[row.status];
    const into = UNITS_IN[to];
    const n = row.quantity;
    let available: number | null = null;
    let sale: FlashSale | null = null;
    if (from === 'held' && into === 'stock') {
      if (q.release.run(n, n, row.variant_id, n).changes !== 1) throw new Error(`variant ${row.variant_id} holds fewer than ${n} units`);
      // A cancelled or expired order gives its coupon back with its units; the order keeps `coupon_id` as history.
      if (row.coupon_id !== null) this.#coupons.free(row.id);
      available = q.stock.get(row.variant_id)?.stock ?? 0;
      if (row.sale_id !== null) {
        if (q.saleGive.run(n, row.sale_id, n).changes !== 1) throw new Error(`flash sale ${row.sale_id} has fewer than ${n} units taken`);
        sale = this.#sale(row.sale_id, at);
      }
    } else if (from === 'held' && into === 'sold') {
      if (q.sell.run(n, n, row.variant_id, n).changes !== 1) throw new Error(`variant ${row.variant_id} holds fewer than ${n} units`);
    } else if (from !== into) {
      throw new Error(`no stock move from ${from} to ${into}`);
    }
    const open = OPEN_STATUSES.includes(to);
    if (open && expiresAt === null) throw new Error(`an order becoming ${to} needs an expiry`);
    const changed = q.setStatus.run({ id: row.id, from: row.status, to, expiresAt: open ? expiresAt : null, at }).changes;
    if (changed !== 1) throw new Error(`order ${row.id} changed under its own transaction`);
    q.history.run(row.id, row.status, to, at, reason);
    return { available, sale };
  }

  /**
   * Replaces the coupon of a reserved order (null: none) and its discount and total, or answers why the new coupon
   * cannot apply, writing nothing then.
   */
  #applyCoupon(row: OrderRow, couponId: string | null, at: number): TransitionResult | null {
    const subject = row.viewer_id ?? '';
    let discount = 0;
    if (couponId !== null) {
      const use = { orderId: row.id, subject, subtotal: row.subtotal, currency: row.currency, now: at };
      const checked = this.#coupons.check(row.room_id, couponId, use);
      if (!checked.ok) return { kind: 'coupon_invalid', message: checked.message };
      discount = checked.discount;
    }
    this.#coupons.free(row.id);
    if (couponId !== null) this.#coupons.hold(couponId, subject, row.id, at);
    this.#q.setCoupon.run({ id: row.id, discount, couponId });
    return null;
  }

  /** Expires an open order whose window has run out by `at` (ahead of the sweeper); else null. */
  #lapse(row: OrderRow, at: number): TransitionResult | null {
    if (row.status === 'expired') return { kind: 'expired', order: toOrder(row), available: null, sale: null };
    if (!OPEN_STATUSES.includes(row.status) || row.expires_at === null || row.expires_at > at) return null;
    const moved = this.#move(row, 'expired', at, 'reservation or payment window ran out');
    return { kind: 'expired', order: this.#order(row.id), ...moved };
  }

  #seal(orderId: string, customer: Customer): Record<(typeof CUSTOMER_FIELDS)[number], string> {
    const seal = (field: (typeof CUSTOMER_FIELDS)[number]) => this.#cipher.encrypt(customer[field], `orders.customer_${field}:${orderId}`);
    return { name: seal('name'), phone: seal('phone'), address: seal('address') };
  }

  #sameCustomer(row: FullOrderRow, customer: Customer): boolean {
    return CUSTOMER_FIELDS.every((field) => {
      const sealed = row[`customer_${field}`];
      return sealed !== null && this.#cipher.decrypt(sealed, `orders.customer_${field}:${row.id}`) === customer[field];
    });
  }

  #order(orderId: string): Order {
    const row = this.#q.order.get(orderId);
    if (!row) throw new Error(`order ${orderId} vanished inside its own transaction`);
    return toOrder(row);
  }

  #sale(saleId: string, now: number): FlashSale {
    const row = this.#q.sale.get(saleId);
    if (!row) throw new Error(`flash sale ${saleId} vanished inside its own transaction`);
    return toFlashSale(row, now);
  }
}

