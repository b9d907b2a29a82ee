import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { countFormat } from '@live-shop/protocol';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  LiveShopClient,
  LiveShopError,
  MediaController,
  applyOverride,
  stockWithOverride,
  type PaymentHandoff,
  type ProductOverride,
  type CheckoutState,
  type ConnectionState,
  type MediaQualityState,
  type MediaSourceConfig,
  type MediaState,
} from '@live-shop/core';
import type { Product, RoomInfo, Stock } from '@live-shop/protocol';
import { StoreController } from '../controllers/store-controller.js';
import { emit, type ProductBuyDetail, type ShelfToggleDetail } from '../events.js';
import { domCartBridge, type HydrateHook } from '../quick-checkout/cart-events.js';
import { renderFlashSaleBanner } from '../flash-sale/player-banner.js';
import { messagesOf, type Messages } from '../i18n/locale.js';
import type { ProductCard } from '../product-card/product-card.js';
import type { QuickCheckout } from '../quick-checkout/quick-checkout.js';
import type { LiveShopShelf } from '../shelf/live-shop-shelf.js';
import type { ChatMode } from '../chat/live-shop-chat.js';
import { unitsLeftOf } from '../stock.js';
import { resolveProductMedia } from '../product-card/media.js';
import { renderControls, type ControlsActions } from './controls.js';
import { LazyPart, LazyValue, type PrefetchGate } from './lazy-part.js';
import { MediaFirstGate } from './media-first.js';
import { claimEarlyStart, createPlayerVideo, resolvePlayerSrc, sourcesKey } from './early-start.js';
import { transportsToPreload } from './transports-to-preload.js';
import type { MiniplayerController } from './miniplayer.js';
import { bagIcon, bigPlayIcon, mutedIcon } from './icons.js';
import { playerStyles } from './live-shop-player.styles.js';
import { engagementOverlayStyles, renderEngagementOverlay } from '../poll/player-overlay.js';
import type { SheetPictureInPicture } from './sheet-pip.js';
import { shortcutFor } from './shortcuts.js';
import { VideoStateController } from './video-state.js';

/** How the player arranges the video and what goes with it. */
export type PlayerLayout = 'overlay' | 'side' | 'vertical';
/** The player's colour scheme (of its panels: card, shelf, checkout). */
export type PlayerTheme = 'light' | 'dark';

/** The miniplayer module once a player imported it: later players build their controller at once. */
let miniplayerModule: typeof import('./miniplayer.js') | null = null;

