import * as v from 'valibot';
import { FlashSaleSchema } from './model.js';

// The commerce room event, apart from the commerce commands in commerce-frames.ts: a client parses events from its
// first frame on but checks its commands only when it sends one, so a bundle can load the commands later (the core does).

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));

/**
 * Room event: the room's flash sale changed — scheduled, started, its `remaining` moved (coalesced, at most about
 * 4 a second), or ended. Replaces the client's `flashSale`.
 */
export const FlashSaleChangedEventSchema = v.object({
  t: v.literal('flashsale.changed'),
  seq: Seq,
  at: v.number(),
  sale: FlashSaleSchema,
});
/** The room's flash sale changed. */
export type FlashSaleChangedEvent = v.InferOutput<typeof FlashSaleChangedEventSchema>;
