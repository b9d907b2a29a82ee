import type { Messages } from '../i18n/messages.js';

/**
 * What the 3D view says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface Model3dMessages {
  readonly modelLabel: (name: string) => string;
  readonly modelLoading: string;
  readonly modelFailed: string;
  readonly viewInRoom: string;
}

/** Simplified Chinese. */
export const zhCN: Model3dMessages = {
  modelLabel: (name) => `${name} 的 3D 模型`,
  modelLoading: '正在加载 3D 模型…',
  modelFailed: '3D 模型无法显示',
  viewInRoom: 'AR 放到我的房间看看',
};

/** English. */
export const en: Model3dMessages = {
  modelLabel: (name) => `3D model of ${name}`,
  modelLoading: 'Loading the 3D model…',
  modelFailed: 'The 3D model could not be shown',
  viewInRoom: 'View in your room (AR)',
};

/** Everything the 3D view says: the shared table and its own. */
export type Model3dText = Messages & Model3dMessages;
