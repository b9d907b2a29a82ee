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
  // Chat moderation, danmaku, pinned message, notices, Q&A (H3a).
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
  readonly questionsLabel: string;
  readonly questionInputLabel: string;
  readonly questionPlaceholder: string;
  readonly ask: string;
  readonly askFailed: (message: string) => string;
  readonly answered: string;
  readonly answerQuestion: string;
  readonly pinQuestion: string;
  readonly unpinQuestion: string;
  readonly pinnedQuestionLabel: string;
  readonly noQuestions: string;
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
  // Engagement: poll, lottery, red envelopes, countdown (H3b). Times arrive formatted (`m:ss`).
  readonly pollLabel: string;
  readonly pollVotes: (count: string) => string;
  readonly pollYourVote: string;
  readonly pollClosed: string;
  readonly pollEndsIn: (time: string) => string;
  readonly pollOptionResult: (option: string, percent: string) => string;
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
  readonly redEnvelopeLabel: string;
  readonly redEnvelopeGrab: string;
  readonly redEnvelopeLeft: (count: string) => string;
  readonly redEnvelopeGot: (amount: string) => string;
  readonly redEnvelopeGone: string;
  readonly redEnvelopeAlready: string;
  readonly redEnvelopeEnded: string;
  readonly countdownLabel: string;
  readonly countdownEnded: string;
  readonly actionFailed: (message: string) => string;
  // Flash sale, reservation checkout, payment handoff (H4).
  readonly flashSale: string;
  readonly flashSaleStartsIn: (time: string) => string;
  readonly flashSaleEndsIn: (time: string) => string;
  readonly flashSaleRemaining: (left: number, quota: number) => string;
  readonly flashSaleBuy: string;
  readonly flashSaleLimit: (count: number) => string;
  readonly flashSaleEnded: string;
  readonly flashSaleSoldOut: string;
  readonly flashSaleQueued: string;
  readonly flashSaleWon: string;
  readonly reserving: string;
  readonly reservedFor: (time: string) => string;
  readonly reservationExpiring: (time: string) => string;
  readonly reservationExpired: string;
  readonly reserveAgain: string;
  readonly payNow: (total: string) => string;
  readonly paying: string;
  readonly payingHint: string;
  readonly orderPaid: string;
  readonly awaitingPayment: string;
  readonly paymentCancelled: string;
  readonly paymentFailed: string;
  readonly popupBlocked: string;
  readonly limitReached: string;
  readonly saleNotStarted: string;
  readonly saleEnded: string;
  readonly reservationGone: string;
  readonly tryAgain: string;
  readonly rememberMe: string;
  readonly useSavedProfile: (name: string) => string;
  readonly forgetProfile: string;
  readonly priceBreakdown: string;
  readonly unitTimesQuantity: (price: string, quantity: number) => string;
  readonly salePrice: string;
  readonly coupon: string;
  readonly noCoupon: string;
  readonly couponOption: (label: string, discount: string) => string;
  readonly couponDiscount: string;
  readonly cartRefused: (reason: string) => string;
  // Product card, 360° view, 3D view (H5).
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
  readonly spinLabel: (name: string) => string;
  readonly spinHint: string;
  readonly spinAngle: (degrees: number) => string;
  readonly spinLoading: (loaded: number, total: number) => string;
  readonly modelLabel: (name: string) => string;
  readonly modelLoading: string;
  readonly modelFailed: string;
  readonly viewInRoom: string;
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
  questionsLabel: '问答',
  questionInputLabel: '向主播提问',
  questionPlaceholder: '向主播提个问题…',
  ask: '提问',
  askFailed: (message) => `提问失败：${message}`,
  answered: '已回答',
  answerQuestion: '标为已回答',
  pinQuestion: '置顶问题',
  unpinQuestion: '取消置顶',
  pinnedQuestionLabel: '主播正在回答',
  noQuestions: '还没有问题',
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
  pollLabel: '投票',
  pollVotes: (count) => `${count} 票`,
  pollYourVote: '你的选择',
  pollClosed: '投票已结束',
  pollEndsIn: (time) => `${time} 后结束`,
  pollOptionResult: (option, percent) => `${option}：${percent}`,
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
  redEnvelopeLabel: '红包雨',
  redEnvelopeGrab: '抢红包',
  redEnvelopeLeft: (count) => `剩余 ${count} 个`,
  redEnvelopeGot: (amount) => `抢到 ${amount} 优惠券`,
  redEnvelopeGone: '红包已被抢完',
  redEnvelopeAlready: '你已经抢到过了',
  redEnvelopeEnded: '红包雨已结束',
  countdownLabel: '倒计时',
  countdownEnded: '开始啦！',
  actionFailed: (message) => `操作失败：${message}`,
  flashSale: '限时秒杀',
  flashSaleStartsIn: (time) => `${time} 后开抢`,
  flashSaleEndsIn: (time) => `${time} 后结束`,
  flashSaleRemaining: (left, quota) => `剩 ${left}/${quota} 件`,
  flashSaleBuy: '立即抢购',
  flashSaleLimit: (count) => `每人限购 ${count} 件`,
  flashSaleEnded: '秒杀已结束',
  flashSaleSoldOut: '已抢光',
  flashSaleQueued: '排队中，正在按反应时间分配…',
  flashSaleWon: '抢到了！请尽快付款',
  reserving: '正在为你锁定库存…',
  reservedFor: (time) => `已为你保留 ${time}`,
  reservationExpiring: (time) => `保留即将到期：${time}`,
  reservationExpired: '保留已过期，商品已放回库存',
  reserveAgain: '重新保留',
  payNow: (total) => `去支付 ${total}`,
  paying: '正在支付…',
  payingHint: '请在支付页面完成付款，直播不会中断',
  orderPaid: '支付成功',
  awaitingPayment: '订单已提交，等待商家确认付款',
  paymentCancelled: '支付已取消，商品仍为你保留',
  paymentFailed: '支付失败',
  popupBlocked: '浏览器拦截了支付窗口，请允许弹出窗口后重试',
  limitReached: '已达到限购数量',
  saleNotStarted: '秒杀还没开始',
  saleEnded: '秒杀已结束',
  reservationGone: '保留已过期，请重新下单',
  tryAgain: '重试',
  rememberMe: '在此设备上记住我的收货信息',
  useSavedProfile: (name) => `已填入保存的信息（${name}）`,
  forgetProfile: '清除保存的信息',
  priceBreakdown: '价格明细',
  unitTimesQuantity: (price, quantity) => `${price} × ${quantity}`,
  salePrice: '秒杀价',
  coupon: '优惠券',
  noCoupon: '不使用优惠券',
  couponOption: (label, discount) => (label ? `${label}（减 ${discount}）` : `减 ${discount}`),
  couponDiscount: '优惠券抵扣',
  cartRefused: (reason) => `商家购物车拒绝了：${reason}`,
  addToCart: '加入购物车',
  wasPrice: (price) => `原价 ${price}`,
  nowPrice: (price) => `现价 ${price}`,
  couponBadge: (text) => `券 ${text}`,
  swatchSoldOut: (label) => `${label}（已售罄）`,
  productViews: '商品展示',
  viewPhoto: '图片',
  view360: '360°',
  view3d: '3D',
  spinLabel: (name) => `${name} 360° 旋转查看`,
  spinHint: '拖动或按方向键旋转，滚轮、双指或 + / − 缩放',
  spinAngle: (degrees) => `${degrees} 度`,
  spinLoading: (loaded, total) => `正在加载 ${loaded}/${total}`,
  modelLabel: (name) => `${name} 的 3D 模型`,
  modelLoading: '正在加载 3D 模型…',
  modelFailed: '3D 模型无法显示',
  viewInRoom: 'AR 放到我的房间看看',
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
  questionsLabel: 'Q&A',
  questionInputLabel: 'Ask the host',
  questionPlaceholder: 'Ask the host a question…',
  ask: 'Ask',
  askFailed: (message) => `Could not ask: ${message}`,
  answered: 'Answered',
  answerQuestion: 'Mark answered',
  pinQuestion: 'Pin question',
  unpinQuestion: 'Unpin',
  pinnedQuestionLabel: 'The host is answering',
  noQuestions: 'No questions yet',
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
  pollLabel: 'Poll',
  pollVotes: (count) => `${count} votes`,
  pollYourVote: 'Your vote',
  pollClosed: 'Poll closed',
  pollEndsIn: (time) => `Ends in ${time}`,
  pollOptionResult: (option, percent) => `${option}: ${percent}`,
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
  redEnvelopeLabel: 'Red envelope rain',
  redEnvelopeGrab: 'Grab a red envelope',
  redEnvelopeLeft: (count) => `${count} left`,
  redEnvelopeGot: (amount) => `You got a ${amount} coupon`,
  redEnvelopeGone: 'All envelopes are gone',
  redEnvelopeAlready: 'You already got one',
  redEnvelopeEnded: 'The rain is over',
  countdownLabel: 'Countdown',
  countdownEnded: 'Now!',
  actionFailed: (message) => `That did not work: ${message}`,
  flashSale: 'Flash sale',
  flashSaleStartsIn: (time) => `Starts in ${time}`,
  flashSaleEndsIn: (time) => `Ends in ${time}`,
  flashSaleRemaining: (left, quota) => `${left} of ${quota} left`,
  flashSaleBuy: 'Buy now',
  flashSaleLimit: (count) => `Limit ${count} per person`,
  flashSaleEnded: 'The sale has ended',
  flashSaleSoldOut: 'Sold out',
  flashSaleQueued: 'In line: units go by reaction time…',
  flashSaleWon: 'Got it! Pay soon to keep it',
  reserving: 'Reserving…',
  reservedFor: (time) => `Reserved for ${time}`,
  reservationExpiring: (time) => `Reservation expiring: ${time}`,
  reservationExpired: 'Your reservation expired; the items went back to stock',
  reserveAgain: 'Reserve again',
  payNow: (total) => `Pay ${total}`,
  paying: 'Paying…',
  payingHint: 'Finish paying in the payment window; the stream keeps playing',
  orderPaid: 'Paid',
  awaitingPayment: 'Order placed; waiting for the shop to confirm payment',
  paymentCancelled: 'Payment cancelled; your items are still reserved',
  paymentFailed: 'The payment failed',
  popupBlocked: 'The browser blocked the payment window; allow pop-ups and try again',
  limitReached: 'You reached the purchase limit',
  saleNotStarted: 'The sale has not started yet',
  saleEnded: 'The sale has ended',
  reservationGone: 'Your reservation expired; please order again',
  tryAgain: 'Try again',
  rememberMe: 'Remember my details on this device',
  useSavedProfile: (name) => `Filled in your saved details (${name})`,
  forgetProfile: 'Forget saved details',
  priceBreakdown: 'Price breakdown',
  unitTimesQuantity: (price, quantity) => `${price} × ${quantity}`,
  salePrice: 'Sale price',
  coupon: 'Coupon',
  noCoupon: 'No coupon',
  couponOption: (label, discount) => (label ? `${label} (−${discount})` : `−${discount}`),
  couponDiscount: 'Coupon',
  cartRefused: (reason) => `The shop's cart refused: ${reason}`,
  addToCart: 'Add to cart',
  wasPrice: (price) => `Was ${price}`,
  nowPrice: (price) => `Now ${price}`,
  couponBadge: (text) => `Coupon ${text}`,
  swatchSoldOut: (label) => `${label} (sold out)`,
  productViews: 'Product views',
  viewPhoto: 'Photo',
  view360: '360°',
  view3d: '3D',
  spinLabel: (name) => `${name}, 360° view`,
  spinHint: 'Drag or use the arrow keys to turn; wheel, pinch or + / − to zoom',
  spinAngle: (degrees) => `${degrees} degrees`,
  spinLoading: (loaded, total) => `Loading ${loaded} of ${total}`,
  modelLabel: (name) => `3D model of ${name}`,
  modelLoading: 'Loading the 3D model…',
  modelFailed: 'The 3D model could not be shown',
  viewInRoom: 'View in your room (AR)',
  miniplayer: 'Mini player',
  exitMiniplayer: 'Leave the mini player',
  moveMiniplayer: 'Move the mini player (arrow keys)',
  quality: 'Quality',
  qualityAuto: 'Auto',
};
