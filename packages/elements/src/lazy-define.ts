/**
 * Registers a tag on first sight: the element's code is imported only when the tag appears in the
 * document (at load or inserted later), the way Shoelace's autoloader works. Keeps rarely used
 * elements (the 360° and 3D views) out of the script-tag entry's initial download.
 *
 * Only the document's light DOM is watched: code that renders such a tag into its own shadow root
 * (as `<product-card>` does) imports the element itself, and npm users call its `define*` function.
 */
const pending = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | null = null;

function discover(root: Document | Element): void {
  for (const [tag, load] of pending) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      pending.delete(tag);
      load().catch((error: unknown) => console.warn(`live-shop: could not load <${tag}>`, error));
    }
  }
  if (pending.size === 0) {
    observer?.disconnect();
    observer = null;
  }
}

/** Imports `load` (which must register `tag`) once `<tag>` is in the document. A no-op without a DOM. */
export function defineLazily(tag: string, load: () => Promise<unknown>): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined' || customElements.get(tag)) return;
  pending.set(tag, load);
  if (!observer) {
    observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    });
    observer.observe(document, { childList: true, subtree: true });
  }
  discover(document);
}
