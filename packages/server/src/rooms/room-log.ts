import type { RoomEvent, RoomEventBody } from '@live-shop/protocol';
import type { Bus } from '../bus/bus.js';
import type { Store } from '../store/store.js';

/** Builds an event body once its server time is known; may read current state (e.g. stock). */
export type EventBuilder = (at: number) => RoomEventBody | Promise<RoomEventBody>;

/**
 * The ordered log of a room: every event gets the room's next `seq` and the server time `at`,
 * is persisted, then published on the bus.
 *
 * Appends to one room run one at a time, so events are published in seq order and a builder that
 * reads state (the units left of a variant) sees the state as of its own seq, never an older one.
 */
export class RoomLog {
  readonly #store: Store;
  readonly #bus: Bus;
  readonly #now: () => number;
  readonly #tails = new Map<string, Promise<void>>();
  readonly #lastAt = new Map<string, number>();

  constructor(store: Store, bus: Bus, now: () => number) {
    this.#store = store;
    this.#bus = bus;
    this.#now = now;
  }

  /** Appends an event to the room and publishes it. Resolves with the stored event. */
  append(roomId: string, build: EventBuilder): Promise<RoomEvent> {
    const previous = this.#tails.get(roomId) ?? Promise.resolve();
    const run = previous.then(async () => {
      // `at` never goes backwards within a room, even if the wall clock is stepped back.
      const at = Math.max(this.#now(), this.#lastAt.get(roomId) ?? 0);
      const event = await this.#store.appendEvent(roomId, at, await build(at));
      this.#lastAt.set(roomId, at);
      await this.#bus.publish(roomId, event);
      return event;
    });
    // The queue continues after a failure; the failure itself goes to the caller of this append.
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(roomId, tail);
    void tail.then(() => {
      if (this.#tails.get(roomId) === tail) this.#tails.delete(roomId);
    });
    return run;
  }

  /** Resolves when every append started so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.#tails.values()]);
  }
}
