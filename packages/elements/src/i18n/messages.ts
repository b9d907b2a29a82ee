/**
 * The sentences of the elements the script-tag entry loads (player, controls, chat, product card, reactions,
 * notices), per language, and the few words lazily loaded elements share with them or with each other.
 * A lazily loaded element keeps the rest of its words in its own messages module (`quick-checkout/messages.ts`…),
 * which loads with its chunk and is joined with this table by `featureMessagesOf` (i18n/locale.ts).
 * Numbers and money arrive already formatted (see {@link formatMoney} in `@live-shop/protocol`) so a table
 * only orders words around them.
 */
export interface Messages {
  /** BCP 47 tag used for number and money formatting. */
  readonly locale: string;
  readonly buy: string;
  readonly soldOut: string;
  readonly onlyLeft: (count: number) => string;
  readonly inStock: (count: number) => string;
  readonly priceFrom: (price: string) => string;
  readonly live: string;
  readonly scheduled: string;
  readonly ended: string;
  readonly connecting: string;
  readonly reconnecting: string;
  readonly disconnected: string;
  readonly unmute: string;
  readonly play: string;
  readonly videoLabel: string;
  readonly chatLabel: string;
  readonly chatInputLabel: string;
  readonly chatPlaceholder: string;
  readonly send: string;
  readonly host: string;
  readonly sendFailed: (message: string) => string;
  // Chat moderation, danmaku, pinned message (also above the Q&A panel), notices (H3a).
  readonly pinnedMessageLabel: string;
  readonly danmakuLabel: string;
  readonly moderateMessage: (name: string) => string;
  readonly deleteMessage: string;
  readonly muteAuthor: (minutes: number) => string;
  readonly banAuthor: string;
  readonly confirmBan: (name: string) => string;
  readonly confirmAction: string;
  readonly cancelAction: string;
  readonly moderationFailed: (message: string) => string;
  readonly noticesLabel: string;
  readonly joinNotice: (names: readonly string[], others: number) => string;
  readonly purchaseNotice: (name: string, product: string, quantity: number, others: number) => string;
  readonly pinnedQuestionLabel: string;
  /** Close buttons of the red-envelope card, the bag and the checkout sheet. */
  readonly close: string;
  /** Legend of the card's swatches and of the sheet's options. */
  readonly variant: string;
  /** Accessible name of the player's shopping-bag button. */
  readonly openShelf: (count: number) => string;
  readonly pause: string;
  readonly mute: string;
  readonly volume: string;
  readonly fullscreen: string;
  readonly exitFullscreen: string;
  readonly pictureInPicture: string;
  readonly exitPictureInPicture: string;
  /** Live latency next to the badge, from seconds already formatted. */
  readonly latency: (seconds: string) => string;
  readonly controlsLabel: string;
  /** Accessible name of the heart button. */
  readonly sendHeart: string;
  /** Viewer count next to the live badge, from a number already formatted. */
  readonly viewers: (count: string) => string;
  /** Poll, lottery and red envelope (one lazy chunk): a refused action. */
  readonly actionFailed: (message: string) => string;
  /** The checkout sheet and the flash-sale banner, once paid. */
  readonly orderPaid: string;
  // Product card (H5).
  readonly addToCart: string;
  /** The usual price, struck through beside a sale price (said aloud before it). */
  readonly wasPrice: (price: string) => string;
  readonly nowPrice: (price: string) => string;
  readonly couponBadge: (text: string) => string;
  readonly swatchSoldOut: (label: string) => string;
  readonly productViews: string;
  readonly viewPhoto: string;
  readonly view360: string;
  readonly view3d: string;
  // Player: miniplayer, quality (H5).
  readonly miniplayer: string;
  readonly exitMiniplayer: string;
  readonly moveMiniplayer: string;
  readonly quality: string;
  readonly qualityAuto: string;
}

