// React 19 (automatic runtime): the elements in React.JSX with React's own attributes and refs.
import type {} from '@live-shop/elements/react';
import type { LiveShopPlayer, ProductCard } from '@live-shop/elements';
import type { RefObject } from 'react';

declare const ref: RefObject<LiveShopPlayer>;
declare const cardRef: RefObject<ProductCard>;

export const player = <live-shop-player ref={ref} className="stream" server="https://live.example.com" room="demo" layout="vertical" />;
export const card = (
  <product-card
    ref={cardRef}
    layout="compact"
    stock={3}
    onlive-shop-product-buy={(event) => event.detail.productId.toUpperCase()}
    onClick={(event) => event.currentTarget.focus()}
  />
);
export const plain = <div className="ok" />;

// @ts-expect-error: a player ref cannot hold a product card
export const badRef = <product-card ref={ref} />;
// @ts-expect-error: stock is a number (or null)
export const badStock = <product-card stock="many" />;
