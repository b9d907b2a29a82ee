import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../css-props.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { viewer360Styles } from './live-shop-viewer-360.styles.js';
import * as viewer360Messages from './messages.js';

/** Zoom bounds of the 360° view (1 = the frame fits the box). */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 3;

/** The frame index `steps` away from `index` in a loop of `count` frames (negative steps turn back). */
export function stepFrame(index: number, steps: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + steps) % count) + count) % count;
}

/** `zoom` kept within {@link MIN_ZOOM}..{@link MAX_ZOOM}, rounded to 2 decimals. */
export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return MIN_ZOOM;
  return Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) * 100) / 100;
}

/**
 * A 360° turn of a product from an image sequence: drag or swipe sideways to turn it, the wheel,
 * a pinch or +/− to zoom, arrow keys to step a frame, Home to face the front again.
 *
 * The view is a `slider` for assistive technology (its value is the angle), so a screen-reader user
 * turns it with the arrow keys and hears the angle. Every frame is preloaded once `frames` is set;
 * a progress line shows until they are in. With `prefers-reduced-motion`, the zoom does not animate
 * and `autorotate` does nothing.
 *
 * @summary 360° product view from an image sequence.
 *
 * @csspart stage - The draggable box (the `slider`).
 * @csspart frame - The `<img>` of the current frame.
 * @csspart hint - The one-line help under the picture.
 * @csspart progress - "Loading 3 of 24" while frames preload.
 *
 * @cssprop [--live-shop-viewer-aspect-ratio=1 / 1] - Shape of the view.
 * @cssprop [--live-shop-muted-surface=#f2f2f2] - Background behind the frames.
 * @cssprop [--live-shop-muted=#595959] - Hint and progress text.
 * @cssprop [--live-shop-radius=12px] - Corner radius.
 */
export class LiveShopViewer360 extends LitElement {
  static override styles = viewer360Styles;

  /** Frame URLs in order around the product; the first faces the viewer. */
  @property({ attribute: false }) frames: readonly string[] = [];

  /** Accessible name (e.g. the product name); the view is called "<label>, 360° view". */
  @property() label = '';

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor. */
  @property() locale: string | null = null;

  /** The frame shown (0-based). */
  @property({ type: Number, reflect: true }) frame = 0;

  /** Zoom factor, 1 to 3. */
  @property({ type: Number, reflect: true }) zoom = 1;

  /** Turn once, slowly, when first shown (skipped with `prefers-reduced-motion`, stopped by any input). */
  @property({ type: Boolean }) autorotate = false;

  /** Drag distance, in px, that turns the product by one frame; by default one full turn per width. */
  @property({ type: Number, attribute: 'drag-step' }) dragStep = 0;

  @state() private loaded = 0;

