import type { Messages } from '../i18n/messages.js';

/**
 * What the Q&A panel says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface QuestionsMessages {
  readonly questionsLabel: string;
  readonly questionInputLabel: string;
  readonly questionPlaceholder: string;
  readonly ask: string;
  readonly askFailed: (message: string) => string;
  readonly answered: string;
  readonly answerQuestion: string;
  readonly pinQuestion: string;
  readonly unpinQuestion: string;
  readonly noQuestions: string;
}

/** Simplified Chinese. */
export const zhCN: QuestionsMessages = {
  questionsLabel: '问答',
  questionInputLabel: '向主播提问',
  questionPlaceholder: '向主播提个问题…',
  ask: '提问',
  askFailed: (message) => `提问失败：${message}`,
  answered: '已回答',
  answerQuestion: '标为已回答',
  pinQuestion: '置顶问题',
  unpinQuestion: '取消置顶',
  noQuestions: '还没有问题',
};

/** English. */
export const en: QuestionsMessages = {
  questionsLabel: 'Q&A',
  questionInputLabel: 'Ask the host',
  questionPlaceholder: 'Ask the host a question…',
  ask: 'Ask',
  askFailed: (message) => `Could not ask: ${message}`,
  answered: 'Answered',
  answerQuestion: 'Mark answered',
  pinQuestion: 'Pin question',
  unpinQuestion: 'Unpin',
  noQuestions: 'No questions yet',
};

/** Everything the Q&A panel says: the shared table and its own. */
export type QuestionsText = Messages & QuestionsMessages;
