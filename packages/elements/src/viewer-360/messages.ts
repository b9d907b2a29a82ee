import type { Messages } from '../i18n/messages.js';

/**
 * What the 360° view says, per language: loaded with its chunk, not with the script-tag entry. Joined with the shared
 * table (i18n/messages.ts) through `featureMessagesOf`.
 */
export interface Viewer360Messages {
  readonly spinLabel: (name: string) => string;
  readonly spinHint: string;
  readonly spinAngle: (degrees: number) => string;
  readonly spinLoading: (loaded: number, total: number) => string;
}

/** Simplified Chinese. */
export const zhCN: Viewer360Messages = {
  spinLabel: (name) => `${name} 360° 旋转查看`,
  spinHint: '拖动或按方向键旋转，滚轮、双指或 + / − 缩放',
  spinAngle: (degrees) => `${degrees} 度`,
  spinLoading: (loaded, total) => `正在加载 ${loaded}/${total}`,
};

/** English. */
export const en: Viewer360Messages = {
  spinLabel: (name) => `${name}, 360° view`,
  spinHint: 'Drag or use the arrow keys to turn; wheel, pinch or + / − to zoom',
  spinAngle: (degrees) => `${degrees} degrees`,
  spinLoading: (loaded, total) => `Loading ${loaded} of ${total}`,
};

/** Everything the 360° view says: the shared table and its own. */
export type Viewer360Text = Messages & Viewer360Messages;
