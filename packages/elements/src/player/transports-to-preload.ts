import type { MediaSourceConfig } from '@live-shop/core';

/**
 * The transports an autoplaying player may start with: the room's WebRTC (WHEP) or its HLS, or only HLS when the
 * page names the stream with `src` (which the player plays instead of the room's).
 */
export function transportsToPreload(src: string | null): MediaSourceConfig['type'][] {
  return src ? ['hls'] : ['whep', 'hls'];
}
