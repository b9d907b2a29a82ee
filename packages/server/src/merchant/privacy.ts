import type { ErasureReceipt } from '@live-shop/protocol';
import type { DomainContext } from '../rooms/context.js';

/**
 * Delete-my-data: erases the name, phone and address of every order of the viewer (token subject
 * `viewerId`) in every room, keeping amounts and status for the accounts, and records that it happened
 * (when, through which channel, how many orders; not who). Repeating it erases nothing more (0 orders).
 */
export function eraseViewerData(ctx: DomainContext, viewerId: string, via: 'viewer' | 'merchant'): Promise<ErasureReceipt> {
  return ctx.store.eraseCustomerData(viewerId, via, ctx.now());
}
