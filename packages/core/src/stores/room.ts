import { atom, batch, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ChatMessage, Pin, Product, RoomEvent, RoomInfo, Stock, Welcome } from '@live-shop/protocol';
import { appendBounded, createChatStore } from './chat.js';
import { createPinnedProductStore, createPinnedStore } from './pinned.js';
import { createProductsStore } from './products.js';
import { createStockStore, setAvailable } from './stock.js';
import { createViewerStore, type Viewer } from './viewer.js';

/** Creates the `$room` store of one client: the room's info, `null` until the first `welcome`. */
export function createRoomInfoStore(): WritableAtom<RoomInfo | null> {
  return atom<RoomInfo | null>(null);
}

/** The stores that mirror one room, all owned by one client. */
export interface RoomStores {
  $room: WritableAtom<RoomInfo | null>;
  $products: WritableAtom<readonly Product[]>;
  $stock: WritableAtom<Stock>;
  $pinned: WritableAtom<Pin | null>;
  $pinnedProduct: ReadableAtom<Product | null>;
  $chat: WritableAtom<readonly ChatMessage[]>;
  $viewer: WritableAtom<Viewer | null>;
}

/** Creates a fresh set of room stores (per client: two players on one page share nothing). */
export function createRoomStores(): RoomStores {
  const $pinned = createPinnedStore();
  const $products = createProductsStore();
  return {
    $room: createRoomInfoStore(),
    $products,
    $stock: createStockStore(),
    $pinned,
    $pinnedProduct: createPinnedProductStore($pinned, $products),
    $chat: createChatStore(),
    $viewer: createViewerStore(),
  };
}

/**
 * Applies a `welcome`. With a snapshot (`recovered: false`) everything is replaced, not merged: the snapshot
 * is the truth, and anything missed while away is in it. A resumed welcome (`recovered: true`) keeps the
 * state: the events missed follow it and are applied one by one.
 */
export function applyWelcome(stores: RoomStores, welcome: Welcome): void {
  if (welcome.recovered) {
    stores.$viewer.set({ role: welcome.role, name: welcome.name });
    return;
  }
  const { snapshot } = welcome;
  batch(() => {
    stores.$room.set(snapshot.room);
    stores.$products.set(snapshot.products);
    stores.$stock.set(snapshot.stock);
    stores.$pinned.set(snapshot.pinned);
    stores.$chat.set(appendBounded([], snapshot.chat));
    stores.$viewer.set({ role: welcome.role, name: welcome.name });
  });
}

/** Applies one room event (already de-duplicated by sequence number) to the stores. */
export function applyRoomEvent(stores: RoomStores, event: RoomEvent): void {
  switch (event.t) {
    case 'chat.message':
      stores.$chat.set(appendBounded(stores.$chat.get(), [event.message]));
      break;
    case 'product.pinned':
      stores.$pinned.set(event.pin);
      break;
    case 'product.unpinned':
      stores.$pinned.set(null);
      break;
    case 'stock.changed':
      setAvailable(stores.$stock, event.variantId, event.available);
      break;
  }
}
