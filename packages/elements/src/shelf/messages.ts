import type { Messages } from '../i18n/messages.js';

/**
 * What the shopping bag says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface ShelfMessages {
  readonly shelfTitle: string;
  readonly shelfCount: (count: number) => string;
  readonly shelfEmpty: string;
  readonly closeShelf: string;
  /** Marks the product the host is presenting now. */
  readonly presenting: string;
}

/** Simplified Chinese. */
export const zhCN: ShelfMessages = {
  shelfTitle: '购物袋',
  shelfCount: (count) => `共 ${count} 件商品`,
  shelfEmpty: '直播间还没有商品',
  closeShelf: '关闭购物袋',
  presenting: '讲解中',
};

/** English. */
export const en: ShelfMessages = {
  shelfTitle: 'Shopping bag',
  shelfCount: (count) => (count === 1 ? '1 product' : `${count} products`),
  shelfEmpty: 'No products in this room yet',
  closeShelf: 'Close the shopping bag',
  presenting: 'Presenting',
};

/** Everything the shopping bag says: the shared table and its own. */
export type ShelfText = Messages & ShelfMessages;
