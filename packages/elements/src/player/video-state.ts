import type { ReactiveController, ReactiveControllerHost } from 'lit';

const VIDEO_EVENTS = ['play', 'pause', 'playing', 'volumechange', 'enterpictureinpicture', 'leavepictureinpicture'] as const;

/**
 * Re-renders the player when the `<video>` or the page changes what the controls show: playing or
 * paused, volume and mute, picture-in-picture, full screen. The state itself is read from the video
 * and the document at render time (the media element is the truth, as in media-chrome); this only
 * listens, and drops every listener when the player leaves the page.
 */
export class VideoStateController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #video: () => HTMLVideoElement | null;
  #attached: HTMLVideoElement | null = null;
  #connected = false;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement, video: () => HTMLVideoElement | null) {
    this.#host = host;
    this.#video = video;
    host.addController(this);
  }

  /** True while the video is paused (or has not started). */
  get paused(): boolean {
    return this.#attached?.paused ?? true;
  }

  /** The video's volume, 0–1. */
  get volume(): number {
    return this.#attached?.volume ?? 1;
  }

  /** True while this player is the page's full-screen element. */
  get fullscreen(): boolean {
    return typeof document !== 'undefined' && document.fullscreenElement === this.#host;
  }

  /** True while this player's video is in picture-in-picture. */
  get pictureInPicture(): boolean {
    // The document only sees the shadow host (retargeting); the player's shadow root sees the video.
    return this.#attached !== null && this.#host.shadowRoot?.pictureInPictureElement === this.#attached;
  }

  /** Whether the page may go full screen (not in an iframe without `allow="fullscreen"`). */
  get canFullscreen(): boolean {
    return typeof document !== 'undefined' && document.fullscreenEnabled === true;
  }

  /** Whether this browser offers picture-in-picture for the video. */
  get canPictureInPicture(): boolean {
    return (
      typeof document !== 'undefined' &&
      document.pictureInPictureEnabled === true &&
      this.#attached !== null &&
      !this.#attached.disablePictureInPicture
    );
  }

  /** @internal */
  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('fullscreenchange', this.#onChange);
    this.#attach();
  }

  /** @internal */
  hostUpdated(): void {
    // The video is rendered by the host: attach once it exists.
    if (this.#connected) this.#attach();
  }

  /** @internal */
  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('fullscreenchange', this.#onChange);
    this.#detach();
  }

  #attach(): void {
    const video = this.#video();
    if (video === this.#attached) return;
    this.#detach();
    if (!video) return;
    for (const type of VIDEO_EVENTS) video.addEventListener(type, this.#onChange);
    this.#attached = video;
    this.#host.requestUpdate();
  }

  #detach(): void {
    if (!this.#attached) return;
    for (const type of VIDEO_EVENTS) this.#attached.removeEventListener(type, this.#onChange);
    this.#attached = null;
  }
}
