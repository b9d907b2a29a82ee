import type { Readable } from 'node:stream';
import { Fmp4Reader } from './boxes.js';
import { LlHlsPlaylist, type LlHlsPlaylistOptions } from './playlist.js';

/** Options of {@link packageFmp4}. */
export interface PackageFmp4Options extends LlHlsPlaylistOptions {
  /** The wall clock (ms) program-date-time is stamped with. Default `Date.now`. */
  now?: () => number;
  /**
   * Wall-clock time (ms) of media time 0, when known: for the packager, when the first RTP packet of the
   * timing track reached ffmpeg (its RTP input counts time from there). Without it (or before it is known)
   * the first fragment's arrival is used, which is late by ffmpeg's start-up (probing the input and the
   * burst that follows take about 2 s here). The earlier of the two is taken: media cannot come out of
   * ffmpeg before it went in.
   */
  mediaEpoch?: () => number | null;
  /** Told once when the stream is malformed (the playlist is then ended). */
  onError?: (error: unknown) => void;
}

/**
 * The fMP4 → LL-HLS stage: reads a fragmented MP4 stream (ffmpeg's stdout) into a live
 * {@link LlHlsPlaylist}, one part per fragment. Program-date-time follows the media clock from one anchor
 * (see {@link PackageFmp4Options.mediaEpoch}), so it advances exactly with the media and does not jitter
 * with pipe delivery; the playlist ends when the stream does.
 */
export function packageFmp4(input: Readable, options: PackageFmp4Options = {}): LlHlsPlaylist {
  const now = options.now ?? Date.now;
  const playlist = new LlHlsPlaylist(options);
  const reader = new Fmp4Reader();
  let anchor: { wall: number; decodeTime: number } | null = null;
  let failed = false;
  input.on('data', (chunk: Buffer) => {
    if (failed) return;
    try {
      for (const unit of reader.push(chunk)) {
        if (unit.kind === 'init') {
          playlist.setInit(unit.bytes);
          continue;
        }
        const timescale = reader.init?.timescale ?? 1;
        const duration = unit.duration / timescale;
        if (!anchor) {
          const arrived = now() - duration * 1_000;
          const epoch = options.mediaEpoch?.() ?? null;
          const fromEpoch = epoch === null ? arrived : epoch + (unit.decodeTime / timescale) * 1_000;
          anchor = { wall: Math.min(arrived, fromEpoch), decodeTime: unit.decodeTime };
        }
        const wallClock = anchor.wall + ((unit.decodeTime - anchor.decodeTime) / timescale) * 1_000;
        playlist.addPart({ bytes: unit.bytes, duration, independent: unit.independent, wallClock });
      }
    } catch (error) {
      failed = true;
      playlist.end();
      options.onError?.(error);
    }
  });
  input.once('end', () => playlist.end());
  input.once('close', () => playlist.end());
  input.once('error', (error) => {
    playlist.end();
    options.onError?.(error);
  });
  return playlist;
}
