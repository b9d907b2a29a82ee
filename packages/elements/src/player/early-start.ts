/**
 * Early start: the script-tag entry plays the stream of every autoplaying `<live-shop-player>` written in the
 * page before the elements' code (lit, the core's client, the elements) has loaded, so the picture needs no more
 * of the page's main thread than a bare hls.js page does. It gives such a player the shadow root the player would
 * make (with the player's box and video styles, so nothing moves when it upgrades), puts the player's `<video>` in
 * it and starts a {@link MediaController} on it; the player claims both when it connects ({@link claimEarlyStart})
 * and carries on with them as if it had started them itself. It imports the core's media part alone (`@live-shop/core/media`).
 *
 * A player the page names a stream for (`src`) starts at once; a player of a room asks the server where the room's
 * video comes from (`GET /api/rooms/<room>/media`, no socket, no token) and starts that (WebRTC first when the host is
 * live, as the player would). The room's snapshot and events stay what the player follows once it has its client.
 */
import { MediaController, resolveServerUrl, type MediaSourceConfig } from '@live-shop/core/media';
import { playerFrameStyles } from './frame.styles.js';
import { MEDIA_FIRST_MAX_MS } from './media-first.js';

/** A stream started for a player before it was defined. */
export interface EarlyStart {
  /** The player's `<video>`, already in its shadow root. */
  readonly video: HTMLVideoElement;
  /**
   * Playing (or trying to play) `sources` into `video`; null when nothing was started (a room without a stream,
   * or its media not known yet when the player connected): the player then plays into `video` itself.
   */
  media: MediaController | null;
  /** What `media` plays, resolved as the player resolves them (so the player sees it already plays what it would). */
  sources: readonly MediaSourceConfig[];
}

const started = new Map<Element, EarlyStart & { readonly abort: AbortController }>();

/** The key the player compares sources by (null when there are none): what it plays, in order. */
export function sourcesKey(sources: readonly MediaSourceConfig[]): string | null {
  return sources.map((source) => source.url).join(' ') || null;
}

/** The longest a room's media answer is waited for: past it, the player learns the stream from its snapshot. */
const ROOM_MEDIA_TIMEOUT_MS = 3_000;

/**
 * Where `room`'s video comes from now, as the player's sources (WHEP first, then HLS), from the server's
 * `/api/rooms/<room>/media` (`requested`: the script-tag entry's request for it, when it sent one); empty when the
 * room has no stream or the answer is not what it should be.
 */
async function roomSources(server: string, room: string, signal: AbortSignal, requested?: Promise<Response>): Promise<MediaSourceConfig[]> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ROOM_MEDIA_TIMEOUT_MS);
  const abort = (): void => timeout.abort();
  signal.addEventListener('abort', abort, { once: true });
  // The entry's request cannot be aborted from here: stop waiting for it instead.
  const given = new Promise<never>((_resolve, reject) => {
    timeout.signal.addEventListener('abort', () => reject(new Error('room media: no answer in time, or not needed any more')), { once: true });
  });
  let media: unknown;
  try {
    const response = await Promise.race([
      requested ?? fetch(resolveServerUrl(server, `/api/rooms/${encodeURIComponent(room)}/media`), { credentials: 'omit', signal: timeout.signal }),
      given,
    ]);
    if (!response.ok) return [];
    media = await Promise.race([response.json(), given]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
  const field = (name: 'whep' | 'hls'): string | null => {
    const value = typeof media === 'object' && media !== null ? (media as Record<string, unknown>)[name] : null;
    return typeof value === 'string' && value.length > 0 && value.length <= 2048 ? resolveServerUrl(server, value) : null;
  };
  const whep = field('whep');
  const hls = field('hls');
  return [...(whep ? [{ type: 'whep' as const, url: whep }] : []), ...(hls ? [{ type: 'hls' as const, url: hls }] : [])];
}

/** `src` resolved as the player resolves it before it has a client: against `server` when there is one. */
export function resolvePlayerSrc(server: string, src: string): string {
  return server ? resolveServerUrl(server, src) : src;
}

/** The player's `<video>` with the attributes that never change (the player keeps the others in step). */
export function createPlayerVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.setAttribute('part', 'video');
  // Focusable, for the keyboard shortcuts.
  video.tabIndex = 0;
  video.playsInline = true;
  return video;
}