/** `autoplay="false"` and `muted="false"` turn the on-by-default flags off; any other value (or none) is on. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value !== null && value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : null),
};

export { unitsLeftOf };

/**
 * A shoppable live stream: the room's video with controls, the pinned product, the chat, the
 * shopping bag and a checkout sheet over it. Drop it into any page; it connects on insertion and
 * cleans up on removal.
 *
 * The video is muted autoplay so it starts without a gesture; a button offers sound. Media first: until the
 * first frame is on screen (at most 1 s), an autoplaying player renders its video alone and defers what the
 * picture does not need (the overlay and its elements, lazy code), so they do not compete with the stream's
 * first segment for the main thread. Buying (from the
 * pinned card or the shopping bag) opens `<quick-checkout>` inside the player — a bottom sheet on
 * narrow players, a side sheet on wide ones (container queries) — while the video keeps playing.
 *
 * Keyboard: Space or K plays/pauses, M mutes, F toggles full screen (while focus is in the player and
 * not in a text field). `layout` and `theme` only switch CSS; every piece stays reachable through
 * `::part()` and the custom properties below.
 *
 * @summary Live video player with controls, pinned product card, shopping bag, chat and in-player checkout.
 *
 * @fires live-shop-product-buy - (from the card or the shelf) The viewer asked to buy. `detail: { productId, source? }`.
 * @fires live-shop-product-click - (from the shelf) A product was clicked. Cancelable. `detail: { productId, source }`.
 * @fires live-shop-checkout - No `phase` (or `'open'`): the checkout sheet is about to open; cancelable (cancel it to run your own checkout). `phase: 'pay'`: the buyer is about to pay; answer with `detail.respondWith(...)` to refuse. `detail: { productId, source, phase, line?, respondWith? }`.
 * @fires live-shop-add-to-cart - The checkout is about to hold a line; answer with `detail.respondWith({ ok } | { ok: false, code })`. `detail: { productId, variantId, quantity, unitPrice, currency, saleId?, respondWith }`.
 * @fires live-shop-cart-update - The buyer changed the held line (variant or quantity); same detail and answer as `live-shop-add-to-cart`.
 * @fires live-shop-checkout-close - (from the sheet) The checkout sheet closed. `detail: { productId, reason }`.
 * @fires live-shop-order-placed - (from the sheet) An order was confirmed. `detail: { order }`.
 * @fires live-shop-shelf-toggle - The shopping bag opened or closed. `detail: { open, reason? }`.
 * @fires live-shop-miniplayer-toggle - The player started or stopped floating in a corner. `detail: { miniplayer }`.
 * @fires live-shop-pip-toggle - The checkout sheet put the video in picture-in-picture (a small player), took it out, or the browser refused. `detail: { active, cause, error }`.
 *
 * @csspart video - The `<video>` element (focusable, for the keyboard shortcuts).
 * @csspart overlay - Everything drawn over the video (badge, controls, status, card, chat, bag button).
 * @csspart live-badge - "LIVE" / "Starting soon" / "Ended".
 * @csspart latency - How far behind live the picture is ("3.2 s behind"), while live and known.
 * @csspart controls - The control bar.
 * @csspart control - Every control-bar button; also `play-pause-button`, `mute-button`, `pip-button`, `fullscreen-button`.
 * @csspart volume - The volume slider.
 * @csspart quality - The quality menu (a `<select>`: Auto, 720p, …), when the HLS stream offers several renditions.
 * @csspart miniplayer-button - Control-bar toggle of the floating miniplayer.
 * @csspart miniplayer-handle - While floating: the grip to drag it (pointer) or move it corner to corner (arrow keys).
 * @csspart status - Connection and video problems ("reconnecting…"); empty when all is well.
 * @csspart unmute-button - Shown while muted: turns the sound on.
 * @csspart play-button - Shown when `autoplay` is off, until the viewer starts the video.
 * @csspart card - The pinned `<product-card>` (style its inside through its own parts).
 * @csspart chat - The `<live-shop-chat>` strip (and, with `chat-mode="danmaku"`, its bullet comments over the video).
 * @csspart notices - The `<live-shop-notices>` above the chat (joins, purchases).
 * @csspart reactions - The `<live-shop-reactions>` heart button and floating hearts (right edge, above the bag button).
 * @csspart engagement - The column under the top bar with the countdown, poll and lottery.
 * @csspart countdown - The `<live-shop-countdown>` of the host's countdown.
 * @csspart poll - The `<live-shop-poll>`.
 * @csspart lottery - The `<live-shop-lottery>`.
 * @csspart red-envelope - The `<live-shop-red-envelope>` rain over the video.
 * @csspart viewer-count - How many are watching, next to the live badge.
 * @csspart shelf-button - The shopping-bag button.
 * @csspart shelf-count - The number of products on the bag button.
 * @csspart shelf - The `<live-shop-shelf>` drawer while open.
 * @csspart checkout - The `<quick-checkout>` sheet.
 * @csspart flash-sale - The `<live-shop-flash-sale>` banner (shown while the room has a flash sale).
 *
 * @cssprop [--live-shop-font=system-ui, sans-serif] - Font family of everything inside.
 * @cssprop [--live-shop-radius=12px] - Corner radius of the player, card, sheet and bubbles.
 * @cssprop [--live-shop-accent=#e11d48] - Live badge, buttons, prices (dark theme: #fb7185).
 * @cssprop [--live-shop-accent-contrast=#ffffff] - Text on the accent colour (dark theme: #1a1a1a).
 * @cssprop [--live-shop-background=#000000] - Behind the video.
 * @cssprop [--live-shop-overlay-text=#ffffff] - Text drawn over the video.
 * @cssprop [--live-shop-surface=#ffffff] - Card, shelf and sheet background (dark theme: #1c1c1e).
 * @cssprop [--live-shop-text=#1a1a1a] - Text on those surfaces (dark theme: #f2f2f7).
 * @cssprop [--live-shop-muted=#6b6b6b] - Secondary text on them (dark theme: #a1a1aa).
 * @cssprop [--live-shop-border=#d9d9d9] - Lines and field borders on them (dark theme: #3f3f46).
 * @cssprop [--live-shop-aspect-ratio=9 / 16] - Player shape (`overlay` and `side`: 16 / 9).
 * @cssprop [--live-shop-max-height=100vh] - Tallest the player gets.
 * @cssprop [--live-shop-vertical-max-width=480px] - Widest the `vertical` layout gets (centred).
 * @cssprop [--live-shop-side-width=320px] - Width of the panel of the `side` layout.
 * @cssprop [--live-shop-side-background=#18181b] - Background of that panel.
 * @cssprop [--live-shop-video-fit=cover] - `object-fit` of the video (`overlay` and `side`: contain).
 * @cssprop [--live-shop-overlay-width=340px] - Widest the card and chat get.
 * @cssprop [--live-shop-badge-background=rgb(0 0 0 / 0.5)] - Badge, control and button background over the video.
 * @cssprop [--live-shop-status-background=rgb(0 0 0 / 0.65)] - Status banner background.
 * @cssprop [--live-shop-status-problem-background=rgb(208 2 27 / 0.85)] - Status banner when disconnected or failed.
 * @cssprop [--live-shop-scrim=rgb(0 0 0 / 0.35)] - Over the video behind the checkout sheet and the shelf.
 * @cssprop [--live-shop-sheet-max-height=85%] - Tallest the bottom sheets (checkout, shelf) get.
 * @cssprop [--live-shop-side-sheet-width=380px] - Width of the side sheets on players 600px wide or more (at most 60%).
 * @cssprop [--live-shop-miniplayer-width=320px] - Width of the floating miniplayer (at most the viewport less margins).
 * @cssprop [--live-shop-miniplayer-margin=16px] - Gap between the miniplayer and the viewport's edges.
 * @cssprop [--live-shop-miniplayer-z-index=2147483000] - Stacking of the miniplayer over the page.
 */
