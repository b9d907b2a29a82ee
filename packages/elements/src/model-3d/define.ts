import { LiveShopModel3d } from './live-shop-model-3d.js';

/** Registers `<live-shop-model-3d>` unless the page already has one (model-viewer itself loads later, when shown). */
export function defineLiveShopModel3d(): void {
  // No DOM (a server rendering the page): nothing to register.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('live-shop-model-3d')) customElements.define('live-shop-model-3d', LiveShopModel3d);
}

export { LiveShopModel3d, type Model3dStatus } from './live-shop-model-3d.js';
export { loadModelViewer } from './load-model-viewer.js';