/** The player's `autoplay` and `muted` attributes: on unless `"false"` (as its property converter reads them). */
const onUnlessFalse = (player: Element, name: string): boolean => player.getAttribute(name) !== 'false';

/**
 * Starts `player`'s stream if it is an autoplaying `<live-shop-player>` that is not defined yet and has no shadow
 * root, and names its stream (`src`) or its room (`server` and `room`); resolves once its first frame is shown or it
 * gave up (see {@link MediaController.play}). Returns null (and touches nothing) for any other element. `roomMedia`:
 * the script-tag entry's request for the room's media (player/room-media-request.ts), read instead of asking again.
 */
export function startEarly(player: Element, roomMedia?: Promise<Response>): Promise<void> | null {
  const src = player.getAttribute('src');
  const server = player.getAttribute('server') ?? '';
  const room = player.getAttribute('room');
  if (!onUnlessFalse(player, 'autoplay') || player.shadowRoot || customElements.get(player.localName)) return null;
  if (!src && !(server && room)) return null;
  let sources: MediaSourceConfig[] | null = null;
  try {
    if (src) sources = [{ type: 'hls', url: resolvePlayerSrc(server, src) }];
    else resolveServerUrl(server, '/');
  } catch {
    // A bad `server`: the player reports it in its status banner once it is defined.
    return null;
  }
  // The options LitElement attaches with (open, nothing else): the player adopts this root when it connects. Its box
  // and video styles only: the page lays out and draws the video without parsing the rest of the player's styles.
  const root = player.attachShadow({ mode: 'open' });
  const frameSheet = playerFrameStyles.styleSheet;
  if (frameSheet) root.adoptedStyleSheets = [frameSheet];
  const video = createPlayerVideo();
  video.autoplay = true;
  video.muted = onUnlessFalse(player, 'muted');
  root.append(video);
  const early = { video, media: null as MediaController | null, sources: [] as readonly MediaSourceConfig[], abort: new AbortController() };
  started.set(player, early);
  const play = (found: MediaSourceConfig[]): Promise<void> => {
    // Claimed (the player connected first: it plays the room's stream itself) or stopped meanwhile.
    if (started.get(player) !== early || found.length === 0) return Promise.resolve();
    early.media = new MediaController(video);
    early.sources = found;
    return early.media.play(found);
  };
  if (sources) return play(sources);
  // Not reported here: the player connects to the room and shows what goes wrong there.
  return roomSources(server, room ?? '', early.abort.signal, roomMedia).then(play, () => undefined);
}

/**
 * Starts every early-startable player under `root` ({@link startEarly}); resolves when each has shown its first
 * frame or given up, or after {@link MEDIA_FIRST_MAX_MS}, whichever comes first (at once when none started).
 * `roomMedia`: the room media requests the script-tag entry already sent, by player.
 */
export function startPlayersEarly(root: ParentNode, roomMedia?: ReadonlyMap<Element, Promise<Response>>): Promise<void> {
  const playing = [...root.querySelectorAll('live-shop-player')].map((player) => startEarly(player, roomMedia?.get(player))).filter((play) => play !== null);
  if (playing.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MEDIA_FIRST_MAX_MS);
    void Promise.all(playing).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Hands `player` the stream started for it (or the video a room's answer has not filled yet), once; else null. */
export function claimEarlyStart(player: Element): EarlyStart | null {
  const early = started.get(player);
  if (!early) return null;
  started.delete(player);
  // A room's media still on its way: the player's own client will say what to play.
  early.abort.abort();
  return early;
}

/**
 * Stops the streams no player claimed (their players left the page before the elements were defined): the
 * video leaves the shadow root, which a player put back later renders into as usual.
 */
export function stopUnclaimedEarlyStarts(): void {
  for (const [player, early] of started) {
    if (player.isConnected) continue;
    early.abort.abort();
    early.media?.stop();
    early.video.remove();
    started.delete(player);
  }
}
