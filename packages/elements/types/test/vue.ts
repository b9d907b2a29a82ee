// Vue: the elements as global components, with props and `onLiveShop…` listener props.
import type {} from '@live-shop/elements/vue';
import { propsOf } from 'vue';

const card = propsOf('product-card');
export const layout: 'compact' | 'full' | undefined = card.layout;
export const onAdd = card.onLiveShopAddToCart?.(new CustomEvent('live-shop-add-to-cart', { detail: { productId: 'p', variantId: 'v', quantity: 1 } }));
const player = propsOf('live-shop-player');
export const onToggle: ((event: CustomEvent<{ miniplayer: boolean }>) => void) | undefined = player.onLiveShopMiniplayerToggle;

// @ts-expect-error: no such element
propsOf('live-shop-nothing');
// @ts-expect-error: the player has no `coupon`
export const noCoupon = player.coupon;
