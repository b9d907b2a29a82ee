import type { Messages } from '../i18n/messages.js';

/**
 * What the poll says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface PollMessages {
  readonly pollLabel: string;
  readonly pollVotes: (count: string) => string;
  readonly pollYourVote: string;
  readonly pollClosed: string;
  readonly pollEndsIn: (time: string) => string;
  readonly pollOptionResult: (option: string, percent: string) => string;
}

/** Simplified Chinese. */
export const zhCN: PollMessages = {
  pollLabel: '投票',
  pollVotes: (count) => `${count} 票`,
  pollYourVote: '你的选择',
  pollClosed: '投票已结束',
  pollEndsIn: (time) => `${time} 后结束`,
  pollOptionResult: (option, percent) => `${option}：${percent}`,
};

/** English. */
export const en: PollMessages = {
  pollLabel: 'Poll',
  pollVotes: (count) => `${count} votes`,
  pollYourVote: 'Your vote',
  pollClosed: 'Poll closed',
  pollEndsIn: (time) => `Ends in ${time}`,
  pollOptionResult: (option, percent) => `${option}: ${percent}`,
};

/** Everything the poll says: the shared table and its own. */
export type PollText = Messages & PollMessages;
