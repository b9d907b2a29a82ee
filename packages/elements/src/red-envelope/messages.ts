import type { Messages } from '../i18n/messages.js';

/**
 * What the red-envelope rain says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface RedEnvelopeMessages {
  readonly redEnvelopeLabel: string;
  readonly redEnvelopeGrab: string;
  readonly redEnvelopeLeft: (count: string) => string;
  readonly redEnvelopeGot: (amount: string) => string;
  readonly redEnvelopeGone: string;
  readonly redEnvelopeAlready: string;
  readonly redEnvelopeEnded: string;
}

/** Simplified Chinese. */
export const zhCN: RedEnvelopeMessages = {
  redEnvelopeLabel: '红包雨',
  redEnvelopeGrab: '抢红包',
  redEnvelopeLeft: (count) => `剩余 ${count} 个`,
  redEnvelopeGot: (amount) => `抢到 ${amount} 优惠券`,
  redEnvelopeGone: '红包已被抢完',
  redEnvelopeAlready: '你已经抢到过了',
  redEnvelopeEnded: '红包雨已结束',
};

/** English. */
export const en: RedEnvelopeMessages = {
  redEnvelopeLabel: 'Red envelope rain',
  redEnvelopeGrab: 'Grab a red envelope',
  redEnvelopeLeft: (count) => `${count} left`,
  redEnvelopeGot: (amount) => `You got a ${amount} coupon`,
  redEnvelopeGone: 'All envelopes are gone',
  redEnvelopeAlready: 'You already got one',
  redEnvelopeEnded: 'The rain is over',
};

/** Everything the red-envelope rain says: the shared table and its own. */
export type RedEnvelopeText = Messages & RedEnvelopeMessages;
