import type { Messages } from '../i18n/messages.js';

/**
 * What the giveaway says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface LotteryMessages {
  readonly lotteryLabel: string;
  readonly lotteryPrize: (prize: string) => string;
  readonly lotteryEnter: string;
  readonly lotteryEntered: string;
  readonly lotteryKeyword: (keyword: string) => string;
  readonly lotteryEntries: (count: string) => string;
  readonly lotteryWinnersCount: (count: string) => string;
  readonly lotteryDrawIn: (time: string) => string;
  readonly lotteryDrawing: string;
  readonly lotteryDrawn: string;
  readonly lotteryYouWon: string;
  readonly lotteryNotWon: string;
  readonly lotteryVerified: string;
  readonly lotteryVerifyFailed: string;
  readonly lotteryCommitment: (digest: string) => string;
}

/** Simplified Chinese. */
export const zhCN: LotteryMessages = {
  lotteryLabel: '抽奖',
  lotteryPrize: (prize) => `奖品：${prize}`,
  lotteryEnter: '参与抽奖',
  lotteryEntered: '已参与，等待开奖',
  lotteryKeyword: (keyword) => `或发送评论“${keyword}”参与`,
  lotteryEntries: (count) => `${count} 人参与`,
  lotteryWinnersCount: (count) => `${count} 个名额`,
  lotteryDrawIn: (time) => `${time} 后开奖`,
  lotteryDrawing: '正在开奖…',
  lotteryDrawn: '已开奖',
  lotteryYouWon: '恭喜你中奖了！',
  lotteryNotWon: '很遗憾，这次没有中奖',
  lotteryVerified: '开奖结果已验证：种子与承诺一致，中奖名单可复算',
  lotteryVerifyFailed: '开奖结果验证失败',
  lotteryCommitment: (digest) => `承诺值 ${digest}…`,
};

/** English. */
export const en: LotteryMessages = {
  lotteryLabel: 'Giveaway',
  lotteryPrize: (prize) => `Prize: ${prize}`,
  lotteryEnter: 'Enter the giveaway',
  lotteryEntered: 'You’re in. Good luck!',
  lotteryKeyword: (keyword) => `Or comment “${keyword}” to enter`,
  lotteryEntries: (count) => `${count} entered`,
  lotteryWinnersCount: (count) => `${count} to win`,
  lotteryDrawIn: (time) => `Draw in ${time}`,
  lotteryDrawing: 'Drawing…',
  lotteryDrawn: 'Winners drawn',
  lotteryYouWon: 'You won!',
  lotteryNotWon: 'Not this time',
  lotteryVerified: 'Draw verified: the seed matches its commitment and the winners recompute',
  lotteryVerifyFailed: 'The draw could not be verified',
  lotteryCommitment: (digest) => `Commitment ${digest}…`,
};

/** Everything the giveaway says: the shared table and its own. */
export type LotteryText = Messages & LotteryMessages;
