import { atom, type WritableAtom } from 'nanostores';
import { FLASH_SALE_LATENCY_CAP_MS, type FlashSale } from '@live-shop/protocol';

/** Creates the `$flashSale` store of one client: the room's current or next flash sale, `null` when none. */
export function createFlashSaleStore(): WritableAtom<FlashSale | null> {
  return atom<FlashSale | null>(null);
}

/**
 * Applies `flashsale.changed`: the event carries the whole sale, which replaces the one held (same id or a new
 * one). Room events arrive in `seq` order without duplicates, so the latest event is the truth.
 */
export function applyFlashSale($flashSale: WritableAtom<FlashSale | null>, sale: FlashSale): void {
  $flashSale.set(sale);
}

/**
 * Where a flash sale stands for one viewer at server time `serverNow`:
 * - `scheduled`: counting down to the viewer's own zero (`msLeft` > 0);
 * - `live`: the viewer may buy; `sold-out` when its quota is gone but the sale still runs;
 * - `ended`.
 *
 * The viewer's zero is `startsAt + latency` (the latency this viewer reported, capped by
 * {@link FLASH_SALE_LATENCY_CAP_MS}): the moment its picture shows the host's zero, and the moment from
 * which the server measures its reaction time. An attempt before it is refused `sale_not_started`.
 */
export interface FlashSalePhase {
  phase: 'scheduled' | 'live' | 'sold-out' | 'ended';
  /** Server ms of this viewer's zero. */
  zeroAt: number;
  /** Ms until that zero (0 once reached). */
  msLeft: number;
}

/** Computes {@link FlashSalePhase}; `latencyMs` is the viewer's reported latency (null: 0). */
export function flashSalePhase(sale: FlashSale, serverNow: number, latencyMs: number | null): FlashSalePhase {
  const credit = Math.min(Math.max(latencyMs ?? 0, 0), FLASH_SALE_LATENCY_CAP_MS);
  const zeroAt = sale.startsAt + credit;
  const msLeft = Math.max(0, zeroAt - serverNow);
  if (sale.status === 'ended' || serverNow >= sale.endsAt + credit) return { phase: 'ended', zeroAt, msLeft: 0 };
  if (msLeft > 0) return { phase: 'scheduled', zeroAt, msLeft };
  return { phase: sale.remaining > 0 ? 'live' : 'sold-out', zeroAt, msLeft: 0 };
}
