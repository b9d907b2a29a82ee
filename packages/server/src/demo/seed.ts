import { DEMO_SEED } from '../catalog/demo-products.js';
import type { Store } from '../store/store.js';

/** Names of the seeds the CLI knows. */
export type SeedName = 'demo';

/**
 * Writes the demo room and catalogue if they are missing. Idempotent: a restart with `--seed demo`
 * keeps existing stock, orders and events.
 */
export async function seed(store: Store, name: SeedName): Promise<void> {
  switch (name) {
    case 'demo':
      await store.seedRoom(DEMO_SEED);
      return;
  }
}
