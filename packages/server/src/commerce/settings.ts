import { PAYMENT_TTL_MS, RESERVATION_TTL_MS } from '@live-shop/protocol';

/** Timings of reservations, the expiry sweeper and flash-sale admission. */
export interface CommerceSettings {
  /** How long `order.reserve` holds units, ms. */
  reservationTtlMs: number;
  /** How long an order waits for payment after checkout, ms. */
  paymentTtlMs: number;
  /** How often the expiry sweeper runs, ms. */
  sweepIntervalMs: number;
  /** Most orders one sweep expires (one transaction); the next sweep takes the rest. */
  sweepBatch: number;
  /** Most flash-sale attempts admitted in one transaction. */
  admissionBatch: number;
  /** Network slack added to a ranked attempt's decision time, ms (a later attempt with a smaller reaction time may still be in flight). */
  rankingSlackMs: number;
  /** Least time between two `flashsale.changed` events of one sale while its `remaining` moves, ms. */
  saleEventIntervalMs: number;
}

/** Defaults: the protocol's TTLs, a sweep every second. */
export const DEFAULT_COMMERCE_SETTINGS: Readonly<CommerceSettings> = {
  reservationTtlMs: RESERVATION_TTL_MS,
  paymentTtlMs: PAYMENT_TTL_MS,
  sweepIntervalMs: 1_000,
  sweepBatch: 500,
  admissionBatch: 500,
  rankingSlackMs: 100,
  saleEventIntervalMs: 250,
};

const ENV: Readonly<Record<keyof CommerceSettings, string>> = {
  reservationTtlMs: 'LIVE_SHOP_RESERVATION_TTL_MS',
  paymentTtlMs: 'LIVE_SHOP_PAYMENT_TTL_MS',
  sweepIntervalMs: 'LIVE_SHOP_SWEEP_INTERVAL_MS',
  sweepBatch: 'LIVE_SHOP_SWEEP_BATCH',
  admissionBatch: 'LIVE_SHOP_ADMISSION_BATCH',
  rankingSlackMs: 'LIVE_SHOP_RANKING_SLACK_MS',
  saleEventIntervalMs: 'LIVE_SHOP_SALE_EVENT_INTERVAL_MS',
};

/**
 * The defaults, overridden by environment variables (`LIVE_SHOP_RESERVATION_TTL_MS`, `LIVE_SHOP_PAYMENT_TTL_MS`,
 * `LIVE_SHOP_SWEEP_INTERVAL_MS`, …; positive integers, anything else is ignored). Tests and benchmarks use them to
 * shorten windows without a code change.
 */
export function commerceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CommerceSettings {
  const settings: CommerceSettings = { ...DEFAULT_COMMERCE_SETTINGS };
  for (const key of Object.keys(ENV) as (keyof CommerceSettings)[]) {
    const raw = env[ENV[key]];
    const value = raw === undefined ? NaN : Number(raw);
    if (Number.isSafeInteger(value) && value > 0) settings[key] = value;
  }
  return settings;
}