export class LiveShopPlayer extends LitElement {
  static override styles = [playerStyles, engagementOverlayStyles];

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

  /**
   * An HLS playlist URL to play instead of the room's stream (a recording, a CDN edge). Resolved
   * against `server`; the room's products, chat and checkout stay as they are. Since the stream needs nothing
   * from the room, the player connects to the room once the first frame is on screen (at most 1 s later).
   */
  @property() src: string | null = null;

  /**
   * `vertical` (default): a 9:16 phone-style stream, everything over the video, at most
   * `--live-shop-vertical-max-width` wide. `overlay`: a 16:9 stream with everything over it.
   * `side`: a 16:9 stream with the card and chat in a panel beside it.
   */
  @property({ reflect: true }) layout: PlayerLayout = 'vertical';

  /** Colour scheme of the card, shelf and checkout: `light` (default) or `dark`. */
  @property({ reflect: true }) theme: PlayerTheme = 'light';

  /**
   * `list` (default): the chat is a strip of the latest messages. `danmaku`: new messages also fly across the
   * video as bullet comments (the list is then for screen readers and for the host's moderation controls).
   * Viewers who ask for reduced motion get the list.
   */
  @property({ attribute: 'chat-mode', reflect: true }) chatMode: ChatMode = 'list';

  /**
   * Language of every string inside (BCP 47: `zh-CN`, `en`); without it, the nearest `lang` of the
   * page, then the browser's. Changing it re-renders the player and everything in it.
   */
  @property() override lang = '';

  /**
   * Float in a corner of the viewport (`position: fixed`, so it stays while the page scrolls; no
   * iframe). The control bar toggles it; the viewer drags it, or moves it with the arrow keys.
   */
  @property({ type: Boolean, reflect: true }) miniplayer = false;

  /** Corner of the miniplayer, logical: `end-end` (default: bottom, inline end), `start-start`, `start-end`, `end-start`. */
  @property({ attribute: 'miniplayer-dock', reflect: true }) miniplayerDock = 'end-end';

  /**
   * Keep the video in the player when the checkout sheet opens. By default, on a player narrower than the side
   * sheet's breakpoint (600px: the bottom sheet hides most of the video) a tap that opens the sheet puts the
   * playing video in picture-in-picture, and closing the sheet takes it out (`live-shop-pip-toggle`).
   */
  @property({ type: Boolean, attribute: 'no-auto-pip' }) noAutoPip = false;

  /**
   * How buyers pay in this room (the merchant's choice): an adapter from `@live-shop/core`
   * (`callbackHandoff`, `redirectHandoff`, `paymentRequestHandoff`, `cartPermalinkHandoff`). Without one a
   * confirmed order waits for the merchant's backend to report the payment. See docs/payment-handoff.md.
   */
  @property({ attribute: false }) payment: PaymentHandoff | null = null;

  /**
   * The merchant's catalogue hook: called with a product before its card shows; answer its own price, member
   * price and stock for this viewer (`{ variants: { [variantId]: { price?, memberPrice?, stock? } } }`) or null.
   * The card waits for it (at most 10 s). Add-to-cart, cart updates and checkout are announced as
   * `live-shop-add-to-cart`, `live-shop-cart-update` and `live-shop-checkout` (`phase: 'pay'`) events the page
   * can answer through `event.detail.respondWith(...)`.
   */
  @property({ attribute: false }) hydrate: HydrateHook | null = null;

  @state() private shelfOpen = false;
  /** Idle prefetches of lazy parts wait for the first frame too (their code would share the main thread with it). */
  readonly #afterFirstFrame: PrefetchGate = (run) => this.#mediaFirst.afterRelease(run);
  /** The checkout sheet and the shopping bag load on first use (or when the page is idle), not with the entry. */
  readonly #checkoutPart = new LazyPart(this, 'quick-checkout', () => import('../quick-checkout/define.js').then((m) => m.defineQuickCheckout()), this.#afterFirstFrame);
  readonly #shelfPart = new LazyPart(this, 'live-shop-shelf', () => import('../shelf/define.js').then((m) => m.defineLiveShopShelf()), this.#afterFirstFrame);
  /** The merchant's overrides per product id, once `hydrate` answered. */
  @state() private overrides = new Map<string, ProductOverride | null>();

