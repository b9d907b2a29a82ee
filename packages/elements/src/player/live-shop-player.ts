import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  LiveShopClient,
  LiveShopError,
  MediaController,
  type CheckoutState,
  type ConnectionState,
  type MediaState,
} from '@live-shop/core';
import type { Product, RoomInfo, Stock } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import type { ProductBuyDetail } from '../events.js';
import { messagesOf, type Messages } from '../i18n/locale.js';
import type { ProductCard } from '../product-card/product-card.js';
import type { QuickCheckout } from '../quick-checkout/quick-checkout.js';
import { playerStyles } from './live-shop-player.styles.js';

const mutedIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor"/><path d="m23 9-6 6M17 9l6 6"/></svg>`;
const playIcon = svg`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="currentColor"><path d="M7 4v16l13-8z"/></svg>`;

/** `autoplay="false"` and `muted="false"` turn the on-by-default flags off; any other value (or none) is on. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value !== null && value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : null),
};

/** Units left of a product across its variants, or `null` when none is known yet. */
export function unitsLeftOf(product: Product, stock: Stock | undefined): number | null {
  let total: number | null = null;
  for (const variant of product.variants) {
    const units = stock?.[variant.id];
    if (units !== undefined) total = (total ?? 0) + units;
  }
  return total;
}

/**
 * A shoppable live stream: the room's video with the pinned product, the chat and a checkout sheet
 * over it. Drop it into any page; it connects on insertion and cleans up on removal.
 *
 * The video is muted autoplay so it starts without a gesture; a button offers sound. Buying opens
 * `<quick-checkout>` as a bottom sheet inside the player while the video keeps playing.
 *
 * @summary Live video player with a pinned product card, chat and in-player checkout.
 *
 * @fires live-shop-product-buy - (from the card) The viewer pressed buy. `detail: { productId }`.
 * @fires live-shop-checkout-close - (from the sheet) The checkout sheet closed. `detail: { productId, reason }`.
 * @fires live-shop-order-placed - (from the sheet) An order was confirmed. `detail: { order }`.
 *
 * @csspart video - The `<video>` element.
 * @csspart overlay - Everything drawn over the video (badge, status, card, chat).
 * @csspart live-badge - "LIVE" / "Starting soon" / "Ended".
 * @csspart status - Connection and video problems ("reconnecting…"); empty when all is well.
 * @csspart unmute-button - Shown while muted: turns the sound on.
 * @csspart play-button - Shown when `autoplay` is off, until the viewer starts the video.
 * @csspart card - The pinned `<product-card>` (style its inside through its own parts).
 * @csspart chat - The `<live-shop-chat>` strip.
 * @csspart checkout - The `<quick-checkout>` sheet.
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family of everything inside.
 * @cssprop [--live-shop-radius=12px] - Corner radius of the player, card, sheet and bubbles.
 * @cssprop [--live-shop-accent=#e11d48] - Live badge, buttons, prices.
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssprop [--live-shop-background=#000000] - Behind the video.
 * @cssprop [--live-shop-overlay-text=#ffffff] - Text drawn over the video.
 * @cssprop [--live-shop-aspect-ratio=9 / 16] - Player shape.
 * @cssprop [--live-shop-max-height=100vh] - Tallest the player gets.
 * @cssprop [--live-shop-video-fit=cover] - `object-fit` of the video.
 * @cssprop [--live-shop-overlay-width=340px] - Widest the card and chat get.
 * @cssprop [--live-shop-badge-background=rgb(0 0 0 / 0.5)] - Badge and button background over the video.
 * @cssprop [--live-shop-status-background=rgb(0 0 0 / 0.65)] - Status banner background.
 * @cssprop [--live-shop-status-problem-background=rgb(208 2 27 / 0.85)] - Status banner when disconnected or failed.
 * @cssprop [--live-shop-scrim=rgb(0 0 0 / 0.35)] - Over the video behind the checkout sheet.
 * @cssprop [--live-shop-sheet-max-height=85%] - Tallest the checkout sheet gets.
 */
export class LiveShopPlayer extends LitElement {
  static override styles = playerStyles;

  /** Base URL of the live-shop server. */
  @property() server = '';

  /** Room id. */
  @property() room = '';

  /** Signed viewer or host token; sent inside the WebSocket hello, never in a URL. */
  @property() token: string | null = null;

  /** Chat display name. */
  @property() name: string | null = null;

  /** Start playing on connect (muted). On by default; `autoplay="false"` turns it off. */
  @property({ converter: onUnlessFalse, reflect: true }) autoplay = true;

