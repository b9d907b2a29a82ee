import type { Logger } from '../logger.js';
import { postChat } from '../rooms/chat.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { pinProduct } from '../rooms/pins.js';

/** A running autopilot; `stop()` clears its timer and waits for a step in progress. */
export interface Autopilot {
  stop(): Promise<void>;
}

const HOST: Actor = { role: 'host', name: '主播小鹿 Lulu', subject: 'autopilot' };

const LINES: readonly ((name: string) => string)[] = [
  (name) => `现在上架：${name}！点卡片就能下单 · Now showing — tap the card to buy`,
  (name) => `${name}，库存有限，手慢无 · Limited stock, don't miss it`,
  (name) => `喜欢 ${name} 的扣 1 · Type 1 if you like it`,
];

/**
 * A pretend host for the demo: pins the next product right away and then every `intervalMs`, and says
 * a line about it in chat. It goes through the same domain functions as a real host's commands.
 */
export function startAutopilot(
  ctx: DomainContext,
  options: { roomId: string; intervalMs: number; logger: Logger },
): Autopilot {
  const { roomId, intervalMs, logger } = options;
  let turn = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function step(): Promise<void> {
    const products = await ctx.store.listProducts(roomId);
    if (products.length === 0) return;
    const pinned = await ctx.store.getPinned(roomId);
    const current = products.findIndex((product) => product.id === pinned?.productId);
    const next = products[(current + 1) % products.length];
    if (!next || stopped) return;
    await pinProduct(ctx, roomId, HOST, next.id);
    const line = LINES[turn++ % LINES.length];
    if (line) await postChat(ctx, roomId, HOST, line(next.name.split(' ')[0] ?? next.name));
  }

  function tick(): void {
    // Steps never overlap: a slow step delays the next one instead of racing it.
    running = running.then(step).catch((error: unknown) => logger.error('autopilot step failed', { roomId, error }));
  }

  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
