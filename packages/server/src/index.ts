/**
 * The live-shop room server: HTTP API, static files, synthetic live HLS and WebSocket signaling on one
 * port, with catalogue, stock, orders and the room event log in SQLite.
 *
 * @packageDocumentation
 */
export { createServer, type LiveShopServer } from './server.js';
export { DEFAULTS, type ServerOptions } from './config.js';
export { LiveShopServerError, HTTP_STATUS } from './errors.js';
export { createStderrLogger, type Logger, type LogFields } from './logger.js';
export { signToken, verifyToken, loadOrCreateSecret, TOKEN_AUDIENCE, type TokenClaims } from './auth/tokens.js';
export type { Store, RoomSeed } from './store/store.js';
export type { CommerceStore, NewOrder, ReserveResult, TransitionResult, OrderActor, Inventory } from './store/commerce.js';
export { openSqliteStore } from './store/sqlite/sqlite-store.js';
export type { Bus, RoomEventListener } from './bus/bus.js';
export { createMemoryBus } from './bus/memory.js';
export type { Actor, DomainContext } from './rooms/context.js';
export { RoomLog, type EventBuilder } from './rooms/room-log.js';
export { postChat } from './rooms/chat.js';
export { pinProduct, unpinProduct } from './rooms/pins.js';
export { getSnapshot } from './rooms/snapshot.js';
export { placeOrder, reserveOrder, checkoutOrder, cancelOrder, fulfilOrder, refundOrder, orderFingerprint } from './commerce/orders.js';
export { startFlashSale, stopFlashSale } from './commerce/flash-sale.js';
export { ORDER_TRANSITIONS, canTransition, IllegalTransitionError } from './commerce/order-state.js';
export { seed, type SeedName } from './demo/seed.js';
export { DEMO_ROOM, DEMO_PRODUCTS, DEMO_STOCK } from './catalog/demo-products.js';
export type { ServerPaths } from './paths.js';
