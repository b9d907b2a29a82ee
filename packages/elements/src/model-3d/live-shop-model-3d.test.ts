import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { part, serverUrl } from '../test/helpers.js';
import { defineLiveShopModel3d } from './define.js';
import type { LiveShopModel3d } from './live-shop-model-3d.js';

defineLiveShopModel3d();

/** Every script the page fetched from @google/model-viewer or three so far. */
function viewerScripts(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('@google/model-viewer') || name.includes('/three/'));
}

describe('<live-shop-model-3d>', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent): void => void errors.push('reason' in event ? event.reason : event.error);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('loads model-viewer only when a model is asked for, then shows it (no AR button without AR)', async () => {
    // The element is registered and on the page, but nothing of model-viewer or three.js is fetched yet.
    const el = await fixture<LiveShopModel3d>(html`<live-shop-model-3d lang="en" label="Teacup"></live-shop-model-3d>`);
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(customElements.get('model-viewer')).to.equal(undefined);
    expect(viewerScripts()).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('model-viewer')).to.equal(null);

    // Asked for: it loads.
    const glb = `${serverUrl()}/static/products/tea-set/teacup.glb`;
    el.src = glb;
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('loading');
    expect(part(el, 'status').textContent).to.equal('Loading the 3D model…');
    await waitUntil(() => el.status === 'ready', `model-viewer did not load (status ${el.status})`, { timeout: 20_000 });
    await el.updateComplete;

    const ModelViewer = customElements.get('model-viewer');
    expect(ModelViewer, 'model-viewer registered').to.not.equal(undefined);
    expect(viewerScripts().some((name) => name.includes('@google/model-viewer'))).to.equal(true);
    const viewer = part(el, 'viewer') as HTMLElement & { src: string | null; canActivateAR: boolean; cameraControls: boolean };
    expect(viewer).to.be.instanceOf(ModelViewer!);
    expect(viewer.src).to.equal(glb);
    expect(viewer.cameraControls).to.equal(true);
    expect(viewer.getAttribute('alt')).to.equal('3D model of Teacup');
    // Headless desktop Chromium has no AR: model-viewer says so, and there is no AR button.
    expect(viewer.canActivateAR).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="ar-button"]')).to.equal(null);
    expect(part(el, 'status').textContent).to.equal('');
    expect(errors).to.deep.equal([]);
    expect(el.error).to.equal(null);
    await expect(el).to.be.accessible({ ignoredRules: [] });
  });

  it('a second 3D view reuses the loaded viewer and speaks Chinese', async () => {
    const el = await fixture<LiveShopModel3d>(
      html`<live-shop-model-3d lang="zh-CN" label="茶杯" src=${`${serverUrl()}/static/products/tea-set/teacup.glb`}></live-shop-model-3d>`,
    );
    await waitUntil(() => el.status === 'ready', 'did not get ready', { timeout: 10_000 });
    await el.updateComplete;
    expect(part(el, 'viewer').getAttribute('alt')).to.equal('茶杯 的 3D 模型');
  });

  it('says so when the model cannot be loaded', async () => {
    const el = await fixture<LiveShopModel3d>(
      html`<live-shop-model-3d lang="en" label="Ghost" src=${`${serverUrl()}/static/products/no-such-model.glb`}></live-shop-model-3d>`,
    );
    await waitUntil(() => el.status === 'error', `a missing model did not fail (status ${el.status})`, { timeout: 20_000 });
    await el.updateComplete;
    expect(part(el, 'status').textContent).to.equal('The 3D model could not be shown');
    expect(el.error).to.not.equal(null);
  });
});
