/**
 * `<live-shop-*>` and `<product-card>` in React 19's `JSX` (React.JSX.IntrinsicElements), with React's own
 * HTML attributes and `ref`. Import once, for its types only:
 *
 * ```ts
 * import type {} from '@live-shop/elements/react';
 * ```
 *
 * React 19 sets known properties (objects too: `product={product}`) and listens to custom events through
 * `on<event-name>` props: `onlive-shop-add-to-cart={(e) => e.detail.variantId}`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LiveShopElementEvents, LiveShopElementProps } from './elements.js';
import type { LiveShopEventProps } from './jsx.js';

/** The React props of each element. */
export type LiveShopReactElements = {
  [K in keyof LiveShopElementProps]: LiveShopElementProps[K] &
    LiveShopEventProps<LiveShopElementEvents[K]> &
    DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[K]>, HTMLElementTagNameMap[K]>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends LiveShopReactElements {}
  }
}
