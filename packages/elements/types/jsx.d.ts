/**
 * `<live-shop-*>` and `<product-card>` in the global `JSX` namespace (Preact, Solid, Stencil, and React
 * before 19). Import once, for its types only:
 *
 * ```ts
 * import type {} from '@live-shop/elements/jsx';
 * ```
 *
 * Events are `on<event-name>` props, as Preact and React 19 pass them to custom elements
 * (`onlive-shop-add-to-cart={(e) => e.detail.variantId}`). React 19: use `@live-shop/elements/react`.
 */
import type { LiveShopElementEvents, LiveShopElementProps } from './elements.js';

/** Attributes every HTML element takes, as JSX templates spell them. */
export interface LiveShopCommonProps {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  part?: string;
  style?: string | Partial<CSSStyleDeclaration>;
  hidden?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  title?: string;
  tabIndex?: number;
  children?: unknown;
  key?: string | number;
  ref?: unknown;
}

/** `on<event-name>` listener props for the events of `Events`. */
export type LiveShopEventProps<Events> = {
  [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void;
};

/** The JSX props of each element. */
export type LiveShopIntrinsicElements = {
  [K in keyof LiveShopElementProps]: LiveShopElementProps[K] & LiveShopEventProps<LiveShopElementEvents[K]> & LiveShopCommonProps;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends LiveShopIntrinsicElements {}
  }
}
