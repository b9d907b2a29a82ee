import type { Messages } from '../i18n/messages.js';
import { orderErrorsEn, orderErrorsZhCN, type OrderErrorMessages } from '../i18n/order-errors.js';

/**
 * What the checkout sheet says, per language: loaded with its chunk, not with the script-tag entry. The sheet
 * joins it with the shared table (i18n/messages.ts: close, sold out, option, paid) through `featureMessagesOf`.
 */
export interface CheckoutMessages extends OrderErrorMessages {
  readonly checkoutTitle: string;
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
  readonly orderPlaced: string;
  readonly orderId: string;
  readonly total: string;
  readonly backToStream: string;
  /** Submit label after a failure: the same order again, with the same idempotency key. */
  readonly retryOrder: (total: string) => string;
  /** Shown in the sheet when every variant of the product is sold out. */
  readonly soldOutNotice: string;
  readonly reserving: string;
  readonly reservedFor: (time: string) => string;
  readonly reservationExpiring: (time: string) => string;
  readonly reservationExpired: string;
  readonly reserveAgain: string;
  readonly payNow: (total: string) => string;
  readonly paying: string;
  readonly payingHint: string;
  readonly awaitingPayment: string;
  readonly paymentCancelled: string;
  readonly paymentFailed: string;
  readonly popupBlocked: string;
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
  /** The server refused the coupon chosen (`coupon_invalid`: expired, used by another order, below its minimum…). */
  readonly couponInvalid: string;
  readonly cartRefused: (reason: string) => string;
}

/** Simplified Chinese. */
export const zhCN: CheckoutMessages = {
  ...orderErrorsZhCN,
  checkoutTitle: '快速下单',
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
  orderPlaced: '下单成功',
  orderId: '订单号',
  total: '合计',
  backToStream: '返回直播',
  retryOrder: (total) => `重试提交 ${total}`,
  soldOutNotice: '这件商品已经全部售罄了。',
  reserving: '正在为你锁定库存…',
  reservedFor: (time) => `已为你保留 ${time}`,
  reservationExpiring: (time) => `保留即将到期：${time}`,
  reservationExpired: '保留已过期，商品已放回库存',
  reserveAgain: '重新保留',
  payNow: (total) => `去支付 ${total}`,
  paying: '正在支付…',
  payingHint: '请在支付页面完成付款，直播不会中断',
  awaitingPayment: '订单已提交，等待商家确认付款',
  paymentCancelled: '支付已取消，商品仍为你保留',
  paymentFailed: '支付失败',
  popupBlocked: '浏览器拦截了支付窗口，请允许弹出窗口后重试',
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
  couponInvalid: '这张优惠券不能用于本订单，请换一张或不使用优惠券',
  cartRefused: (reason) => `商家购物车拒绝了：${reason}`,
};

/** English. */
export const en: CheckoutMessages = {
  ...orderErrorsEn,
  checkoutTitle: 'Quick checkout',
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
  orderPlaced: 'Order placed',
  orderId: 'Order number',
  total: 'Total',
  backToStream: 'Back to the stream',
  retryOrder: (total) => `Try again · ${total}`,
  soldOutNotice: 'Every option of this product is sold out.',
  reserving: 'Reserving…',
  reservedFor: (time) => `Reserved for ${time}`,
  reservationExpiring: (time) => `Reservation expiring: ${time}`,
  reservationExpired: 'Your reservation expired; the items went back to stock',
  reserveAgain: 'Reserve again',
  payNow: (total) => `Pay ${total}`,
  paying: 'Paying…',
  payingHint: 'Finish paying in the payment window; the stream keeps playing',
  awaitingPayment: 'Order placed; waiting for the shop to confirm payment',
  paymentCancelled: 'Payment cancelled; your items are still reserved',
  paymentFailed: 'The payment failed',
  popupBlocked: 'The browser blocked the payment window; allow pop-ups and try again',
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
  couponInvalid: 'This coupon cannot be used on this order; choose another or pay without one',
  cartRefused: (reason) => `The shop's cart refused: ${reason}`,
};

/** Everything the sheet says: the shared table and its own. */
export type CheckoutText = Messages & CheckoutMessages;
