import type { FlashSale } from '@live-shop/protocol';

/** A `flash_sales` row. */
export interface SaleRow {
  id: string;
  room_id: string;
  product_id: string;
  variant_id: string;
  price: number;
  original_price: number;
  quota: number;
  taken: number;
  per_viewer_limit: number;
  starts_at: number;
  ends_at: number;
  stopped_at: number | null;
  created_at: number;
}

/** The sale as of `now`: its status is derived from the clock, never stored. */
export function toFlashSale(row: SaleRow, now: number): FlashSale {
  const endsAt = row.stopped_at === null ? row.ends_at : Math.min(row.stopped_at, row.ends_at);
  const status = now >= endsAt ? 'ended' : now < row.starts_at ? 'scheduled' : 'live';
  return {
    id: row.id,
    productId: row.product_id,
    variantId: row.variant_id,
    price: row.price,
    originalPrice: row.original_price,
    quota: row.quota,
    remaining: row.quota - row.taken,
    perViewerLimit: row.per_viewer_limit,
    startsAt: row.starts_at,
    endsAt,
    status,
  };
}