  /** Play without sound. On by default so autoplay needs no gesture; `muted="false"` asks for sound. */
  @property({ converter: onUnlessFalse, reflect: true }) muted = true;

  @query('video') private video!: HTMLVideoElement | null;
  @query('[part="card"]') private card!: ProductCard | null;
  @query('[part="checkout"]') private sheet!: QuickCheckout | null;

  #external: LiveShopClient | null = null;
  #owned: LiveShopClient | null = null;
  #ownedKey = '';
  #setupError: LiveShopError | null = null;
  #media: MediaController | null = null;
  #playingUrl: string | null = null;
  #started = false;
  #forcedMuteSeen = false;
  #sheetWasOpen = false;
  #restoreFocus = false;
  readonly #resolved = new WeakMap<Product, Product>();

  readonly #connection = new StoreController<ConnectionState>(this, () => this.client?.$connection);
  readonly #room = new StoreController<RoomInfo | null>(this, () => this.client?.$room);
  readonly #products = new StoreController<readonly Product[]>(this, () => this.client?.$products);
  readonly #pinned = new StoreController<Product | null>(this, () => this.client?.$pinnedProduct);
  readonly #stock = new StoreController<Stock>(this, () => this.client?.$stock);
  readonly #checkout = new StoreController<CheckoutState>(this, () => this.client?.checkout.$state);
  readonly #mediaState = new StoreController<MediaState>(this, () => this.#media?.$media);

  /**
   * The client in use: the one you set (the player connects it but never disposes it), else the one
   * the player made from `server`/`room`/`token`/`name` (created on connect, disposed on removal).
   */
  get client(): LiveShopClient | null {
    return this.#external ?? this.#owned;
  }
  set client(value: LiveShopClient | null) {
    const old = this.client;
    this.#external = value;
    this.requestUpdate('client', old);
  }

  /** The video's media controller while connected (state in `$media`), for stats and tests. */
  get media(): MediaController | null {
    return this.#media;
  }

  override connectedCallback(): void {
    // Before super: the store controllers look the client up when the host connects.
    this.#syncClient();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.stop();
    this.#media = null;
    this.#playingUrl = null;
    this.#owned?.dispose();
    this.#owned = null;
    this.#ownedKey = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['server', 'room', 'token', 'name', 'client'].some((key) => changed.has(key))) this.#syncClient();
    if (this.#mediaState.value?.muted && !this.#forcedMuteSeen) {
      // The browser refused autoplay with sound and the core muted the video: offer the unmute button.
      this.#forcedMuteSeen = true;
      this.muted = true;
    }
    const open = this.#sheetProduct() !== null;
    if (this.#sheetWasOpen && !open) {
      // Give focus back to the buy button only if it was inside the sheet being removed.
      this.#restoreFocus ||= (this.renderRoot as ShadowRoot).activeElement?.localName === 'quick-checkout';
    }
  }

