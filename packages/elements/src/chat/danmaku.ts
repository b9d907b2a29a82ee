import type { ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '@live-shop/protocol';
import { DanmakuLanes } from './danmaku-lanes.js';

/** A comment on its way across the video. */
export interface Bullet {
  message: ChatMessage;
  lane: number;
  /** Its animation, once started (after the first render measured its width). */
  animation: Animation | null;
}

/** Most comments waiting for a free lane; in a flood the oldest waiting ones are dropped (the list keeps them all). */
export const MAX_WAITING = 30;
/** Least distance between two comments of one lane, px. */
const GAP_PX = 24;
/** A lane taken by a comment not measured yet stays taken until it is measured. */
const UNMEASURED = Number.MAX_SAFE_INTEGER;

/**
 * Drives the danmaku of `<live-shop-chat>`: picks up new messages (never the history present on the first
 * sync), waits for a free lane, and once a comment is rendered measures it and animates it across with the Web
 * Animations API (no inline styles: CSP-safe). A deleted message leaves the screen at once. Every timer and
 * animation ends in {@link Danmaku.clear}.
 */
export class Danmaku {
  bullets: readonly Bullet[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #layer: () => HTMLElement | null;
  #lanes = new DanmakuLanes(5, 120, GAP_PX);
  #config = { lanes: 5, speed: 120, enabled: false };
  #seen: Set<string> | null = null;
  /**
   * Server time of the first sync: only messages written after it fly. The first sync may come before the
   * welcome (an empty chat), and the snapshot then brings the room's history, which must not fly either.
   */
  #since: number | null = null;
  readonly #now: () => number;
  #waiting: ChatMessage[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** @param now - the server clock (e.g. `client.serverNow()`), to tell history from new messages. */
  constructor(host: ReactiveControllerHost, layer: () => HTMLElement | null, now: () => number = Date.now) {
    this.#host = host;
    this.#layer = layer;
    this.#now = now;
  }

  /** Applies the element's settings; switching off clears the screen. */
  configure(config: { lanes: number; speed: number; enabled: boolean }): void {
    const { lanes, speed, enabled } = config;
    if (lanes !== this.#config.lanes || speed !== this.#config.speed) {
      this.clear();
      this.#lanes = new DanmakuLanes(lanes, speed, GAP_PX);
    } else if (!enabled && this.#config.enabled) {
      this.clear();
    }
    this.#config = { lanes, speed, enabled };
  }

  /** Forgets what was seen (a new client): its history will not fly either. */
  reset(): void {
    this.clear();
    this.#seen = null;
    this.#since = null;
  }

  /** Takes the chat as it is now: queues new messages, drops deleted ones, fills free lanes. Call before render. */
  sync(messages: readonly ChatMessage[]): void {
    const ids = new Set(messages.map((m) => m.id));
    const seen = this.#seen;
    this.#seen = ids;
    this.#since ??= this.#now();
    if (seen === null) return; // the history present at start does not fly
    if (this.#config.enabled) {
      // A second of slack for clock estimates; older messages are history (a snapshot's), not new comments.
      const since = this.#since - 1_000;
      for (const message of messages) if (!seen.has(message.id) && message.at >= since) this.#waiting.push(message);
      if (this.#waiting.length > MAX_WAITING) this.#waiting.splice(0, this.#waiting.length - MAX_WAITING);
    }
    // A message gone from a list that still reaches back past it was deleted: take it off the screen.
    const oldest = messages[0]?.at ?? Infinity;
    const deleted = (m: ChatMessage) => !ids.has(m.id) && m.at >= oldest;
    this.#waiting = this.#waiting.filter((m) => !deleted(m));
    if (this.bullets.some((b) => deleted(b.message) || messages.length === 0)) {
      for (const bullet of this.bullets) if (deleted(bullet.message) || messages.length === 0) bullet.animation?.cancel();
      this.bullets = this.bullets.filter((b) => !deleted(b.message) && messages.length > 0);
    }
    this.#place();
  }

  /** Starts the animation of every comment rendered but not moving yet. Call after render. */
  launch(): void {
    const layer = this.#layer();
    if (!layer) return;
    layer.style.setProperty('--lanes', String(this.#lanes.count));
    const track = layer.clientWidth;
    const now = performance.now();
    for (const bullet of this.bullets) {
      if (bullet.animation) continue;
      const el = layer.querySelector<HTMLElement>(`[data-id="${CSS.escape(bullet.message.id)}"]`);
      if (!el) continue;
      const width = el.offsetWidth;
      el.style.setProperty('--lane', String(bullet.lane));
      const animation = el.animate([{ transform: 'translateX(0)' }, { transform: `translateX(${-(track + width)}px)` }], {
        duration: this.#lanes.durationMs(track, width),
        easing: 'linear',
        fill: 'forwards',
      });
      bullet.animation = animation;
      animation.addEventListener('finish', () => this.#remove(bullet));
      this.#lanes.occupy(bullet.lane, now, width);
    }
    this.#schedule();
  }

  /** Stops every animation and timer and empties the screen and the queue. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const bullet of this.bullets) bullet.animation?.cancel();
    this.bullets = [];
    this.#waiting = [];
    this.#lanes = new DanmakuLanes(this.#config.lanes, this.#config.speed, GAP_PX);
  }

  #place(): void {
    const now = performance.now();
    const placed: Bullet[] = [];
    while (this.#waiting.length > 0) {
      const lane = this.#lanes.pick(now);
      if (lane === null) break;
      const message = this.#waiting.shift()!;
      this.#lanes.occupy(lane, now, UNMEASURED);
      placed.push({ message, lane, animation: null });
    }
    if (placed.length > 0) this.bullets = [...this.bullets, ...placed];
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#waiting.length === 0) return;
    const wait = this.#lanes.nextFreeAt() - performance.now();
    if (!Number.isFinite(wait) || wait > 60_000) return; // a lane still unmeasured: launch() reschedules
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
    }, Math.max(0, wait));
  }

  #remove(bullet: Bullet): void {
    if (!this.bullets.includes(bullet)) return;
    this.bullets = this.bullets.filter((b) => b !== bullet);
    this.#host.requestUpdate();
  }
}
