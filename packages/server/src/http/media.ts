import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IdSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import { LoopClock, livePlaylist, loadSegmentLoop, type SegmentLoop } from '../media/synthetic-hls.js';
import type { WebRtcHlsPackager } from '../media/webrtc/hls-packager.js';
import { sendError } from './respond.js';

/** Serves synthetic live HLS for every room that has a folder of looped segments under `mediaDir`. */
export class MediaRoutes {
  readonly #mediaDir: string;
  readonly #now: () => number;
  readonly #loops = new Map<string, { loop: SegmentLoop; clock: LoopClock } | null>();

  readonly #packager: WebRtcHlsPackager | null;

  /** `packager`: the HLS packaging of rooms whose host publishes WebRTC, served under `/media/<room>/webrtc/`. */
  constructor(mediaDir: string, now: () => number, packager: WebRtcHlsPackager | null = null) {
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
   * A file of a room's packaged WebRTC stream. The playlist is awaited (bounded) while ffmpeg writes its
   * first segment, so a player switched to it the moment the host went live does not see a 404.
   */
  async #packaged(res: ServerResponse, room: string, name: string): Promise<void> {
    const packager = this.#packager;
    if (!packager || !v.is(IdSchema, room) || !packager.isActive(room)) {
      return sendError(res, 'not_found', `room "${room}" has no WebRTC stream being packaged into HLS`);
    }
    if (name === 'live.m3u8') {
      const deadline = Date.now() + PLAYLIST_WAIT_MS;
      while (!packager.hasPlaylist(room) && packager.isActive(room) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const path = packager.file(room, name);
    let bytes: Buffer;
    try {
      if (path === null) throw new Error('not a packaged file');
      bytes = await readFile(path);
    } catch {
      return sendError(res, 'not_found', `no packaged media at /media/${room}/webrtc/${name}`);
    }
    const isPlaylist = name.endsWith('.m3u8');
    res.writeHead(200, {
      'Content-Type': isPlaylist ? 'application/vnd.apple.mpegurl' : 'video/mp2t',
      'Content-Length': bytes.length,
      'Cache-Control': isPlaylist ? 'no-cache' : 'public, max-age=60',
    });
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  }
}

/** Longest a request for a packaged playlist waits for ffmpeg's first one. */
const PLAYLIST_WAIT_MS = 10_000;
