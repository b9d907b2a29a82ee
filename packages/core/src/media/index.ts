/**
 * The media part of the core alone (`@live-shop/core/media`): playing a stream into a `<video>` without the room's
 * client, stores or protocol. The script-tag entry starts a page's streams with it before the rest of the bundle
 * has even loaded (elements' player/early-start.ts); everything here is also exported by `@live-shop/core`.
 * @packageDocumentation
 */
export { MediaController, type MediaControllerOptions } from './controller.js';
export { preloadMediaCode } from './preload.js';
export { resolveServerUrl } from '../signaling/url.js';
export type { MediaFallback, MediaQuality, MediaQualityState, MediaSourceConfig, MediaState, TransportKind } from './types.js';
