import type Database from 'better-sqlite3';
import { LiveShopServerError } from '../../errors.js';

/** SQLite side of {@link import('../room-settings.js').RoomSettingsStore}: the `rooms.allowed_origins` JSON column. */
export class SqliteRoomSettings {
  readonly #list: Database.Statement<[], { id: string; allowed_origins: string }>;
  readonly #set: Database.Statement<[string | null, string]>;
  readonly #setMedia: Database.Statement<[string | null, string | null, string]>;

  constructor(db: Database.Database) {
    this.#list = db.prepare('SELECT id, allowed_origins FROM rooms WHERE allowed_origins IS NOT NULL');
    this.#set = db.prepare('UPDATE rooms SET allowed_origins = ? WHERE id = ?');
    this.#setMedia = db.prepare('UPDATE rooms SET hls = ?, whep = ? WHERE id = ?');
  }

  listRoomOrigins(): Map<string, readonly string[]> {
    const rooms = new Map<string, readonly string[]>();
    for (const row of this.#list.all()) {
      const origins: unknown = JSON.parse(row.allowed_origins);
      if (Array.isArray(origins)) rooms.set(row.id, origins.filter((o): o is string => typeof o === 'string'));
    }
    return rooms;
  }

  setRoomOrigins(roomId: string, origins: readonly string[] | null): void {
    const { changes } = this.#set.run(origins === null ? null : JSON.stringify(origins), roomId);
    if (changes === 0) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  }

  setRoomMedia(roomId: string, media: { hls: string | null; whep: string | null }): void {
    const { changes } = this.#setMedia.run(media.hls, media.whep, roomId);
    if (changes === 0) throw new LiveShopServerError('not_found', `room "${roomId}" does not exist`);
  }
}
