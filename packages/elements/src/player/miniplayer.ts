import { html, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Messages } from '../i18n/locale.js';

/** A corner of the viewport, in logical terms (block: top/bottom; inline: start/end of the writing direction). */
export interface MiniplayerDock {
  block: 'start' | 'end';
  inline: 'start' | 'end';
}

/** The `miniplayer-dock` attribute value of a dock: `"<block>-<inline>"`, e.g. `end-end` (bottom right in LTR). */
export function dockAttribute(dock: MiniplayerDock): string {
  return `${dock.block}-${dock.inline}`;
}

/** Parses a `miniplayer-dock` value; anything else is the default bottom/end corner. */
export function parseDock(value: string | null | undefined): MiniplayerDock {
  const [block, inline] = (value ?? '').split('-');
  return { block: block === 'start' ? 'start' : 'end', inline: inline === 'start' ? 'start' : 'end' };
}

/**
 * The corner nearest to a point of the viewport. `rtl` flips the inline side: in a right-to-left page
 * the inline start is on the right.
 */
export function nearestDock(x: number, y: number, width: number, height: number, rtl: boolean): MiniplayerDock {
  const left = x < width / 2;
  return { block: y < height / 2 ? 'start' : 'end', inline: left !== rtl ? 'start' : 'end' };
}

/** The dock an arrow key moves to from `dock` (left/right mirrored in RTL), or null for other keys. */
export function dockForKey(dock: MiniplayerDock, key: string, rtl: boolean): MiniplayerDock | null {
  switch (key) {
    case 'ArrowUp':
      return { ...dock, block: 'start' };
    case 'ArrowDown':
      return { ...dock, block: 'end' };
    case 'ArrowLeft':
      return { ...dock, inline: rtl ? 'end' : 'start' };
    case 'ArrowRight':
      return { ...dock, inline: rtl ? 'start' : 'end' };
    default:
      return null;
  }
}

type Host = ReactiveControllerHost & HTMLElement & { miniplayerDock: string };

/**
 * Moves the floating miniplayer: drag its handle with a pointer (it follows, then docks to the
 * nearest corner on release), or focus the handle and use the arrow keys (one corner per press).
 * The player itself is `position: fixed` in the corner (see the styles), so it stays in view while
 * the page scrolls, with no iframe.
 *
 * Not in the script-tag entry: the player imports this module the first time it floats (or when the page
 * is idle) and renders the handle once it is here (see `LazyValue`); the toggle's icon is in icons.ts.
 */
export class MiniplayerController implements ReactiveController {
  readonly #host: Host;
  #drag: { id: number; x: number; y: number } | null = null;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#endDrag();
  }

  get dock(): MiniplayerDock {
    return parseDock(this.#host.miniplayerDock);
  }

  /** Docks to `dock` (reflected as the host's `miniplayer-dock`). */
  moveTo(dock: MiniplayerDock): void {
    this.#host.miniplayerDock = dockAttribute(dock);
  }

  /** The drag handle with its keyboard and pointer handling. */
  renderHandle(t: Messages) {
    return html`<button
      part="miniplayer-handle"
      type="button"
      aria-label=${t.moveMiniplayer}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerCancel}
      @keydown=${this.#onKeydown}
    >
      ${gripIcon}
    </button>`;
  }

  #rtl(): boolean {
    return getComputedStyle(this.#host).direction === 'rtl';
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const next = dockForKey(this.dock, event.key, this.#rtl());
    if (!next) return;
    event.preventDefault();
    // Not a player shortcut: the arrow keys belong to the handle here.
    event.stopPropagation();
    this.moveTo(next);
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    try {
      handle.setPointerCapture(event.pointerId);
    } catch {
      // A synthetic pointer: moves still arrive while it is over the handle.
    }
    this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    this.#host.toggleAttribute('miniplayer-dragging', true);
  };

  #onPointerMove = (event: PointerEvent): void => {
    if (this.#drag?.id !== event.pointerId) return;
    // The CSS `translate` property composes with the docked position: the player follows the pointer.
    this.#host.style.translate = `${event.clientX - this.#drag.x}px ${event.clientY - this.#drag.y}px`;
  };

  #onPointerUp = (event: PointerEvent): void => {
    if (this.#drag?.id !== event.pointerId) return;
    const box = this.#host.getBoundingClientRect();
    const dock = nearestDock(box.left + box.width / 2, box.top + box.height / 2, innerWidth, innerHeight, this.#rtl());
    this.#endDrag();
    this.moveTo(dock);
  };

  #onPointerCancel = (event: PointerEvent): void => {
    if (this.#drag?.id === event.pointerId) this.#endDrag();
  };

  #endDrag(): void {
    this.#drag = null;
    this.#host.style.translate = '';
    this.#host.toggleAttribute('miniplayer-dragging', false);
  }
}

const gripIcon = svg`<svg viewBox="0 0 24 8" width="28" height="10" aria-hidden="true" focusable="false" fill="currentColor"><circle cx="4" cy="2" r="1.6"/><circle cx="12" cy="2" r="1.6"/><circle cx="20" cy="2" r="1.6"/><circle cx="4" cy="6" r="1.6"/><circle cx="12" cy="6" r="1.6"/><circle cx="20" cy="6" r="1.6"/></svg>`;