  override render() {
    const t = messagesOf(this);
    const room = this.#room.value ?? null;
    const pinned = this.#pinned.value ?? null;
    const sheetProduct = this.#sheetProduct();
    return html`
      <video part="video" playsinline ?autoplay=${this.autoplay} .muted=${this.muted} aria-label=${room?.title || t.videoLabel}></video>
      <div part="overlay" ?inert=${sheetProduct !== null}>
        <div class="top">
          ${room ? this.#badge(room, t) : nothing}
          ${this.#status(t)}
        </div>
        ${!this.#started && !this.autoplay
          ? html`<button part="play-button" type="button" aria-label=${t.play} @click=${this.#onPlay}>${playIcon}</button>`
          : this.muted
            ? html`<button part="unmute-button" type="button" @click=${this.#onUnmute}>${mutedIcon} ${t.unmute}</button>`
            : nothing}
        <div class="bottom">
          <live-shop-chat part="chat" .client=${this.client}></live-shop-chat>
          ${pinned
            ? keyed(
                pinned.id,
                html`<product-card
                  part="card"
                  .product=${this.#withImage(pinned)}
                  .stock=${unitsLeftOf(pinned, this.#stock.value)}
                  @live-shop-product-buy=${this.#onBuy}
                ></product-card>`,
              )
            : nothing}
        </div>
      </div>
      ${sheetProduct
        ? html`<div class="sheet" @click=${this.#onScrimClick}>
            <quick-checkout part="checkout" .client=${this.client} .product=${sheetProduct}></quick-checkout>
          </div>`
        : nothing}
    `;
  }

  protected override updated(): void {
    this.#syncMedia();
    const open = this.#sheetProduct() !== null;
    if (open && !this.#sheetWasOpen) {
      const sheet = this.sheet;
      void sheet?.updateComplete.then(() => sheet.focus());
    } else if (!open && this.#restoreFocus) {
      this.#restoreFocus = false;
      this.card?.focus();
    }
    this.#sheetWasOpen = open;
  }

  #badge(room: RoomInfo, t: Messages) {
    const text = room.status === 'live' ? t.live : room.status === 'scheduled' ? t.scheduled : t.ended;
    return html`<span part="live-badge" class=${room.status}>${text}</span>`;
  }

  #status(t: Messages) {
    const connection = this.#connection.value;
    const media = this.#mediaState.value;
    let text = '';
    let problem = false;
    if (this.#setupError) [text, problem] = [this.#setupError.message, true];
    else if (connection?.status === 'reconnecting') text = t.reconnecting;
    else if (connection?.status === 'connecting') text = t.connecting;
    else if (connection?.status === 'closed' && connection.error) [text, problem] = [`${t.disconnected}: ${connection.error.message}`, true];
    else if (media?.status === 'error' && media.error) [text, problem] = [media.error.message, true];
    return html`<div part="status" role="status" class=${problem ? 'problem' : ''}>${text}</div>`;
  }

  /** The product the checkout sheet is open for, or null when it is closed. */
  #sheetProduct(): Product | null {
    const state = this.#checkout.value;
    if (!state || state.step === 'closed') return null;
    return this.#products.value?.find((product) => product.id === state.productId) ?? null;
  }

  /** The product with its image URL resolved against the server (memoised, so the card does not re-render). */
  #withImage(product: Product): Product {
    let resolved = this.#resolved.get(product);
    if (!resolved) {
      resolved = { ...product, image: this.client ? this.client.resolveUrl(product.image) : product.image };
      this.#resolved.set(product, resolved);
    }
    return resolved;
  }

  #syncClient(): void {
    if (!this.isConnected) return;
    if (this.#external) {
      this.#owned?.dispose();
      this.#owned = null;
      this.#ownedKey = '';
      this.#setupError = null;
      this.#external.connect();
      return;
    }
    const key = JSON.stringify([this.server, this.room, this.token, this.name]);
    if (key === this.#ownedKey) return;
    this.#owned?.dispose();
    this.#owned = null;
    this.#ownedKey = key;
    this.#setupError = null;
    this.#playingUrl = null;
    if (!this.server || !this.room) return;
    try {
      this.#owned = new LiveShopClient({
        server: this.server,
        room: this.room,
        ...(this.token ? { token: this.token } : {}),
        ...(this.name ? { name: this.name } : {}),
      });
      this.#owned.connect();
    } catch (error) {
      // Bad attributes: shown in the status banner, nothing is connected.
      this.#setupError = error instanceof LiveShopError ? error : new LiveShopError('invalid', String(error), { cause: error });
    }
  }

  #syncMedia(): void {
    const video = this.video;
    if (!video || !this.isConnected) return;
    if (!this.#media) {
      this.#media = new MediaController(video);
      // The media store exists only now: render once more to follow it.
      this.requestUpdate();
    }
    if (!this.autoplay && !this.#started) return;
    const hls = this.#room.value?.hls;
    const url = hls && this.client ? this.client.resolveUrl(hls) : null;
    if (url === this.#playingUrl) return;
    this.#playingUrl = url;
    this.#started = true;
    this.#forcedMuteSeen = false;
    if (url) void this.#media.play([{ type: 'hls', url }]);
    else this.#media.stop();
  }

  #onBuy = (event: CustomEvent<ProductBuyDetail>): void => {
    this.client?.checkout.open(event.detail.productId);
  };

  #onScrimClick = (event: MouseEvent): void => {
    // A tap on the dimmed video above the sheet closes it, as bottom sheets do.
    if (event.target === event.currentTarget) this.sheet?.close('scrim');
  };

  #onPlay = (): void => {
    this.#started = true;
    this.requestUpdate();
  };

  #onUnmute = (): void => {
    this.muted = false;
    const video = this.video;
    if (!video) return;
    // Synchronously inside the tap, so the browser counts it as the gesture that allows sound.
    video.muted = false;
    if (video.paused) void video.play().catch((error: unknown) => this.#onUnmuteRefused(error));
  };

  #onUnmuteRefused(error: unknown): void {
    // The browser still refused sound: stay muted, keep playing, show the button again.
    if (this.video) this.video.muted = true;
    this.muted = true;
    console.warn('live-shop: the browser refused to play with sound', error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-shop-player': LiveShopPlayer;
  }
}
