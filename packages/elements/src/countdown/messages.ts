import type { Messages } from '../i18n/messages.js';

/**
 * What the countdown says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface CountdownMessages {
  readonly countdownLabel: string;
  readonly countdownEnded: string;
}

/** Simplified Chinese. */
export const zhCN: CountdownMessages = {
  countdownLabel: '倒计时',
  countdownEnded: '开始啦！',
};

/** English. */
export const en: CountdownMessages = {
  countdownLabel: 'Countdown',
  countdownEnded: 'Now!',
};

/** Everything the countdown says: the shared table and its own. */
export type CountdownText = Messages & CountdownMessages;