  /**
   * The player's `<video>`: outside the template, first in the shadow root (see `createRenderRoot`), made when the
   * player first connects or taken over from the script-tag entry's early start.
   */
  #videoElement: HTMLVideoElement | null = null;
  @query('[part="card"]') private card!: ProductCard | null;
  @query('[part="checkout"]') private sheet!: QuickCheckout | null;
  @query('[part="shelf"]') private shelf!: LiveShopShelf | null;
  @query('[part="shelf-button"]') private shelfButton!: HTMLButtonElement | null;

  #external: LiveShopClient | null = null;
  #owned: LiveShopClient | null = null;
  #ownedKey = '';
  #setupError: LiveShopError | null = null;
  #media: MediaController | null = null;
  #mediaAttached: { client: LiveShopClient; media: MediaController; detach: () => void } | null = null;
  #hydrating = new Set<string>();
  #playingUrl: string | null = null;
  #started = false;
  #forcedMuteSeen = false;
  #sheetWasOpen = false;
  #shelfWasOpen = false;
  /** Where focus goes back when a modal panel closes, if focus was inside it. */
  #returnFocusTo: 'card' | 'shelf-button' = 'card';
  #restoreFocus: 'card' | 'shelf-button' | null = null;
  /** Where the last buy request came from, for the `live-shop-checkout` event and focus return. */
  #buySource: ProductBuyDetail['source'] | null = null;
  readonly #resolved = new WeakMap<Product, Product>();

