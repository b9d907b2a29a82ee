/**
 * The script-tag entry's request for the media of each room player in the page (`GET /api/rooms/<room>/media`),
 * sent the moment the entry runs, beside its imports of hls.js and of the early start: a room player's stream is
 * then known about when hls.js has loaded, instead of one request after the early start's chunk has loaded and run.
 * Only the entry imports this module, so the build keeps it inside the entry (which has no static imports: see
 * script-tag.ts) and it cannot use the core; {@link roomMediaUrl} follows the core's `resolveServerUrl`, and a test
 * keeps the two in agreement.
 */

/**
 * The URL of `room`'s media on `server`, resolved as the core resolves a server path (relative `server` against
 * `base`, its path as a folder, no query or fragment); null for a `server` that is no http(s) URL, which the
 * early start then asks about itself (and fails on, as the player will).
 */
export function roomMediaUrl(server: string, room: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(server, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return new URL(`api/rooms/${encodeURIComponent(room)}/media`, url).href;
}

/**
 * Requests the media of every autoplaying `<live-shop-player>` in `page` that names a room and no `src` and is not
 * defined yet (the players the early start will start from their room), by player. Each failure is left to the
 * early start that reads it (a request nobody reads is not reported: its player was started another way).
 */
export function requestRoomMedia(page: Document): Map<Element, Promise<Response>> {
  const requests = new Map<Element, Promise<Response>>();
  if (customElements.get('live-shop-player')) return requests;
  for (const player of page.querySelectorAll('live-shop-player')) {
    const server = player.getAttribute('server');
    const room = player.getAttribute('room');
    if (player.getAttribute('autoplay') === 'false' || player.getAttribute('src') || player.shadowRoot || !server || !room) continue;
    const url = roomMediaUrl(server, room, page.baseURI);
    if (url === null) continue;
    const request = fetch(url, { credentials: 'omit' });
    request.catch(() => undefined);
    requests.set(player, request);
  }
  return requests;
}