/** Simplified Chinese. */
export const zhCN: Messages = {
  locale: 'zh-CN',
  buy: '立即购买',
  soldOut: '已售罄',
  onlyLeft: (count) => `仅剩 ${count} 件`,
  inStock: (count) => `库存 ${count} 件`,
  priceFrom: (price) => `${price} 起`,
  live: '直播中',
  scheduled: '未开播',
  ended: '已结束',
  connecting: '正在连接…',
  reconnecting: '连接中断，正在重新连接…',
  disconnected: '连接已断开',
  unmute: '点击开启声音',
  play: '播放',
  videoLabel: '直播视频',
  chatLabel: '聊天',
  chatInputLabel: '发送消息',
  chatPlaceholder: '说点什么…',
  send: '发送',
  host: '主播',
  sendFailed: (message) => `发送失败：${message}`,
  pinnedMessageLabel: '置顶',
  danmakuLabel: '弹幕',
  moderateMessage: (name) => `管理 ${name} 的消息`,
  deleteMessage: '删除消息',
  muteAuthor: (minutes) => `禁言 ${minutes} 分钟`,
  banAuthor: '封禁',
  confirmBan: (name) => `确定把 ${name} 移出直播间？`,
  confirmAction: '确定',
  cancelAction: '取消',
  moderationFailed: (message) => `操作失败：${message}`,
  noticesLabel: '直播间动态',
  joinNotice: (names, others) => `${names.join('、')}${others > 0 ? ` 等 ${names.length + others} 人` : ''} 来了`,
  purchaseNotice: (name, product, quantity, others) =>
    `${name} 刚刚购买了 ${product}${quantity > 1 ? ` ×${quantity}` : ''}${others > 0 ? `，还有 ${others} 人也下单了` : ''}`,
  pinnedQuestionLabel: '主播正在回答',
  close: '关闭',
  variant: '规格',
  openShelf: (count) => `打开购物袋，共 ${count} 件商品`,
  pause: '暂停',
  mute: '静音',
  volume: '音量',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  pictureInPicture: '画中画',
  exitPictureInPicture: '退出画中画',
  latency: (seconds) => `延迟 ${seconds} 秒`,
  controlsLabel: '播放控制',
  sendHeart: '点赞',
  viewers: (count) => `${count} 人在看`,
  actionFailed: (message) => `操作失败：${message}`,
  orderPaid: '支付成功',
  addToCart: '加入购物车',
  wasPrice: (price) => `原价 ${price}`,
  nowPrice: (price) => `现价 ${price}`,
  couponBadge: (text) => `券 ${text}`,
  swatchSoldOut: (label) => `${label}（已售罄）`,
  productViews: '商品展示',
  viewPhoto: '图片',
  view360: '360°',
  view3d: '3D',
  miniplayer: '小窗播放',
  exitMiniplayer: '退出小窗',
  moveMiniplayer: '移动小窗（方向键）',
  quality: '清晰度',
  qualityAuto: '自动',
};

/** English. */
export const en: Messages = {
  locale: 'en',
  buy: 'Buy now',
  soldOut: 'Sold out',
  onlyLeft: (count) => `Only ${count} left`,
  inStock: (count) => `${count} in stock`,
  priceFrom: (price) => `From ${price}`,
  live: 'LIVE',
  scheduled: 'Starting soon',
  ended: 'Ended',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost, reconnecting…',
  disconnected: 'Disconnected',
  unmute: 'Tap to unmute',
  play: 'Play',
  videoLabel: 'Live video',
  chatLabel: 'Chat',
  chatInputLabel: 'Send a message',
  chatPlaceholder: 'Say something…',
  send: 'Send',
  host: 'Host',
  sendFailed: (message) => `Could not send: ${message}`,
  pinnedMessageLabel: 'Pinned',
  danmakuLabel: 'Bullet comments',
  moderateMessage: (name) => `Moderate the message from ${name}`,
  deleteMessage: 'Delete message',
  muteAuthor: (minutes) => `Mute for ${minutes} min`,
  banAuthor: 'Ban',
  confirmBan: (name) => `Ban ${name} from the room?`,
  confirmAction: 'Confirm',
  cancelAction: 'Cancel',
  moderationFailed: (message) => `Could not do that: ${message}`,
  noticesLabel: 'Room activity',
  joinNotice: (names, others) =>
    others > 0
      ? `${names.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'} joined`
      : names.length > 1
        ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''} joined`
        : `${names[0] ?? 'Someone'} joined`,
  purchaseNotice: (name, product, quantity, others) =>
    `${name} just bought ${quantity > 1 ? `${quantity} × ` : ''}${product}${others > 0 ? ` (and ${others} more ${others === 1 ? 'order' : 'orders'})` : ''}`,
  pinnedQuestionLabel: 'The host is answering',
  close: 'Close',
  variant: 'Option',
  openShelf: (count) => `Open the shopping bag, ${count === 1 ? '1 product' : `${count} products`}`,
  pause: 'Pause',
  mute: 'Mute',
  volume: 'Volume',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pictureInPicture: 'Picture in picture',
  exitPictureInPicture: 'Exit picture in picture',
  latency: (seconds) => `${seconds} s behind`,
  controlsLabel: 'Video controls',
  sendHeart: 'Send a heart',
  viewers: (count) => `${count} watching`,
  actionFailed: (message) => `That did not work: ${message}`,
  orderPaid: 'Paid',
  addToCart: 'Add to cart',
  wasPrice: (price) => `Was ${price}`,
  nowPrice: (price) => `Now ${price}`,
  couponBadge: (text) => `Coupon ${text}`,
  swatchSoldOut: (label) => `${label} (sold out)`,
  productViews: 'Product views',
  viewPhoto: 'Photo',
  view360: '360°',
  view3d: '3D',
  miniplayer: 'Mini player',
  exitMiniplayer: 'Leave the mini player',
  moveMiniplayer: 'Move the mini player (arrow keys)',
  quality: 'Quality',
  qualityAuto: 'Auto',
};