  readonly #connection = new StoreController<ConnectionState>(this, () => this.client?.$connection);
  readonly #room = new StoreController<RoomInfo | null>(this, () => this.client?.$room);
  readonly #products = new StoreController<readonly Product[]>(this, () => this.client?.$products);
  readonly #pinned = new StoreController<Product | null>(this, () => this.client?.$pinnedProduct);
  readonly #stock = new StoreController<Stock>(this, () => this.client?.$stock);
  readonly #viewerCount = new StoreController<number | null>(this, () => this.client?.$viewerCount);
  readonly #checkout = new StoreController<CheckoutState>(this, () => this.client?.checkout.$state);
  readonly #mediaState = new StoreController<MediaState>(this, () => this.#media?.$media);
  readonly #videoState = new VideoStateController(this, () => this.video);
  /** Picture-in-picture under the checkout sheet: a lazy chunk too (fetched when idle, so it is here by the first tap). */
  readonly #sheetPip = new LazyValue<SheetPictureInPicture>(this, 'picture-in-picture for the checkout sheet', () =>
    import('./sheet-pip.js').then((m) => new m.SheetPictureInPicture(this, () => this.video, () => !this.noAutoPip)),
    this.#afterFirstFrame,
  );
  readonly #quality = new StoreController<MediaQualityState>(this, () => this.#media?.$quality);
  /** Until the first frame only the video renders (and with `src` the room client is made after it). */
  readonly #mediaFirst = new MediaFirstGate(this);
  /** The miniplayer's drag and arrow-key handling loads the first time it floats (or when the page is idle). */
  readonly #miniplayer = new LazyValue<MiniplayerController>(this, 'the miniplayer', () =>
    miniplayerModule
      ? new miniplayerModule.MiniplayerController(this)
      : import('./miniplayer.js').then((module) => new (miniplayerModule = module).MiniplayerController(this)),
    this.#afterFirstFrame,
  );

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeydown);
  }

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
    if (this.autoplay) this.#mediaFirst.hold();
    // Before super: the store controllers look the client up when the host connects.
    this.#syncClient();
    // Started by the script-tag entry before the elements loaded: this player goes on with that video and stream.
    const early = claimEarlyStart(this);
    if (early) this.#videoElement = early.video;
    if (early?.media) {
      this.#media = early.media;
      this.#playingUrl = sourcesKey(early.sources);
      this.#started = true;
    }
    // The player's code for WebRTC and hls.js downloads while the room's connection opens, not after the
    // room said which stream to play (with `src`, only HLS can play).
    if (this.autoplay) MediaController.preload(transportsToPreload(this.src));
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#mediaAttached?.detach();
    this.#mediaAttached = null;
    this.#media?.stop();
    this.#media = null;
    this.#playingUrl = null;
    this.#owned?.dispose();
    this.#owned = null;
    this.#ownedKey = '';
  }

  /**
   * The shadow root (the early start's, when there was one) with the video first in it; lit renders the template
   * after the video rather than around it, because a video playing since before the player was defined must not
   * move: taking it out of the document, even to put it back, can pause it.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.#videoElement ??= createPlayerVideo();
    if (this.#videoElement.parentNode !== root) root.prepend(this.#videoElement);
    this.renderOptions.renderBefore = null;
    return root;
  }

  private get video(): HTMLVideoElement | null {
    return this.#videoElement;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#syncVideo(changed);
    if (['server', 'room', 'token', 'name', 'client'].some((key) => changed.has(key))) this.#syncClient();
    this.#syncCommerce(changed);
    // Floating (by the toggle or the attribute): the handle renders once its module is here.
    if (this.miniplayer) void this.#miniplayer.load();
    // Before render (once the video exists): the stream starts while this update renders the room's snapshot.
    this.#syncMedia();
    const status = this.#mediaState.value?.status;
    if (!this.autoplay || status === 'playing' || status === 'error') this.#mediaFirst.release();
    if (this.#mediaState.value?.muted && !this.#forcedMuteSeen) {
      // The browser refused autoplay with sound and the core muted the video: offer the unmute button.
      this.#forcedMuteSeen = true;
      this.muted = true;
    }
    const open = this.#sheetProduct() !== null;
    const active = (this.renderRoot as ShadowRoot).activeElement?.localName;
    // Give focus back (to the buy button or the bag button) only if it was inside the panel being removed.
    if (this.#sheetWasOpen && !open && active === 'quick-checkout') this.#restoreFocus = this.#returnFocusTo;
    if (this.#shelfWasOpen && !this.shelfOpen && active === 'live-shop-shelf' && !open) this.#restoreFocus = 'shelf-button';
  }

  override render() {
    const t = messagesOf(this);
    const room = this.#room.value ?? null;
    const pinned = this.#pinned.value ?? null;
    const products = this.#products.value ?? [];
    const sheetProduct = this.#sheetProduct();
    const modal = sheetProduct !== null || this.shelfOpen;
    return html`
      ${this.#mediaFirst.held ? nothing : this.#overlay(t, room, pinned, products, modal)}
      ${this.shelfOpen && !sheetProduct
        ? html`<div class="sheet" @click=${this.#onShelfScrimClick}>
            <live-shop-shelf
              part="shelf"
              modal
              .client=${this.client}
              .locale=${this.lang || null}
              @live-shop-shelf-toggle=${this.#onShelfToggle}
              @live-shop-product-buy=${this.#onBuy}
            ></live-shop-shelf>
          </div>`
        : nothing}
      ${sheetProduct
        ? html`<div class="sheet" @click=${this.#onScrimClick}>
            <quick-checkout part="checkout" .client=${this.client} .locale=${this.lang || null} .product=${sheetProduct}></quick-checkout>
          </div>`
        : nothing}
    `;
  }

  /** Everything over the video: controls, status, chat, the pinned card, reactions, the bag button. */
  #overlay(t: Messages, room: RoomInfo | null, pinned: Product | null, products: readonly Product[], modal: boolean) {
    return html`
      <div part="overlay" ?inert=${modal}>
        ${this.miniplayer ? (this.#miniplayer.value?.renderHandle(t) ?? nothing) : nothing}
        <div class="top">
          ${room ? this.#badge(room, t) : nothing}
          ${renderControls(
            {
              paused: !this.#started && !this.autoplay ? true : this.#videoState.paused,
              muted: this.muted,
              volume: this.#videoState.volume,
              fullscreen: this.#videoState.fullscreen,
              canFullscreen: this.#videoState.canFullscreen,
              pictureInPicture: this.#videoState.pictureInPicture,
              canPictureInPicture: this.#videoState.canPictureInPicture,
              miniplayer: this.miniplayer,
              // Best first, as video sites list them.
              qualities: [...(this.#quality.value?.levels ?? [])]
                .sort((a, b) => b.height - a.height || b.bitrate - a.bitrate)
                .map((level) => ({ index: level.index, label: level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kbps` })),
              quality: this.#quality.value?.selected ?? -1,
            },
            this.#controlActions,
            t,
          )}
          ${this.#status(t)}
        </div>
        ${!this.#started && !this.autoplay
          ? html`<button part="play-button" type="button" aria-label=${t.play} @click=${this.#onPlay}>${bigPlayIcon}</button>`
          : this.muted
            ? html`<button part="unmute-button" type="button" @click=${this.#onUnmute}>${mutedIcon} ${t.unmute}</button>`
            : nothing}
        <div class="bottom">
          <live-shop-notices part="notices" .client=${this.client} .locale=${this.lang || null}></live-shop-notices>
          <live-shop-chat part="chat" mode=${this.chatMode} .client=${this.client} .locale=${this.lang || null}></live-shop-chat>
          ${renderFlashSaleBanner(this.client, this.lang || null)}
          ${pinned && this.#hydrated(pinned)
            ? keyed(
                pinned.id,
                html`<product-card
                  part="card"
                  .locale=${this.lang || null}
                  .product=${this.#withOverride(this.#withImage(pinned))}
                  .stock=${this.#stockWithOverride(pinned)}
                  @live-shop-product-buy=${this.#onBuy}
                ></product-card>`,
              )
            : nothing}
        </div>
        <live-shop-reactions part="reactions" .client=${this.client} .locale=${this.lang || null}></live-shop-reactions>
        ${renderEngagementOverlay(this.client, this.lang || null)}
        <button
          part="shelf-button"
          type="button"
          aria-label=${t.openShelf(products.length)}
          aria-haspopup="dialog"
          aria-expanded=${this.shelfOpen ? 'true' : 'false'}
          @click=${this.#onShelfButton}
        >
          ${bagIcon}<span part="shelf-count" aria-hidden="true">${products.length}</span>
        </button>
      </div>
    `;
  }

  protected override updated(): void {
    this.#syncMedia();
    const open = this.#sheetProduct() !== null;
    const shelfShown = this.shelfOpen && !open;
    if (open && !this.#sheetWasOpen) {
      const sheet = this.sheet;
      void sheet?.updateComplete.then(() => sheet.focus());
    } else if (shelfShown && !this.#shelfWasOpen) {
      const shelf = this.shelf;
      void shelf?.updateComplete.then(() => shelf.focus());
    } else if (!open && !shelfShown && this.#restoreFocus) {
      const target = this.#restoreFocus === 'card' ? this.card : this.shelfButton;
      this.#restoreFocus = null;
      (target ?? this.shelfButton)?.focus();
    }
    // After the tap that opened the sheet (its user activation still counts), or once it closed.
    if (open !== this.#sheetWasOpen) {
      const pip = this.#sheetPip;
      void pip.load().then(() => pip.value?.[open ? 'sheetOpening' : 'sheetClosed']());
    }
    this.#sheetWasOpen = open;
    this.#shelfWasOpen = shelfShown;
  }

  #badge(room: RoomInfo, t: Messages) {
    const text = room.status === 'live' ? t.live : room.status === 'scheduled' ? t.scheduled : t.ended;
    const latencyMs = room.status === 'live' ? (this.#mediaState.value?.latencyMs ?? null) : null;
    return html`<span part="live-badge" class=${room.status}>${text}</span>${latencyMs !== null && latencyMs >= 0
        ? html`<span part="latency">${t.latency((latencyMs / 1000).toFixed(1))}</span>`
        : nothing}${this.#viewers(t)}`;
  }

  #viewers(t: Messages) {
    const count = this.#viewerCount.value;
    if (count === null || count === undefined) return nothing;
    return html`<span part="viewer-count">${t.viewers(countFormat(t.locale).format(count))}</span>`;
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

  /**
   * The product the checkout sheet is open for, or null when it is closed — or while `<quick-checkout>` is
   * still loading (it is not in the script-tag entry): the sheet shows once it is defined.
   */
  #sheetProduct(): Product | null {
    const state = this.#checkout.value;
    if (!state || state.step === 'closed') return null;
    if (!this.#checkoutPart.ready) {
      void this.#checkoutPart.load();
      return null;
    }
    return this.#products.value?.find((product) => product.id === state.productId) ?? null;
  }

  /** The product with its media URLs resolved against the server (memoised, so the card does not re-render). */
  #withImage(product: Product): Product {
    let resolved = this.#resolved.get(product);
    if (!resolved) {
      const client = this.client;
      resolved = client ? resolveProductMedia(product, (url) => client.resolveUrl(url)) : product;
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
    const { server, room } = this;
    if (!server || !room) return;
    if (this.src && this.#mediaFirst.held) {
      // With `src` the stream needs nothing from the room: the client (its stores, its connection, the snapshot)
      // is made once the first frame is on screen, so none of it shares the main thread with the first segment.
      this.#mediaFirst.afterRelease(() => {
        if (this.#ownedKey === key && !this.#owned && !this.#external) this.#createOwned(server, room);
      });
      return;
    }
    this.#createOwned(server, room);
  }

  /** Makes and connects the player's own client from its attributes (a bad one shows in the status banner). */
  #createOwned(server: string, room: string): void {
    try {
      this.#owned = new LiveShopClient({
        server,
        room,
        ...(this.token ? { token: this.token } : {}),
        ...(this.name ? { name: this.name } : {}),
      });
      this.#owned.connect();
      this.requestUpdate();
    } catch (error) {
      // Bad attributes: shown in the status banner, nothing is connected.
      this.#setupError = error instanceof LiveShopError ? error : new LiveShopError('invalid', String(error), { cause: error });
    }
  }

  /** Hands the room's payment adapter and the DOM cart bridge to the client; fetches the merchant's overrides. */
  #syncCommerce(changed: PropertyValues): void {
    const client = this.client;
    if (!client) return;
    // The player's own setting wins; an external client keeps what its owner gave it unless the player has one.
    if (this.payment && (changed.has('payment') || changed.has('client') || client.payment !== this.payment)) client.setPayment(this.payment);
    if (!client.cart) client.setCart(domCartBridge(this, () => this.hydrate));
    if (changed.has('hydrate')) this.overrides = new Map();
  }

  /** Whether the merchant's overrides of `product` are known (or there is no hook); starts asking when not. */
  #hydrated(product: Product): boolean {
    const cart = this.client?.cart;
    if (!this.hydrate || !cart?.hydrate || this.overrides.has(product.id)) return true;
    if (!this.#hydrating.has(product.id)) {
      this.#hydrating.add(product.id);
      Promise.resolve(cart.hydrate(product))
        .catch((error: unknown) => {
          console.warn('live-shop: hydrate failed; showing the room\'s own figures', error);
          return null;
        })
        .then((override) => {
          this.#hydrating.delete(product.id);
          this.overrides = new Map(this.overrides).set(product.id, override ?? null);
        });
    }
    return false;
  }

  #withOverride(product: Product): Product {
    return applyOverride(product, this.overrides.get(product.id));
  }

  #stockWithOverride(product: Product): number | null {
    const override = this.overrides.get(product.id);
    const units = unitsLeftOf(product, this.#stock.value);
    if (!override?.variants) return units;
    const stock = this.#stock.value ?? {};
    let total: number | null = null;
    for (const variant of product.variants) {
      const left = stockWithOverride(stock[variant.id] ?? null, override, variant.id);
      if (left !== null) total = (total ?? 0) + left;
    }
    return total ?? units;
  }

  /** Keeps the video's autoplay, muted and label in step with the player (the template cannot: the video is not in it). */
  #syncVideo(changed: PropertyValues): void {
    const video = this.#videoElement;
    if (!video) return;
    if (changed.has('autoplay')) video.autoplay = this.autoplay;
    if (changed.has('muted')) video.muted = this.muted;
    const label = this.#room.value?.title || messagesOf(this).videoLabel;
    if (video.getAttribute('aria-label') !== label) video.setAttribute('aria-label', label);
  }

  #syncMedia(): void {
    const video = this.video;
    if (!video || !this.isConnected) return;
    if (!this.#media) {
      this.#media = new MediaController(video);
      // The media store exists only now: render once more to follow it.
      this.requestUpdate();
    }
    const client = this.client;
    // The client reports this video's latency (fair flash sales) and aligns events with its picture.
    if (client && (this.#mediaAttached?.client !== client || this.#mediaAttached.media !== this.#media)) {
      this.#mediaAttached?.detach();
      this.#mediaAttached = { client, media: this.#media, detach: client.attachMedia(this.#media) };
    }
    if (!this.autoplay && !this.#started) return;
    // A room's player before the room's snapshot: nothing to decide yet (the early start may play its stream already).
    if (!this.src && this.client && !this.#room.value) return;
    // `src` overrides the room's stream; either way the URL is resolved against the server.
    const hls = this.src || this.#room.value?.hls;
    const url = hls ? this.#resolve(hls) : null;
    // Sub-second WebRTC first when the room has a WHEP endpoint (and no `src` override), HLS as fallback.
    const whepPath = this.src ? null : this.#room.value?.whep;
    const whep = whepPath && this.client ? this.client.resolveUrl(whepPath) : null;
    const sources: MediaSourceConfig[] = [...(whep ? [{ type: 'whep' as const, url: whep }] : []), ...(url ? [{ type: 'hls' as const, url }] : [])];
    // Nothing to play (the room has no stream, or the player could not be set up): nothing to wait for.
    if (sources.length === 0 && (this.#room.value || !this.client)) this.#mediaFirst.release();
    const key = sourcesKey(sources);
    if (key === this.#playingUrl) return;
    // The host's WebRTC went away (`room.media`) and the controller already fell back to this same HLS
    // source on its own when the session dropped: keep playing instead of starting HLS again.
    const media = this.#media.$media.get();
    const onHls = (media.transport === 'hls.js' || media.transport === 'native') && media.status !== 'error';
    if (!whep && url && onHls && this.#playingUrl?.endsWith(` ${url}`)) {
      this.#playingUrl = key;
      return;
    }
    this.#playingUrl = key;
    this.#started = true;
    this.#forcedMuteSeen = false;
    if (sources.length > 0) void this.#media.play(sources);
    else this.#media.stop();
  }

  /** A path the server serves, resolved against it (by the client, or before there is one: `src` plays first). */
  #resolve(path: string): string {
    if (this.client) return this.client.resolveUrl(path);
    try {
      return resolvePlayerSrc(this.server, path);
    } catch {
      // A bad `server`: its client shows the problem in the status banner once it is made.
      return path;
    }
  }

  #onBuy = (event: CustomEvent<ProductBuyDetail>): void => {
    const { productId } = event.detail;
    const source = event.detail.source ?? (event.target === this.card ? 'card' : null);
    if (this.shelfOpen) this.shelf?.close('buy');
    // A merchant who cancels `live-shop-checkout` runs its own checkout: the player opens nothing.
    if (!emit(this, 'live-shop-checkout', { productId, source }, { cancelable: true })) return;
    this.#returnFocusTo = source === 'shelf' ? 'shelf-button' : 'card';
    this.client?.checkout.open(productId);
  };

  /** Opens the shopping bag, or closes it when open. */
  toggleShelf(open = !this.shelfOpen): void {
    if (open === this.shelfOpen) return;
    if (open && !this.#shelfPart.ready) {
      // `<live-shop-shelf>` is not in the script-tag entry: open once its code is here.
      void this.#shelfPart.load().then(() => this.#shelfPart.ready && this.toggleShelf(true));
      return;
    }
    if (open) {
      this.shelfOpen = true;
      emit(this, 'live-shop-shelf-toggle', { open: true });
    } else if (this.shelf) {
      this.shelf.close('toggle');
    } else {
      this.shelfOpen = false;
    }
  }

  #onShelfButton = (): void => this.toggleShelf();

  #onShelfToggle = (event: CustomEvent<ShelfToggleDetail>): void => {
    if (!event.detail.open) this.shelfOpen = false;
  };

  #onShelfScrimClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.shelf?.close('scrim');
  };

  #onScrimClick = (event: MouseEvent): void => {
    // A tap on the dimmed video above the sheet closes it, as bottom sheets do.
    if (event.target === event.currentTarget) this.sheet?.close('scrim');
  };

  readonly #controlActions: ControlsActions = {
    togglePlay: () => this.#togglePlay(),
    toggleMute: () => (this.muted ? this.#onUnmute() : this.#mute()),
    setVolume: (volume) => this.#setVolume(volume),
    toggleFullscreen: () => this.#toggleFullscreen(),
    togglePictureInPicture: () => this.#togglePictureInPicture(),
    toggleMiniplayer: () => this.toggleMiniplayer(),
    setQuality: (index) => this.#media?.setQuality(index),
  };

  /** Starts or stops floating in a corner of the page (leaves full screen first). */
  toggleMiniplayer(on = !this.miniplayer): void {
    if (on === this.miniplayer) return;
    if (on && this.#videoState.fullscreen) document.exitFullscreen().catch(() => undefined);
    this.miniplayer = on;
    emit(this, 'live-shop-miniplayer-toggle', { miniplayer: on });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    // The open sheet or shelf has the keyboard (its own Escape and Tab).
    if (this.#sheetProduct() !== null || this.shelfOpen) return;
    const action = shortcutFor(event);
    if (!action) return;
    event.preventDefault();
    if (action === 'toggle-play') this.#togglePlay();
    else if (action === 'toggle-mute') this.#controlActions.toggleMute();
    else this.#toggleFullscreen();
  };

  #togglePlay(): void {
    const video = this.video;
    if (!this.#started && !this.autoplay) {
      this.#onPlay();
    } else if (video?.paused) {
      video.play().catch((error: unknown) => {
        // AbortError: a pause (the viewer's next key press) overtook this play; nothing went wrong.
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('live-shop: the browser refused to play', error);
      });
    } else {
      video?.pause();
    }
    // Show the new state at once; the media events confirm it right after.
    this.requestUpdate();
  }

  #mute(): void {
    this.muted = true;
    if (this.video) this.video.muted = true;
  }

  #setVolume(volume: number): void {
    const video = this.video;
    if (!video || !Number.isFinite(volume)) return;
    video.volume = Math.min(Math.max(volume, 0), 1);
    // Moving the slider up means "I want sound"; down to zero means mute, as on every player.
    if (volume > 0 && this.muted) this.#onUnmute();
    else if (volume === 0 && !this.muted) this.#mute();
  }

  #toggleFullscreen(): void {
    if (!this.#videoState.canFullscreen) return;
    const request = this.#videoState.fullscreen ? document.exitFullscreen() : this.requestFullscreen();
    request.catch((error: unknown) => console.warn('live-shop: full screen was refused', error));
  }

  #togglePictureInPicture(): void {
    const video = this.video;
    if (!video || !this.#videoState.canPictureInPicture) return;
    const request = this.#videoState.pictureInPicture ? document.exitPictureInPicture() : video.requestPictureInPicture();
    request.catch((error: unknown) => console.warn('live-shop: picture-in-picture was refused', error));
  }

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
