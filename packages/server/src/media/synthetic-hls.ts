import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** 2024-01-01T00:00:00Z: segment numbers and times are computed from here, so the playlist needs no state. */
export const SYNTHETIC_EPOCH_MS = Date.UTC(2024, 0, 1);
/** Segments listed in the live playlist. */
export const PLAYLIST_WINDOW = 6;
/** How far back (in segments) old segments are still served, for slow players. */
export const SEGMENT_RETENTION = 30;

/** A fixed loop of segments that is played over and over as a "live" stream. */
export interface SegmentLoop {
  /** Segment durations in seconds, in loop order. */
  durations: readonly number[];
  /** Segment bytes, in loop order. */
  bytes: readonly Buffer[];
}

/** Reads `<dir>/manifest.json` (`{ segments: [{ file, duration }] }`) and the segment files it lists. */
export function loadSegmentLoop(dir: string): SegmentLoop {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    segments?: { file?: unknown; duration?: unknown }[];
  };
  const segments = manifest.segments ?? [];
  if (segments.length === 0) throw new Error(`${dir}/manifest.json lists no segments`);
  const durations: number[] = [];
  const bytes: Buffer[] = [];
  for (const segment of segments) {
    if (typeof segment.file !== 'string' || !/^[\w.-]+$/.test(segment.file)) throw new Error(`bad segment file in ${dir}`);
    if (typeof segment.duration !== 'number' || !(segment.duration > 0)) throw new Error(`bad duration in ${dir}`);
    durations.push(segment.duration);
    bytes.push(readFileSync(join(dir, segment.file)));
  }
  return { durations, bytes };
}

/** Media sequence numbers and times derived from the loop and the epoch; pure arithmetic. */
export class LoopClock {
  readonly #durationsMs: readonly number[];
  readonly #startsMs: readonly number[];
  readonly #loopMs: number;
  readonly #epoch: number;

  constructor(durations: readonly number[], epochMs = SYNTHETIC_EPOCH_MS) {
    this.#durationsMs = durations.map((d) => Math.round(d * 1000));
    const starts: number[] = [];
    let total = 0;
    for (const d of this.#durationsMs) {
      starts.push(total);
      total += d;
    }
    this.#startsMs = starts;
    this.#loopMs = total;
    this.#epoch = epochMs;
  }

  /** Segments per loop. */
  get length(): number {
    return this.#durationsMs.length;
  }

  /** Duration of segment `msn`, in ms. */
  durationMs(msn: number): number {
    return this.#durationsMs[msn % this.length] ?? 0;
  }

  /** Wall-clock time (ms) at which segment `msn` starts. */
  startMs(msn: number): number {
    return this.#epoch + Math.floor(msn / this.length) * this.#loopMs + (this.#startsMs[msn % this.length] ?? 0);
  }

  /** The segment being "recorded" at `nowMs` (not complete yet, so not published). */
  currentMsn(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.#epoch);
    const loops = Math.floor(elapsed / this.#loopMs);
    const into = elapsed - loops * this.#loopMs;
    let index = 0;
    while (index + 1 < this.length && (this.#startsMs[index + 1] ?? Infinity) <= into) index++;
    return loops * this.length + index;
  }

  /** Whether segment `msn` is complete at `nowMs` and recent enough to serve. */
  isServable(msn: number, nowMs: number, retention = SEGMENT_RETENTION): boolean {
    const current = this.currentMsn(nowMs);
    return Number.isSafeInteger(msn) && msn >= 0 && msn < current && msn >= current - retention;
  }
}

/**
 * The live media playlist at `nowMs`: the last {@link PLAYLIST_WINDOW} complete segments, each with its
 * EXT-X-PROGRAM-DATE-TIME, and EXT-X-DISCONTINUITY where the loop wraps (timestamps jump back there).
 *
 * EXT-X-DISCONTINUITY-SEQUENCE counts the wrap tags that have slid out of the window (RFC 8216 6.2.2),
 * so every segment keeps the same discontinuity number from one refresh to the next.
 */
export function livePlaylist(clock: LoopClock, nowMs: number, segmentUri: (msn: number) => string): string {
  const last = clock.currentMsn(nowMs) - 1;
  const first = Math.max(0, last - PLAYLIST_WINDOW + 1);
  const target = Math.ceil(Math.max(...Array.from({ length: clock.length }, (_, i) => clock.durationMs(i))) / 1000);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${first === 0 ? 0 : Math.floor((first - 1) / clock.length)}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (let msn = first; msn <= last; msn++) {
    if (msn > 0 && msn % clock.length === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(clock.startMs(msn)).toISOString()}`);
    lines.push(`#EXTINF:${(clock.durationMs(msn) / 1000).toFixed(3)},`);
    lines.push(segmentUri(msn));
  }
  return `${lines.join('\n')}\n`;
}
