/**
 * Every sentence the elements show, per language. Numbers and money arrive already formatted
 * (see {@link formatMoney} in `@live-shop/protocol`) so a table only orders words around them.
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
  readonly checkoutTitle: string;
  readonly close: string;
  readonly variant: string;
  readonly variantStock: (count: number) => string;
  readonly quantity: string;
  readonly decrease: string;
  readonly increase: string;
  readonly customerName: string;
  readonly phone: string;
  readonly address: string;
  readonly placeOrder: (total: string) => string;
  readonly placing: string;
  readonly orderFailed: (message: string) => string;
  readonly checkField: (label: string) => string;
  readonly soldOutError: string;
  readonly notEnoughStock: string;
  readonly connectionProblem: string;
  readonly orderPlaced: string;
  readonly orderId: string;
  readonly total: string;
  readonly backToStream: string;
  /** Submit label after a failure: the same order again, with the same idempotency key. */
  readonly retryOrder: (total: string) => string;
  /** Shown in the sheet when every variant of the product is sold out. */
  readonly soldOutNotice: string;
  readonly shelfTitle: string;
  readonly shelfCount: (count: number) => string;
  readonly shelfEmpty: string;
  /** Accessible name of the player's shopping-bag button. */
  readonly openShelf: (count: number) => string;
  readonly closeShelf: string;
  /** Marks the product the host is presenting now. */
  readonly presenting: string;
  readonly pause: string;
  readonly mute: string;
  readonly unmuteShort: string;
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
  checkoutTitle: '快速下单',
  close: '关闭',
  variant: '规格',
  variantStock: (count) => (count === 0 ? '已售罄' : `剩 ${count} 件`),
  quantity: '数量',
  decrease: '减少数量',
  increase: '增加数量',
  customerName: '收货人',
  phone: '手机号码',
  address: '收货地址',
  placeOrder: (total) => `提交订单 ${total}`,
  placing: '正在提交…',
  orderFailed: (message) => `下单失败：${message}`,
  checkField: (label) => `请正确填写${label}`,
  soldOutError: '这个规格刚刚售罄了，换一个试试',
  notEnoughStock: '库存不足，请减少数量',
  connectionProblem: '网络连接有问题，请稍后重试',
  orderPlaced: '下单成功',
  orderId: '订单号',
  total: '合计',
  backToStream: '返回直播',
  retryOrder: (total) => `重试提交 ${total}`,
  soldOutNotice: '这件商品已经全部售罄了。',
  shelfTitle: '购物袋',
  shelfCount: (count) => `共 ${count} 件商品`,
  shelfEmpty: '直播间还没有商品',
  openShelf: (count) => `打开购物袋，共 ${count} 件商品`,
  closeShelf: '关闭购物袋',
  presenting: '讲解中',
  pause: '暂停',
  mute: '静音',
  unmuteShort: '取消静音',
  volume: '音量',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  pictureInPicture: '画中画',
  exitPictureInPicture: '退出画中画',
  latency: (seconds) => `延迟 ${seconds} 秒`,
  controlsLabel: '播放控制',
  sendHeart: '点赞',
  viewers: (count) => `${count} 人在看`,
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
  checkoutTitle: 'Quick checkout',
  close: 'Close',
  variant: 'Option',
  variantStock: (count) => (count === 0 ? 'Sold out' : `${count} left`),
  quantity: 'Quantity',
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  customerName: 'Full name',
  phone: 'Phone',
  address: 'Delivery address',
  placeOrder: (total) => `Place order · ${total}`,
  placing: 'Placing order…',
  orderFailed: (message) => `Could not place the order: ${message}`,
  checkField: (label) => `please check the ${label.toLowerCase()}.`,
  soldOutError: 'this option just sold out; try another one.',
  notEnoughStock: 'not enough left; lower the quantity.',
  connectionProblem: 'the connection failed; please try again.',
  orderPlaced: 'Order placed',
  orderId: 'Order number',
  total: 'Total',
  backToStream: 'Back to the stream',
  retryOrder: (total) => `Try again · ${total}`,
  soldOutNotice: 'Every option of this product is sold out.',
  shelfTitle: 'Shopping bag',
  shelfCount: (count) => (count === 1 ? '1 product' : `${count} products`),
  shelfEmpty: 'No products in this room yet',
  openShelf: (count) => `Open the shopping bag, ${count === 1 ? '1 product' : `${count} products`}`,
  closeShelf: 'Close the shopping bag',
  presenting: 'Presenting',
  pause: 'Pause',
  mute: 'Mute',
  unmuteShort: 'Unmute',
  volume: 'Volume',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pictureInPicture: 'Picture in picture',
  exitPictureInPicture: 'Exit picture in picture',
  latency: (seconds) => `${seconds} s behind`,
  controlsLabel: 'Video controls',
  sendHeart: 'Send a heart',
  viewers: (count) => `${count} watching`,
};
