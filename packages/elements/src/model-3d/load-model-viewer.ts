/**
 * Loads `@google/model-viewer` (and three.js under it) the first time a 3D view is shown. It is the
 * only way into that code: a dynamic import, so bundlers split it into a chunk that the script-tag
 * entry never downloads up front. Returns the same promise on every call.
 */
let loading: Promise<void> | null = null;

export function loadModelViewer(): Promise<void> {
  loading ??= import('@google/model-viewer').then(
    () => undefined,
    (error: unknown) => {
      // Let a later 3D view try again (a flaky network), rather than caching the failure forever.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True once `<model-viewer>` is registered on the page (by us or by the merchant). */
export function modelViewerDefined(): boolean {
  return typeof customElements !== 'undefined' && customElements.get('model-viewer') !== undefined;
}
