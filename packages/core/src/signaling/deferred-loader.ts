import { LiveShopError } from '../errors.js';

/** The module of what a client needs only once it talks (deferred.ts). */
export type Deferred = typeof import('./deferred.js');

let deferred: Promise<Deferred> | null = null;
let deferredLoaded: Deferred | null = null;

/**
 * The checks of outgoing commands, the checkout's steps and the engagement actions, imported once per page by a
 * dynamic import: the connection starts it when it connects, and anything that needs it first waits for the same
 * promise, so what waits goes on in the order it asked. A failed import is forgotten, so the next call tries again
 * (and reports its own failure).
 */
export function loadDeferred(): Promise<Deferred> {
  deferred ??= import('./deferred.js').then(
    (module) => (deferredLoaded = module),
    (cause: unknown) => {
      deferred = null;
      throw new LiveShopError('network', 'could not load the rest of the live-shop client', { cause });
    },
  );
  return deferred;
}

/** The module once its import finished (then everything runs in the task that asks, without waiting), else null. */
export function loadedDeferred(): Deferred | null {
  return deferredLoaded;
}
