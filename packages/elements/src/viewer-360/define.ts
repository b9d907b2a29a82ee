import { LiveShopViewer360 } from './live-shop-viewer-360.js';

/** Registers `<live-shop-viewer-360>` unless the page already has one. */
export function defineLiveShopViewer360(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-viewer-360')) customElements.define('live-shop-viewer-360', LiveShopViewer360);
}

export { LiveShopViewer360, stepFrame, clampZoom, MIN_ZOOM, MAX_ZOOM } from './live-shop-viewer-360.js';
