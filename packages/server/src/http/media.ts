import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IdSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import { LoopClock, livePlaylist, loadSegmentLoop, type SegmentLoop } from '../media/synthetic-hls.js';
import { sendError } from './respond.js';

/** Serves synthetic live HLS for every room that has a folder of looped segments under `mediaDir`. */
export class MediaRoutes {
  readonly #mediaDir: string;
  readonly #now: () => number;
  readonly #loops = new Map<string, { loop: SegmentLoop; clock: LoopClock } | null>();

  constructor(mediaDir: string, now: () => number) {
    this.#mediaDir = mediaDir;
    this.#now = now;
  }

  /** Handles `/media/<room>/live.m3u8` and `/media/<room>/seg/<msn>.ts`; `rest` is the path after `/media/`. */
  handle(res: ServerResponse, rest: string): void {
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
}
