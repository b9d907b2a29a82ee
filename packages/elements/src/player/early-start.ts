/**
 * Early start: the script-tag entry plays the stream of every autoplaying `<live-shop-player src>` written in the
 * page before the elements' code (lit, the core's client, the elements) has loaded, so the picture needs no more
 * of the page's main thread than a bare hls.js page does. It gives such a player the shadow root the player would
 * make (with the player's styles, so nothing moves when it upgrades), puts the player's `<video>` in it and starts a
 * {@link MediaController} on it; the player claims both when it connects ({@link claimEarlyStart}) and carries on
 * with them as if it had started them itself. It imports the core's media part alone (`@live-shop/core/media`).
 *
 * Only players the page names a stream for (`src`) start early: without it the stream comes from the room's
 * snapshot, which needs the client.
 */
import { MediaController, resolveServerUrl } from '@live-shop/core/media';
import { playerStyles } from './live-shop-player.styles.js';
import { MEDIA_FIRST_MAX_MS } from './media-first.js';

/** A stream started for a player before it was defined. */
export interface EarlyStart {
  /** The player's `<video>`, already in its shadow root. */
  readonly video: HTMLVideoElement;
  /** Playing (or trying to play) `url` into `video`. */
  readonly media: MediaController;
  /** The stream's URL as the player resolves its `src` (so the player sees it already plays what it would). */
  readonly url: string;
}

const started = new Map<Element, EarlyStart>();

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
 * Starts `player`'s stream if it is an autoplaying `<live-shop-player src>` that is not defined yet and has no
 * shadow root; resolves once its first frame is shown or it gave up (see {@link MediaController.play}).
 * Returns null (and touches nothing) for any other element.
 */
export function startEarly(player: Element): Promise<void> | null {
  const src = player.getAttribute('src');
  if (!src || !onUnlessFalse(player, 'autoplay') || player.shadowRoot || customElements.get(player.localName)) return null;
  let url: string;
  try {
    url = resolvePlayerSrc(player.getAttribute('server') ?? '', src);
  } catch {
    // A bad `server`: the player reports it in its status banner once it is defined.
    return null;
  }
  // The options LitElement attaches with (open, nothing else): the player adopts this root when it connects.
  const root = player.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = playerStyles.map((style) => style.styleSheet).filter((sheet) => sheet !== undefined);
  const video = createPlayerVideo();
  video.autoplay = true;
  video.muted = onUnlessFalse(player, 'muted');
  root.append(video);
  const media = new MediaController(video);
  started.set(player, { video, media, url });
  return media.play([{ type: 'hls', url }]);
}

/**
 * Starts every early-startable player under `root` ({@link startEarly}); resolves when each has shown its first
 * frame or given up, or after {@link MEDIA_FIRST_MAX_MS}, whichever comes first (at once when none started).
 */
export function startPlayersEarly(root: ParentNode): Promise<void> {
  const playing = [...root.querySelectorAll('live-shop-player')].map(startEarly).filter((play) => play !== null);
  if (playing.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MEDIA_FIRST_MAX_MS);
    void Promise.all(playing).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Hands `player` the stream started for it, once (null when none was). */
export function claimEarlyStart(player: Element): EarlyStart | null {
  const early = started.get(player) ?? null;
  started.delete(player);
  return early;
}

/**
 * Stops the streams no player claimed (their players left the page before the elements were defined): the
 * video leaves the shadow root, which a player put back later renders into as usual.
 */
export function stopUnclaimedEarlyStarts(): void {
  for (const [player, { video, media }] of started) {
    if (player.isConnected) continue;
    media.stop();
    video.remove();
    started.delete(player);
  }
}
