import { html } from 'lit';
import type { LiveShopClient } from '@live-shop/core';

const watched = new WeakSet<LiveShopClient>();

/**
 * Imports `<live-shop-flash-sale>` the first time `client`'s room has a flash sale (from the snapshot or an
 * event), so a room that never runs one never downloads its code. The tag is already in the player's shadow
 * root; it upgrades when defined, keeping the `client` set on it before.
 */
function loadWhenNeeded(client: LiveShopClient): void {
  if (watched.has(client) || typeof customElements === 'undefined') return;
  watched.add(client);
  let stop: () => void = () => {};
  const check = (): void => {
    if (client.$flashSale.get() === null) return;
    queueMicrotask(() => stop());
    if (customElements.get('live-shop-flash-sale')) return;
    import('./define.js')
      .then((module) => module.defineLiveShopFlashSale())
      .catch((error: unknown) => console.warn('live-shop: could not load the flash-sale banner', error));
  };
  stop = client.$flashSale.listen(check);
  check();
}

/** How `<live-shop-player>` places the flash-sale banner (it shows nothing while the room has no sale). */
export function renderFlashSaleBanner(client: LiveShopClient | null, locale: string | null) {
  if (client) loadWhenNeeded(client);
  return html`<live-shop-flash-sale part="flash-sale" .client=${client} .locale=${locale}></live-shop-flash-sale>`;
}
