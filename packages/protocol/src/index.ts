/**
 * The live-shop wire protocol: JSON text frames `{ "t": type, ... }` with runtime validation,
 * shared by `@live-shop/core` and `@live-shop/server`.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './limits.js';
export * from './model.js';
export * from './order.js';
export * from './hello.js';
export * from './join-check.js';
export * from './client-frames.js';
export * from './server-frames.js';
export * from './media-frames.js';
export * from './commerce-frames.js';
export * from './commerce-events.js';
export * from './engagement-frames.js';
export * from './engagement-commands.js';
export * from './moderation-frames.js';
export * from './moderation-commands.js';
export * from './parse.js';
export * from './money.js';
export * from './merchant.js';
