import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type PipToggleDetail } from '../events.js';

/**
 * Below this player width the checkout sheet is a bottom sheet (up to `--live-shop-sheet-max-height`, 85% by
 * default) that hides most of the video; from it up, a side sheet beside a still visible picture. Keep it equal
 * to the container query of live-shop-player.styles.ts.
 */
export const SIDE_SHEET_MIN_WIDTH = 600;

/** `HTMLMediaElement.HAVE_METADATA`: before it, the browser refuses picture-in-picture (`InvalidStateError`). */
const HAVE_METADATA = 1;

/**
 * Keeps the stream in sight while the checkout sheet covers a small player: puts the playing video in
 * picture-in-picture when the buyer's tap opens the sheet, and takes it out when the sheet closes — only if it
 * was this controller that put it there (a viewer who chose picture-in-picture with the button keeps it; one who
 * left it by hand is not pulled back).
 *
 * Every outcome is a `live-shop-pip-toggle` event from the host: entered, left, or refused by the browser (no
 * picture-in-picture in an iframe without `allow="picture-in-picture"`, no user activation, …), which never throws
 * into the tap that opened the sheet. {@link lastRefusal} keeps the latest refusal for tests and debugging.
 */
export class SheetPictureInPicture implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #video: () => HTMLVideoElement | null;
  readonly #enabled: () => boolean;
  /** The video this controller put in picture-in-picture, until it leaves. */
  #entered: HTMLVideoElement | null = null;
  #lastRefusal: PipToggleDetail['error'] = null;

  /**
   * @param host - the player (events come from it).
   * @param video - its `<video>`.
   * @param enabled - false while the page turned it off (`no-auto-pip`).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, video: () => HTMLVideoElement | null, enabled: () => boolean) {
    this.#host = host;
    this.#video = video;
    this.#enabled = enabled;
    host.addController(this);
  }

  /** The browser's latest refusal of picture-in-picture for the sheet, or null. */
  get lastRefusal(): PipToggleDetail['error'] {
    return this.#lastRefusal;
  }

  /**
   * The sheet just opened. Acts only while the tap that opened it still counts as a user activation (the browser
   * allows picture-in-picture only then; a sheet opened by page code gets none). Does nothing on a player wide
   * enough for the side sheet, with a paused or unloaded video, where the browser has no picture-in-picture, or
   * when a video is in it already.
   */
  sheetOpening(): void {
    const video = this.#video();
    if (!video || !this.#enabled() || typeof document === 'undefined' || document.pictureInPictureEnabled !== true) return;
    // Where the browser says (Chromium, Safari 16.4+, Firefox 131+); elsewhere it is asked and may refuse.
    if (typeof navigator !== 'undefined' && navigator.userActivation && !navigator.userActivation.isActive) return;
    if (video.disablePictureInPicture || video.paused || video.readyState < HAVE_METADATA) return;
    if (document.pictureInPictureElement !== null) return;
    if (this.#host.getBoundingClientRect().width >= SIDE_SHEET_MIN_WIDTH) return;
    let request: Promise<PictureInPictureWindow>;
    try {
      request = video.requestPictureInPicture();
    } catch (error) {
      // Some engines throw instead of rejecting: the same refusal.
      this.#refused(error);
      return;
    }
    request.then(
      () => {
        this.#entered = video;
        video.addEventListener('leavepictureinpicture', this.#onLeave, { once: true });
        this.#lastRefusal = null;
        emit(this.#host, 'live-shop-pip-toggle', { active: true, cause: 'checkout-sheet', error: null });
      },
      (error: unknown) => this.#refused(error),
    );
  }

  /** The sheet closed: leaves picture-in-picture if this controller entered it and the video is still there. */
  sheetClosed(): void {
    const video = this.#entered;
    if (!video) return;
    this.#entered = null;
    video.removeEventListener('leavepictureinpicture', this.#onLeave);
    // The shadow root sees the video itself (the document sees only the player, by retargeting).
    if (this.#host.shadowRoot?.pictureInPictureElement !== video) return;
    document.exitPictureInPicture().then(
      () => emit(this.#host, 'live-shop-pip-toggle', { active: false, cause: 'checkout-sheet', error: null }),
      (error: unknown) => this.#refused(error),
    );
  }

  /** @internal */
  hostConnected(): void {}

  /** @internal */
  hostDisconnected(): void {
    // The video leaves with the player; the browser closes its picture-in-picture window by itself.
    this.#entered?.removeEventListener('leavepictureinpicture', this.#onLeave);
    this.#entered = null;
  }

  /** The viewer (or the browser) closed the window: it is not this controller's to close any more. */
  readonly #onLeave = (): void => {
    this.#entered = null;
  };

  #refused(error: unknown): void {
    const refusal = error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
    this.#lastRefusal = refusal;
    emit(this.#host, 'live-shop-pip-toggle', { active: false, cause: 'checkout-sheet', error: refusal });
  }
}