  readonly #preloaded = new Map<string, HTMLImageElement>();
  /** Active pointers (id -> last position), for drags and pinches. */
  readonly #pointers = new Map<number, { x: number; y: number }>();
  #dragStartX = 0;
  #dragStartFrame = 0;
  #pinchStart: { distance: number; zoom: number } | null = null;
  #spinTimer: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSpin();
    this.#pointers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('frames')) {
      this.frame = stepFrame(this.frame, 0, this.frames.length);
      this.#preload();
    }
    if (changed.has('zoom')) this.zoom = clampZoom(this.zoom);
  }

  protected override firstUpdated(): void {
    if (this.autorotate && !prefersReducedMotion()) this.#spinOnce();
  }

  override render() {
    const count = this.frames.length;
    if (count === 0) return nothing;
    const t = featureMessagesOf(this, viewer360Messages, this.locale);
    const degrees = Math.round((this.frame * 360) / count);
    const label = this.label ? t.spinLabel(this.label) : t.view360;
    return html`
      <div
        part="stage"
        role="slider"
        tabindex="0"
        aria-label=${label}
        aria-describedby="hint"
        aria-valuemin="0"
        aria-valuemax="359"
        aria-valuenow=${degrees}
        aria-valuetext=${t.spinAngle(degrees)}
        ${cssProps({ '--zoom': String(this.zoom) })}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
        @lostpointercapture=${this.#onPointerUp}
        @wheel=${this.#onWheel}
        @keydown=${this.#onKeydown}
      >
        <img part="frame" src=${this.frames[this.frame]!} alt="" draggable="false" decoding="async" />
      </div>
      ${this.loaded < count ? html`<p part="progress" aria-hidden="true">${t.spinLoading(this.loaded, count)}</p>` : nothing}
      <p part="hint" id="hint">${t.spinHint}</p>
    `;
  }

  /** Turns by `steps` frames (negative: the other way). */
  turn(steps: number): void {
    this.frame = stepFrame(this.frame, steps, this.frames.length);
  }

  /** Loads every frame once, so turning never waits on the network. */
  #preload(): void {
    const wanted = new Set(this.frames);
    for (const url of this.#preloaded.keys()) if (!wanted.has(url)) this.#preloaded.delete(url);
    this.loaded = [...this.#preloaded.values()].filter((image) => image.complete).length;
    for (const url of this.frames) {
      if (this.#preloaded.has(url)) continue;
      const image = new Image();
      image.decoding = 'async';
      // A frame that fails still counts as settled: the progress line must not hang on one bad URL.
      const settle = (): void => {
        if (this.#preloaded.get(url) === image) this.loaded = Math.min(this.loaded + 1, this.frames.length);
      };
      image.addEventListener('load', settle, { once: true });
      image.addEventListener('error', settle, { once: true });
      this.#preloaded.set(url, image);
      image.src = url;
    }
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.#stopSpin();
    const stage = event.currentTarget as HTMLElement;
    try {
      // Keep getting moves when the pointer leaves the box mid-drag.
      stage.setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): the drag still works while over the box.
    }
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size === 1) {
      this.#dragStartX = event.clientX;
      this.#dragStartFrame = this.frame;
      stage.classList.add('dragging');
    } else if (this.#pointers.size === 2) {
      this.#pinchStart = { distance: this.#pinchDistance(), zoom: this.zoom };
    }
  };

  #onPointerMove = (event: PointerEvent): void => {
    if (!this.#pointers.has(event.pointerId)) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size >= 2 && this.#pinchStart) {
      const distance = this.#pinchDistance();
      if (this.#pinchStart.distance > 0) this.zoom = clampZoom((this.#pinchStart.zoom * distance) / this.#pinchStart.distance);
      return;
    }
    const step = this.dragStep > 0 ? this.dragStep : Math.max(1, this.getBoundingClientRect().width / Math.max(1, this.frames.length));
    // Dragging right turns the product the way the hand moves it, in either writing direction.
    const steps = Math.trunc((event.clientX - this.#dragStartX) / step);
    this.frame = stepFrame(this.#dragStartFrame, -steps, this.frames.length);
  };

  #onPointerUp = (event: PointerEvent): void => {
    if (!this.#pointers.delete(event.pointerId)) return;
    if (this.#pointers.size < 2) this.#pinchStart = null;
    if (this.#pointers.size === 1) {
      // The pinch ended with one finger still down: carry on dragging from here.
      const [rest] = this.#pointers.values();
      this.#dragStartX = rest!.x;
      this.#dragStartFrame = this.frame;
    }
    if (this.#pointers.size === 0) (event.currentTarget as HTMLElement | null)?.classList.remove('dragging');
  };

  #onWheel = (event: WheelEvent): void => {
    const next = clampZoom(this.zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
    // At the zoom limit the wheel scrolls the page as usual instead of being swallowed.
    if (next === this.zoom) return;
    event.preventDefault();
    this.#stopSpin();
    this.zoom = next;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const rtl = getComputedStyle(this).direction === 'rtl';
    let handled = true;
    switch (event.key) {
      case 'ArrowRight':
        this.turn(rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        this.turn(rtl ? 1 : -1);
        break;
      case 'ArrowUp':
      case 'PageUp':
        this.turn(1);
        break;
      case 'ArrowDown':
      case 'PageDown':
        this.turn(-1);
        break;
      case 'Home':
        this.frame = 0;
        this.zoom = 1;
        break;
      case '+':
      case '=':
        this.zoom = clampZoom(this.zoom + 0.25);
        break;
      case '-':
      case '_':
        this.zoom = clampZoom(this.zoom - 0.25);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      this.#stopSpin();
    }
  };

  #pinchDistance(): number {
    const [a, b] = [...this.#pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  /** One slow turn as a hint that the picture moves; bounded to one lap. */
  #spinOnce(): void {
    let left = this.frames.length;
    const tick = (): void => {
      if (left-- <= 0 || !this.isConnected) return this.#stopSpin();
      this.turn(1);
      this.#spinTimer = window.setTimeout(tick, 80);
    };
    this.#spinTimer = window.setTimeout(tick, 300);
  }

  #stopSpin(): void {
    if (this.#spinTimer !== null) window.clearTimeout(this.#spinTimer);
    this.#spinTimer = null;
  }
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-viewer-360': LiveShopViewer360;
  }
}
