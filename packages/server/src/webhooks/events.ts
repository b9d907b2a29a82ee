import { createHash } from 'node:crypto';
import type { WebhookEvent } from '@live-shop/protocol';
import type { HistoryEntry, OutboxBuilder } from '../store/merchant.js';

/**
 * Stable id of the event "order X moved to status S at time T": the same on every attempt and on every
 * rebuild of the outbox, so the merchant deduplicates by it and the outbox stores each change once.
 */
export function webhookEventId(entry: Pick<HistoryEntry, 'orderId' | 'toStatus' | 'at'>): string {
  const digest = createHash('sha256').update(`${entry.orderId}\n${entry.toStatus}\n${entry.at}`, 'utf8').digest('base64url');
  return `evt_${digest.slice(0, 24)}`;
}

/**
 * The webhook of one order status change. It carries the order's amounts and ids, never the
 * customer's name, phone or address: the merchant reads those through the API key'd order listing.
 */
export const buildWebhookEvent: OutboxBuilder = (entry, order) => {
  const event: WebhookEvent = {
    id: webhookEventId(entry),
    type: `order.${entry.toStatus}` as WebhookEvent['type'],
    createdAt: entry.at,
    sequence: entry.sequence,
    data: {
      order: { ...order, status: entry.toStatus as WebhookEvent['data']['order']['status'] },
      previousStatus: entry.fromStatus as WebhookEvent['data']['previousStatus'],
      reason: entry.reason,
    },
  };
  return { id: event.id, type: event.type, body: JSON.stringify(event) };
};
