import { batch } from 'nanostores';
import type { EngagementMine } from '@live-shop/protocol';
import { mergeCoupons, wonOf, type EngagementStores } from '../stores/engagement.js';

// Only the deferred engagement engine (engine.ts, fetched at connect) applies `engagement.mine`: in its own module,
// this stays out of the script-tag entry.

/** Applies what only this viewer knows (the answer of `engagement.mine`). */
export function applyMine(stores: EngagementStores, mine: EngagementMine): void {
  batch(() => {
    const poll = stores.$poll.get();
    if (poll) stores.$poll.set({ ...poll, myVote: mine.vote?.pollId === poll.id ? mine.vote.option : null });
    const lottery = stores.$lottery.get();
    if (lottery) {
      const entrantId = mine.entrant?.lotteryId === lottery.id ? mine.entrant.entrantId : null;
      stores.$lottery.set({ ...lottery, entrantId, won: wonOf(lottery, entrantId) });
    }
    const rain = stores.$redEnvelope.get();
    if (rain) stores.$redEnvelope.set({ ...rain, grabbed: mine.grabbed?.rainId === rain.id ? mine.grabbed.coupon : null });
    stores.$coupons.set(mergeCoupons([], mine.coupons));
  });
}
