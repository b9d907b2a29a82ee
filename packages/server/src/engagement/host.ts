import { LiveShopServerError } from '../errors.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { randomBytes } from 'node:crypto';

/** Throws `forbidden` unless the actor is the host. */
export function requireHost(actor: Actor, action: string): void {
  if (actor.role !== 'host') throw new LiveShopServerError('forbidden', `only the host can ${action}`);
}

/** Throws `not_found` unless the room exists. */
export async function requireRoom(ctx: DomainContext, roomId: string): Promise<void> {
  if (!(await ctx.store.getRoom(roomId))) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
}

/** A fresh random id with a prefix naming its kind (`p_` poll, `l_` lottery, …). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
