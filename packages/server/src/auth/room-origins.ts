import { LiveShopServerError } from '../errors.js';
import type { RoomSettingsStore } from '../store/room-settings.js';
import { createOriginPolicy, type OriginPolicy } from './origins.js';

/** What the server-wide origin policy is made of; a room's own list replaces only `allowed`. */
export interface OriginPolicyBase {
  selfOrigin: () => string;
  /** Server-wide allowed origins (`--allow-origin`), for rooms without their own list. */
  allowed: readonly string[];
  allowLocalhost: boolean;
}

/** Most origins one room may list: an allowlist, not a directory. */
export const MAX_ROOM_ORIGINS = 50;

/**
 * Which pages may use which room. A room may have its own allowed origins (a merchant embeds its room on its
 * own sites only); rooms without one use the server-wide list. The server's own origin, and localhost pages
 * in development, are allowed everywhere; a request with no Origin is not from a page and passes.
 *
 * The WebSocket upgrade does not know the room yet (it comes in `hello`, never in the URL), so the upgrade
 * admits an origin some room allows ({@link RoomOrigins.allowsAnyRoom}) and `hello` checks the room itself
 * ({@link RoomOrigins.allows}). Lists live in memory, loaded at start and replaced on {@link RoomOrigins.set}.
 */
export class RoomOrigins {
  readonly #store: RoomSettingsStore;
  readonly #base: OriginPolicyBase;
  readonly #server: OriginPolicy;
  readonly #rooms = new Map<string, { origins: readonly string[]; policy: OriginPolicy }>();

  constructor(store: RoomSettingsStore, base: OriginPolicyBase) {
    this.#store = store;
    this.#base = base;
    this.#server = createOriginPolicy(base);
  }

  /** Reads every room's list from the store. */
  async load(): Promise<void> {
    this.#rooms.clear();
    for (const [roomId, origins] of await this.#store.listRoomOrigins()) this.#remember(roomId, origins);
  }

  /** The server-wide policy (rooms without their own list, and routes that name no room). */
  get serverPolicy(): OriginPolicy {
    return this.#server;
  }

  /** Whether a page of `origin` may use room `roomId`. */
  allows(roomId: string, origin: string | undefined): boolean {
    return (this.#rooms.get(roomId)?.policy ?? this.#server)(origin);
  }

  /** The policy of one room, for CORS on its routes. */
  policyFor(roomId: string): OriginPolicy {
    return (origin) => this.allows(roomId, origin);
  }

  /** Whether any room (or the server-wide list) admits `origin`: the check at the WebSocket upgrade. */
  allowsAnyRoom(origin: string | undefined): boolean {
    if (this.#server(origin)) return true;
    for (const { policy } of this.#rooms.values()) if (policy(origin)) return true;
    return false;
  }

  /** The room's own list, or null when it uses the server-wide one. */
  originsOf(roomId: string): readonly string[] | null {
    return this.#rooms.get(roomId)?.origins ?? null;
  }

  /**
   * Stores and applies the room's list (`null`: back to the server-wide list). Each entry must be a bare
   * origin (`https://shop.example.com`, optional port; no path, query or wildcard), else `invalid`.
   */
  async set(roomId: string, origins: readonly string[] | null): Promise<void> {
    const normalised = origins === null ? null : parseOrigins(origins);
    await this.#store.setRoomOrigins(roomId, normalised);
    if (normalised === null) this.#rooms.delete(roomId);
    else this.#remember(roomId, normalised);
  }

  #remember(roomId: string, origins: readonly string[]): void {
    this.#rooms.set(roomId, { origins, policy: createOriginPolicy({ ...this.#base, allowed: origins }) });
  }
}

/** Validates and normalises a room's origin list; throws `invalid` naming the bad entry. */
export function parseOrigins(origins: readonly string[]): string[] {
  if (origins.length > MAX_ROOM_ORIGINS) {
    throw new LiveShopServerError('invalid', `a room may list at most ${MAX_ROOM_ORIGINS} origins`);
  }
  return [
    ...new Set(
      origins.map((entry, index) => {
        let url: URL;
        try {
          url = new URL(entry);
        } catch {
          throw new LiveShopServerError('invalid', `origins[${index}] is not a URL`);
        }
        const bare = (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash;
        if (!bare || url.username || url.password || /[?#]/.test(entry)) {
          throw new LiveShopServerError('invalid', `origins[${index}] must be a bare http(s) origin such as https://shop.example.com`);
        }
        // URL has lower-cased the host and dropped a default port: the form browsers send in Origin.
        return url.origin;
      }),
    ),
  ];
}
