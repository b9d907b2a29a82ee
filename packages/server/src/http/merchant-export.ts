import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { MerchantOrder } from '@live-shop/protocol';
import type { DomainContext } from '../rooms/context.js';
import { assertRoom, exportOrders, type OrderFilter } from '../merchant/orders.js';

/** Columns of the CSV order export, in order. */
export const ORDER_CSV_COLUMNS = [
  'order_id',
  'room_id',
  'status',
  'created_at',
  'product_id',
  'variant_id',
  'quantity',
  'subtotal',
  'discount',
  'total',
  'currency',
  'coupon_id',
  'viewer_id',
  'customer_name',
  'customer_phone',
  'customer_address',
  'customer_erased',
] as const;

/**
 * Streams every matching order of the room as CSV or JSON (an array), one page of orders in memory at
 * a time, respecting the socket's backpressure. Answers `not_found` for an unknown room before the
 * status line; an error later cuts the response (a truncated download, never a half-valid one that
 * looks complete: the JSON array is left unclosed, and the CSV misses its final newline).
 */
export async function sendOrderExport(
  ctx: DomainContext,
  res: ServerResponse,
  roomId: string,
  filter: OrderFilter,
  format: 'csv' | 'json',
): Promise<void> {
  await assertRoom(ctx, roomId);
  const pages = exportOrders(ctx, roomId, filter);
  res.writeHead(200, {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="orders-${roomId}.${format}"`,
    'Cache-Control': 'no-store',
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  if (format === 'csv') {
    const records = Readable.from(rowsOf(pages));
    await pipeline(records, stringify({ header: true, columns: [...ORDER_CSV_COLUMNS], bom: true }), res);
  } else {
    await pipeline(Readable.from(jsonChunks(pages)), res);
  }
}

async function* rowsOf(pages: AsyncIterable<MerchantOrder[]>): AsyncGenerator<Record<string, string | number>> {
  for await (const page of pages) for (const order of page) yield csvRow(order);
}

async function* jsonChunks(pages: AsyncIterable<MerchantOrder[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    const text = page.map((order) => JSON.stringify(order)).join(',\n');
    yield `${first ? '\n' : ',\n'}${text}`;
    first = false;
  }
  yield '\n]\n';
}

function csvRow(order: MerchantOrder): Record<string, string | number> {
  return {
    order_id: order.id,
    room_id: order.roomId,
    status: order.status,
    created_at: new Date(order.createdAt).toISOString(),
    product_id: order.productId,
    variant_id: order.variantId,
    quantity: order.quantity,
    // Orders from before coupons on orders (migration 12) have no discount: subtotal = total.
    subtotal: order.subtotal ?? order.total,
    discount: order.discount ?? 0,
    total: order.total,
    currency: order.currency,
    coupon_id: order.couponId ?? '',
    viewer_id: spreadsheetSafe(order.viewerId ?? ''),
    customer_name: spreadsheetSafe(order.customer?.name ?? ''),
    customer_phone: order.customer?.phone ?? '',
    customer_address: spreadsheetSafe(order.customer?.address ?? ''),
    customer_erased: order.customerErased ? 'yes' : 'no',
  };
}

/**
 * Text a viewer typed ends up in the merchant's spreadsheet: a cell that starts with `=`, `+`, `-`, `@`
 * (or a tab or carriage return) would run as a formula there, so it gets a leading `'`. The phone is
 * validated to digits, spaces, dashes and a leading `+` and is left as it is.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
