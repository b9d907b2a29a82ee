/** @jsx h */
// Preact-style global JSX: the elements, their properties, attributes and typed events.
import type {} from '@live-shop/elements/jsx';
import type { AddToCartDetail } from '@live-shop/elements';
import type { Product } from '@live-shop/protocol';

declare function h(tag: string, props: unknown, ...children: unknown[]): unknown;
declare const product: Product;

export const player = <live-shop-player server="https://live.example.com" room="demo" layout="side" theme="dark" miniplayer lang="en" />;
export const card = (
  <product-card
    product={product}
    layout="full"
    coupon="¥50"
    low-stock="5"
    variantStock={{ [product.variants[0]!.id]: 3 }}
    onlive-shop-add-to-cart={(event) => {
      const detail: AddToCartDetail = event.detail;
      return detail.quantity;
    }}
  />
);
export const spin = <live-shop-viewer-360 frames={['a.svg', 'b.svg']} zoom={2} label="Teapot" />;
export const model = <live-shop-model-3d src="/cup.glb" ios-src="/cup.usdz" />;

// @ts-expect-error: `layout` is 'overlay' | 'side' | 'vertical'
export const badLayout = <live-shop-player layout="wide" />;
// @ts-expect-error: `product` is a Product, not a string
export const badProduct = <product-card product="coat" />;
// @ts-expect-error: the add-to-cart detail has no `sku`
export const badEvent = <product-card onlive-shop-add-to-cart={(event) => event.detail.sku} />;
// @ts-expect-error: no such element
export const unknownTag = <live-shop-nothing />;
