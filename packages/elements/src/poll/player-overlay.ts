import { css, html } from 'lit';
import type { LiveShopClient } from '@live-shop/core';

const watched = new WeakSet<LiveShopClient>();

/**
 * Imports the engagement elements the first time `client`'s room has a poll, lottery, rain or countdown (from the
 * snapshot or an event), so a room that never runs one never downloads their code. The tags are already in the
 * player's shadow root; they upgrade when defined, keeping the `client` set on them before.
 */
function loadWhenNeeded(client: LiveShopClient): void {
  if (watched.has(client) || typeof customElements === 'undefined') return;
  watched.add(client);
  const stores = [client.$poll, client.$lottery, client.$redEnvelope, client.$countdown];
  const stops: (() => void)[] = [];
  let loaded = false;
  const check = (): void => {
    if (loaded || !stores.some((store) => store.get() !== null)) return;
    loaded = true;
    queueMicrotask(() => stops.forEach((stop) => stop()));
    import('./engagement-define.js')
      .then((module) => module.defineEngagementElements())
      .catch((error: unknown) => console.warn('live-shop: could not load the poll, lottery, red-envelope and countdown elements', error));
  };
  for (const store of stores) stops.push(store.listen(check));
  check();
}

/**
 * How `<live-shop-player>` composes the engagement elements over the video: a column under the top bar with the
 * host's countdown, the poll and the lottery (each shows nothing when the room has none), and the red-envelope
 * rain over the whole overlay. Their code loads on first need (see `loadWhenNeeded`). Kept here, beside the
 * elements, so the player file only places it.
 */
export function renderEngagementOverlay(client: LiveShopClient | null, locale: string | null) {
  if (client) loadWhenNeeded(client);
  return html`
    <div part="engagement" class="engagement">
      <live-shop-countdown part="countdown" .client=${client} .locale=${locale}></live-shop-countdown>
      <live-shop-poll part="poll" .client=${client} .locale=${locale}></live-shop-poll>
      <live-shop-lottery part="lottery" .client=${client} .locale=${locale}></live-shop-lottery>
    </div>
    <live-shop-red-envelope part="red-envelope" .client=${client} .locale=${locale}></live-shop-red-envelope>
  `;
}

/** The player's styles for {@link renderEngagementOverlay}. */
export const engagementOverlayStyles = css`
  .engagement {
    position: absolute;
    inset-block-start: var(--live-shop-engagement-top, 56px);
    inset-inline-start: 12px;
    inline-size: min(var(--live-shop-engagement-width, 280px), calc(100% - 80px));
    display: grid;
    gap: 8px;
    justify-items: start;
    pointer-events: none;
  }
  .engagement > * {
    pointer-events: auto;
    max-inline-size: 100%;
  }
  .engagement > live-shop-poll,
  .engagement > live-shop-lottery {
    inline-size: 100%;
  }
  [part='red-envelope'] {
    position: absolute;
    inset: 0 0 var(--live-shop-red-envelope-bottom, 120px) 0;
    z-index: 2;
  }
`;
