import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IdSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import { LoopClock, livePlaylist, loadSegmentLoop, type SegmentLoop } from '../media/synthetic-hls.js';
import type { LlHlsPlaylist } from '../media/webrtc/ll-hls/playlist.js';
import { sendError } from './respond.js';

/** Where the media routes find the packaged (LL-HLS) stream of a room: the WebRTC HLS packager. */
export interface PackagedHlsSource {
  /** The room's live playlist, or null when it is not packaged. */
  playlist(roomId: string): LlHlsPlaylist | null;
}

/** Serves synthetic live HLS for every room that has a folder of looped segments under `mediaDir`. */
export class MediaRoutes {
  readonly #mediaDir: string;
  readonly #now: () => number;
  readonly #loops = new Map<string, { loop: SegmentLoop; clock: LoopClock } | null>();

  readonly #packager: PackagedHlsSource | null;

  /** `packager`: the LL-HLS packaging of rooms whose host publishes WebRTC, served under `/media/<room>/webrtc/`. */
  constructor(mediaDir: string, now: () => number, packager: PackagedHlsSource | null = null) {
    this.#mediaDir = mediaDir;
    this.#now = now;
    this.#packager = packager;
  }

  /** Handles `/media/<room>/live.m3u8` and `/media/<room>/seg/<msn>.ts`; `rest` is the path after `/media/`. */
  handle(res: ServerResponse, rest: string): void | Promise<void> {
    const packaged = /^([^/]+)\/webrtc\/([^/]+)$/.exec(rest);
    if (packaged) return this.#packaged(res, packaged[1] ?? '', packaged[2] ?? '');
    const playlist = /^([^/]+)\/live\.m3u8$/.exec(rest);
    const segment = /^([^/]+)\/seg\/(\d{1,15})\.ts$/.exec(rest);
    const room = playlist?.[1] ?? segment?.[1];
    const media = room === undefined ? null : this.#load(room);
    if (!media) return sendError(res, 'not_found', `no media at /media/${rest}`);
    const now = this.#now();
    if (playlist) {
      const text = livePlaylist(media.clock, now, (msn) => `seg/${msn}.ts`);
      res.writeHead(200, {
        'Content-Type': 'application/vnd.apple.mpegurl',
        'Content-Length': Buffer.byteLength(text),
        // A live playlist changes every segment: players must always revalidate.
        'Cache-Control': 'no-cache',
      });
      res.end(res.req.method === 'HEAD' ? undefined : text);
      return;
    }
    const msn = Number(segment?.[2]);
    if (!media.clock.isServable(msn, now)) {
      return sendError(res, 'not_found', `segment ${msn} is not live (future or expired)`);
    }
    const bytes = media.loop.bytes[msn % media.loop.bytes.length];
    if (!bytes) return sendError(res, 'not_found', `segment ${msn} is missing`);
    res.writeHead(200, {
      'Content-Type': 'video/mp2t',
      'Content-Length': bytes.length,
      // A segment number always means the same bytes, so caches may keep it.
      'Cache-Control': 'public, max-age=300',
    });
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  }

  #load(room: string): { loop: SegmentLoop; clock: LoopClock } | null {
    if (!v.is(IdSchema, room)) return null;
    if (!this.#loops.has(room)) {
      const dir = join(this.#mediaDir, room);
      const loop = existsSync(join(dir, 'manifest.json')) ? loadSegmentLoop(dir) : null;
      this.#loops.set(room, loop && { loop, clock: new LoopClock(loop.durations) });
    }
    return this.#loops.get(room) ?? null;
  }

  /**
   * A file of a room's packaged WebRTC stream: `live.m3u8` (with blocking reload: `_HLS_msn`/`_HLS_part`),
   * `init.mp4`, `seg-<msn>.m4s`, `part-<n>.m4s`, all from memory. Names are matched, never joined into a
   * path. A plain playlist request waits (bounded) for the first segment, so a player switched to it the
   * moment the host went live does not see a 404; blocking requests wait at most three target durations
   * and then get 503, as the HLS spec's blocking reload prescribes.
   */
  async #packaged(res: ServerResponse, room: string, name: string): Promise<void> {
    const playlist = this.#packager && v.is(IdSchema, room) ? this.#packager.playlist(room) : null;
    if (!playlist) return sendError(res, 'not_found', `room "${room}" has no WebRTC stream being packaged into HLS`);
    const blockMs = 3 * playlist.targetDuration * 1_000;
    if (name === 'live.m3u8') return this.#packagedPlaylist(res, playlist, blockMs);
    const part = /^part-(\d{1,9})\.m4s$/.exec(name);
    const segment = /^seg-(\d{1,9})\.m4s$/.exec(name);
    let bytes: Buffer | 'timeout' | null = null;
    if (name === 'init.mp4') bytes = playlist.init;
    else if (segment) bytes = playlist.segment(Number(segment[1]));
    else if (part) bytes = await playlist.part(Number(part[1]), blockMs);
    if (bytes === 'timeout') return sendError(res, 'not_found', `part ${name} did not come in time`, 503);
    if (!bytes) return sendError(res, 'not_found', `no packaged media at /media/${room}/webrtc/${name}`);
    res.writeHead(200, {
      'Content-Type': 'video/mp4',
      'Content-Length': bytes.length,
      // Numbers start again at 0 with every publish, so a cached part could belong to an earlier stream.
      'Cache-Control': 'no-cache',
    });
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  }

  async #packagedPlaylist(res: ServerResponse, playlist: LlHlsPlaylist, blockMs: number): Promise<void> {
    const query = new URL(res.req.url ?? '/', 'http://localhost').searchParams;
    const msnParam = query.get('_HLS_msn');
    const partParam = query.get('_HLS_part');
    const isCount = (value: string | null) => value === null || /^\d{1,9}$/.test(value);
    if (!isCount(msnParam) || !isCount(partParam) || (partParam !== null && msnParam === null)) {
      return sendError(res, 'invalid', '_HLS_msn must be a number, and _HLS_part needs _HLS_msn');
    }
    if (msnParam === null) {
      await playlist.waitForSegments(1, PLAYLIST_WAIT_MS);
    } else {
      const directives = { msn: Number(msnParam), ...(partParam === null ? {} : { part: Number(partParam) }) };
      if (playlist.isTooFarAhead(directives)) {
        return sendError(res, 'invalid', `_HLS_msn=${msnParam} _HLS_part=${partParam ?? ''} is too far ahead of the live edge`);
      }
      const outcome = await playlist.waitForPlaylist(directives, blockMs);
      if (outcome === 'timeout') return sendError(res, 'not_found', 'the requested segment or part did not come in time', 503);
    }
    const text = playlist.render();
    if (text === null) return sendError(res, 'not_found', 'the packaged stream has not started (or has ended)');
    res.writeHead(200, {
      'Content-Type': 'application/vnd.apple.mpegurl',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-cache',
    });
    res.end(res.req.method === 'HEAD' ? undefined : text);
  }
}

/** Longest a plain request for a packaged playlist waits for the packager's first segment. */
const PLAYLIST_WAIT_MS = 10_000;
