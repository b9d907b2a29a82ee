import { ClientFrameSchema, FlashSaleSchema, OrderRequestSchema, validate, type ClientFrame, type FlashSale, type OrderRequest, type Parsed } from '@live-shop/protocol';

export { parseOrder, parseServerFrame } from '@live-shop/protocol';

// What a client needs only once it talks to the room, in one module that loadDeferred() (deferred-loader.ts) imports
// when the client connects: the reading of every frame the server sends (the protocol's schemas: the connection
// holds what arrives before this module does), the checks of what it sends (against the protocol's schemas of every command and of a
// buyer's input), the reading of the orders the server answers, the checkout's steps and the engagement actions. None of it is needed to draw the page or start
// the video, so the script-tag bundle leaves it out of its initial download and fetches it while the socket opens.

export { reserveFlow, confirmFlow, placeFlow } from '../commerce/checkout-flow.js';
export { EngagementEngine } from '../engagement/engine.js';

/** Checks an outgoing command (with its id) against the schema of every client frame. */
export function checkCommand(frame: unknown): Parsed<ClientFrame> {
  return validate(ClientFrameSchema, frame);
}

/** Checks a buyer's order (variant, quantity, customer, idempotency key) before `order.place` is built. */
export function checkOrderRequest(request: unknown): Parsed<OrderRequest> {
  return validate(OrderRequestSchema, request);
}

/** Reads the flash sale a host's `flashsale.start` / `flashsale.stop` ack carries. */
export function parseFlashSale(data: unknown): Parsed<FlashSale> {
  return validate(FlashSaleSchema, data);
}
