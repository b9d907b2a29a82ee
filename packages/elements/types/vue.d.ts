/**
 * `<live-shop-*>` and `<product-card>` as Vue global components, so `vue-tsc` and Volar check their props
 * and events in templates. Import once, for its types only (and tell Vue they are custom elements:
 * `compilerOptions.isCustomElement: (tag) => tag.startsWith('live-shop-') || tag === 'product-card'`):
 *
 * ```ts
 * import type {} from '@live-shop/elements/vue';
 * ```
 *
 * Objects bind as properties with `.prop` (`:product.prop="product"`); events listen with
 * `@live-shop-add-to-cart="(e) => e.detail.variantId"`.
 */
import type { DefineComponent } from 'vue';
import type { LiveShopElementEvents, LiveShopElementProps } from './elements.js';

/** `kebab-case` to `PascalCase`, the way Vue names the listener prop of an event (`onLiveShopAddToCart`). */
export type LiveShopPascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${LiveShopPascalCase<Tail>}`
  : Capitalize<S>;

/** Vue listener props (`onLiveShopAddToCart`) for the events of `Events`. */
export type LiveShopVueEventProps<Events> = {
  [K in keyof Events as `on${LiveShopPascalCase<K & string>}`]?: (event: Events[K]) => void;
};

/** The Vue component type of each element. */
export type LiveShopVueComponents = {
  [K in keyof LiveShopElementProps]: DefineComponent<LiveShopElementProps[K] & LiveShopVueEventProps<LiveShopElementEvents[K]>>;
};

declare module 'vue' {
  interface GlobalComponents extends LiveShopVueComponents {}
}
