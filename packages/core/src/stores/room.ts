import { atom, batch, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ChatMessage, FlashSale, Pin, Product, RoomEvent, RoomInfo, Stock, Welcome } from '@live-shop/protocol';
import { appendBounded, createChatStore } from './chat.js';
import { applyFlashSale, createFlashSaleStore } from './flash-sale.js';
import { createPinnedProductStore, createPinnedStore } from './pinned.js';
import { createProductsStore } from './products.js';
import { createStockStore, setAvailable } from './stock.js';
import { createViewerStore, type Viewer } from './viewer.js';
import { applyModerationEvent, applyModerationSnapshot, createModerationStores, type ModerationStores } from './moderation.js';
import { applyEngagementEvent, applyEngagementSnapshot, createEngagementStores, type EngagementStores } from './engagement.js';

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
  $flashSale: WritableAtom<FlashSale | null>;
  /** Poll, lottery, red envelopes, countdown, coupons (stores/engagement.ts). */
  engagement: EngagementStores;
  /** Pinned host message and Q&A (stores/moderation.ts). */
  moderation: ModerationStores;
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
    $flashSale: createFlashSaleStore(),
    engagement: createEngagementStores(),
    moderation: createModerationStores(),
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
    stores.$flashSale.set(snapshot.flashSale ?? null);
    applyEngagementSnapshot(stores.engagement, snapshot);
    applyModerationSnapshot(stores.moderation, snapshot);
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
    case 'room.media': {
      // The room's WebRTC source came or went: players follow `$room.whep`.
      const room = stores.$room.get();
      if (room) {
        const { whep: _previous, ...rest } = room;
        const hls = event.hls ?? rest.hls;
        stores.$room.set(event.whep === null ? { ...rest, hls } : { ...rest, hls, whep: event.whep });
      }
      break;
    }
    case 'flashsale.changed':
      applyFlashSale(stores.$flashSale, event.sale);
      break;
    case 'chat.deleted':
    case 'chat.banned':
    case 'chat.message-pinned':
    case 'chat.message-unpinned':
    case 'question.asked':
    case 'question.answered':
    case 'question.pinned':
    case 'question.unpinned':
      applyModerationEvent(stores.moderation, stores.$chat, event);
      break;
    default:
      // Poll, lottery, red-envelope, coupon and countdown events (the function ignores any other).
      applyEngagementEvent(stores.engagement, event);
      break;
  }
}
