/**
 * Per-room settings a merchant configures. Kept apart from the catalogue so each engine implements it on
 * its own (see store.ts).
 */
export interface RoomSettingsStore {
  /**
   * Every room that has its own list of allowed origins (rooms without one are absent): read once at start
   * so the WebSocket upgrade can decide without a query.
   */
  listRoomOrigins(): Promise<Map<string, readonly string[]>>;
  /**
   * Sets the origins whose pages may join the room (WebSocket `hello`, CORS on its playlists and API), or
   * `null` to fall back to the server-wide list. Throws `not_found` when the room does not exist.
   */
  setRoomOrigins(roomId: string, origins: readonly string[] | null): Promise<void>;
  /**
   * Points the room at its media: the HLS playlist and the WHEP endpoint players use (an external backend such
   * as LiveKit, Cloudflare, MediaMTX or an IVS-style HLS origin), `null` for none. Throws `not_found`.
   */
  setRoomMedia(roomId: string, media: { hls: string | null; whep: string | null }): Promise<void>;
}
