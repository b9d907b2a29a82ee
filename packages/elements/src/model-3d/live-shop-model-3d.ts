import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { featureMessagesOf } from '../i18n/locale.js';
import { model3dStyles } from './live-shop-model-3d.styles.js';
import { loadModelViewer, modelViewerDefined } from './load-model-viewer.js';
import * as model3dMessages from './messages.js';

/** Where a 3D view is: nothing asked yet, fetching the viewer and the model, shown, or failed. */
export type Model3dStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What `<live-shop-model-3d>` reads of `<model-viewer>` (its AR mixin); kept narrow on purpose. */
interface ModelViewerLike extends HTMLElement {
  readonly canActivateAR?: boolean;
}

/**
 * A product's 3D model (glTF binary) that the shopper drags to orbit, with a "View in your room"
 * button where the device can do AR (WebXR, Scene Viewer on Android, Quick Look on iOS with `usdz`).
 *
 * It is a thin wrapper around Google's `<model-viewer>`, which it imports **only when it is shown**
 * with a `src`: pages that never open a 3D view never download model-viewer or three.js. The AR
 * button is rendered only when model-viewer says AR can start (`canActivateAR`).
 *
 * @summary Lazily loaded 3D / AR product view (wraps `@google/model-viewer`).
 *
 * @csspart viewer - The `<model-viewer>` element.
 * @csspart status - "Loading the 3D model…" / "The 3D model could not be shown"; empty when shown.
 * @csspart ar-button - "View in your room (AR)", only where AR is supported.
 *
 * @cssprop [--live-shop-viewer-aspect-ratio=1 / 1] - Shape of the view.
 * @cssprop [--live-shop-muted-surface=#f2f2f2] - Background.
 * @cssprop [--live-shop-accent=#e11d48] - AR button background.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - AR button text.
 */
export class LiveShopModel3d extends LitElement {
  static override styles = model3dStyles;

  /** `.glb` URL. Setting it (while connected) loads the 3D viewer. */
  @property() src = '';

  /** `.usdz` URL for AR Quick Look on iOS. */
  @property({ attribute: 'ios-src' }) iosSrc = '';

  /** Picture shown while the model loads. */
  @property() poster = '';

  /** Accessible name (e.g. the product name): "3D model of <label>". */
  @property() label = '';

  /** Language override (BCP 47); defaults to `lang` on the element or an ancestor. */
  @property() locale: string | null = null;

  /** Where it is (reflected, for CSS and tests). */
  @property({ reflect: true }) status: Model3dStatus = 'idle';

  /** True when the device can place the model in the room (the AR button is shown). */
  @state() private arAvailable = false;

  #error: unknown = null;

  /** The reason of the last failure (viewer or model), for merchants' logs; null when none. */
  get error(): unknown {
    return this.#error;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src && this.status === 'idle') this.#load();
    // Another model after a failed one: try again (the viewer itself is loaded, or loads again).
    if (changed.has('src') && this.src && this.status === 'error' && changed.get('src') !== undefined) {
      if (modelViewerDefined()) [this.status, this.#error] = ['ready', null];
      else this.#load();
    }
    if (changed.has('src') && !this.src) this.status = 'idle';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.src && this.status === 'idle') this.#load();
  }

  override render() {
    const t = featureMessagesOf(this, model3dMessages, this.locale);
    const label = this.label ? t.modelLabel(this.label) : t.view3d;
    const statusText = this.status === 'loading' ? t.modelLoading : this.status === 'error' ? t.modelFailed : '';
    // <model-viewer> is rendered only once its code is loaded: before that it would be an inert unknown tag.
    const viewer =
      this.status === 'ready' || (this.status === 'loading' && customElements.get('model-viewer'))
        ? html`<model-viewer
            part="viewer"
            src=${this.src}
            ios-src=${this.iosSrc || nothing}
            poster=${this.poster || nothing}
            alt=${label}
            camera-controls
            touch-action="pan-y"
            ar
            ar-modes="webxr scene-viewer quick-look"
            interaction-prompt="none"
            @load=${this.#onModelLoad}
            @error=${this.#onModelError}
          >
            ${this.arAvailable
              ? html`<button part="ar-button" slot="ar-button" type="button">${t.viewInRoom}</button>`
              : nothing}
          </model-viewer>`
        : nothing;
    return html`${viewer}
      <p part="status" role="status">${statusText}</p>`;
  }

  protected override updated(): void {
    this.#readAr();
  }

  #load(): void {
    this.status = 'loading';
    this.#error = null;
    loadModelViewer().then(
      () => {
        this.status = 'ready';
      },
      (error: unknown) => {
        this.#error = error;
        this.status = 'error';
        console.warn('live-shop: the 3D viewer could not be loaded', error);
      },
    );
  }

  #readAr(): void {
    const viewer = this.renderRoot.querySelector<ModelViewerLike>('model-viewer');
    const available = viewer?.canActivateAR === true;
    if (available !== this.arAvailable) this.arAvailable = available;
  }

  #onModelLoad = (): void => {
    // model-viewer decides AR support while it loads: read it again now.
    this.#readAr();
  };

  #onModelError = (event: Event): void => {
    this.#error = (event as CustomEvent<unknown>).detail ?? event;
    this.status = 'error';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-model-3d': LiveShopModel3d;
  }
}
