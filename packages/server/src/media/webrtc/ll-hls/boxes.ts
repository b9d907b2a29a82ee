import { LiveShopServerError } from '../../../errors.js';

/**
 * The init segment of a fragmented MP4 stream (`ftyp` + `moov`): what a player needs before any part.
 */
export interface Fmp4Init {
  readonly kind: 'init';
  /** `ftyp` and `moov`, as written. */
  readonly bytes: Buffer;
  /** The track whose timing drives the parts (the first video track, else the first track). */
  readonly trackId: number;
  /** Units per second of that track's media time (its `mdhd`). */
  readonly timescale: number;
}

/** One fragment (`moof` + `mdat`, plus any boxes between them), an LL-HLS part. */
export interface Fmp4Fragment {
  readonly kind: 'fragment';
  readonly bytes: Buffer;
  /** Decode time of the fragment's first sample of the timing track, in its timescale (`tfdt`). */
  readonly decodeTime: number;
  /** Sum of the timing track's sample durations in this fragment, in its timescale. */
  readonly duration: number;
  /** Whether the timing track's first sample is a sync sample (the part can start playback). */
  readonly independent: boolean;
}

/** What {@link Fmp4Reader.push} yields, in stream order. */
export type Fmp4Unit = Fmp4Init | Fmp4Fragment;

/** Per-track defaults from `moov/mvex/trex`. */
interface TrackDefaults {
  duration: number;
  flags: number;
}

/** `sample_is_non_sync_sample` in ISO-BMFF sample flags. */
const NON_SYNC = 0x0001_0000;
/** Sizes above this are not a box of a live stream we wrote: the stream is corrupt, not just slow. */
const MAX_BOX_BYTES = 64 * 1024 * 1024;

interface Box {
  type: string;
  /** Offset of the payload (after the header) in the buffer the box was read from. */
  start: number;
  end: number;
}

/**
 * Reads a fragmented MP4 byte stream as it arrives (e.g. ffmpeg's stdout with `-movflags empty_moov+
 * default_base_moof+frag_keyframe`) and cuts it into the init segment and fragments, with each fragment's
 * duration and whether it starts with a sync sample, so an LL-HLS playlist can be built without another
 * parser. Only top-level box headers are scanned until a box is complete; `moov` and `moof` are parsed.
 * Boxes other than `ftyp`, `moov`, `moof`, `mdat` (e.g. `mfra` at the end, `styp`, `sidx`) are kept with the
 * fragment that follows (`styp`/`sidx`) or dropped at the end of the stream.
 */
export class Fmp4Reader {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** Top-level boxes read since the last unit was emitted. */
  #gathered: Buffer[] = [];
  #init: Fmp4Init | null = null;
  #defaults = new Map<number, TrackDefaults>();
  /** The `moof` of the fragment being gathered, parsed. */
  #moof: { decodeTime: number; duration: number; independent: boolean } | null = null;

  /** The init segment, once read. */
  get init(): Fmp4Init | null {
    return this.#init;
  }

  /** Feeds bytes; returns the units completed by them. Throws a typed error on a malformed stream. */
  push(chunk: Uint8Array): Fmp4Unit[] {
    this.#pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.#pendingBytes += chunk.byteLength;
    const units: Fmp4Unit[] = [];
    for (;;) {
      const box = this.#nextBox();
      if (!box) return units;
      let unit: Fmp4Unit | null;
      try {
        unit = this.#onBox(box);
      } catch (error) {
        // A field read past its box (RangeError) is a malformed stream like any other.
        if (error instanceof RangeError) throw malformed(`a box is cut short (${error.message})`);
        throw error;
      }
      if (unit) units.push(unit);
    }
  }

  /** The next complete top-level box, taken off the pending bytes, or null while it is incomplete. */
  #nextBox(): Buffer | null {
    if (this.#pendingBytes < 8) return null;
    if (this.#pending.length > 1) this.#pending = [Buffer.concat(this.#pending)];
    const head = this.#pending[0] as Buffer;
    let size = head.readUInt32BE(0);
    if (size === 1) {
      if (head.length < 16) return null;
      size = Number(head.readBigUInt64BE(8));
    } else if (size === 0) {
      // "Extends to the end of the file": never the case for a live fragment we can cut.
      throw malformed(`box "${head.toString('latin1', 4, 8)}" has no size (size 0)`);
    }
    if (size < 8 || size > MAX_BOX_BYTES) throw malformed(`box size ${size} is out of bounds`);
    if (head.length < size) return null;
    const box = head.subarray(0, size);
    const rest = head.subarray(size);
    this.#pending = rest.length > 0 ? [rest] : [];
    this.#pendingBytes = rest.length;
    return box;
  }

  #onBox(box: Buffer): Fmp4Unit | null {
    const type = box.toString('latin1', 4, 8);
    if (type === 'mfra') return null; // The random-access index written when the stream ends: not media.
    this.#gathered.push(box);
    if (type === 'moov') return this.#emitInit(box);
    if (type === 'moof') {
      if (!this.#init) throw malformed('a moof came before the moov');
      this.#moof = this.#readMoof(box, this.#init.trackId);
      return null;
    }
    if (type === 'mdat' && this.#moof) {
      const moof = this.#moof;
      this.#moof = null;
      return { kind: 'fragment', bytes: this.#takeGathered(), ...moof };
    }
    return null;
  }

  #emitInit(moov: Buffer): Fmp4Init {
    if (this.#init) throw malformed('a second moov in one stream');
    const tracks: { id: number; timescale: number; video: boolean }[] = [];
    for (const child of children(moov, headerSize(moov), moov.length)) {
      if (child.type === 'trak') tracks.push(readTrak(moov, child));
      if (child.type === 'mvex') {
        for (const trex of children(moov, child.start, child.end)) {
          if (trex.type !== 'trex') continue;
          // version/flags(4) track_ID(4) default_sample_description_index(4) duration(4) size(4) flags(4)
          const id = moov.readUInt32BE(trex.start + 4);
          this.#defaults.set(id, { duration: moov.readUInt32BE(trex.start + 12), flags: moov.readUInt32BE(trex.start + 20) });
        }
      }
    }
    const track = tracks.find((candidate) => candidate.video) ?? tracks[0];
    if (!track || track.timescale <= 0) throw malformed('the moov has no track with a timescale');
    this.#init = { kind: 'init', bytes: this.#takeGathered(), trackId: track.id, timescale: track.timescale };
    return this.#init;
  }

  #takeGathered(): Buffer {
    const bytes = this.#gathered.length === 1 ? (this.#gathered[0] as Buffer) : Buffer.concat(this.#gathered);
    this.#gathered = [];
    // A copy: the stream's chunk buffers are not kept alive by the subarrays of one small unit.
    return Buffer.from(bytes);
  }

  /** Timing of `trackId` in a `moof`: its `tfdt`, summed `trun` durations and first sample's sync flag. */
  #readMoof(moof: Buffer, trackId: number): { decodeTime: number; duration: number; independent: boolean } {
    for (const traf of children(moof, headerSize(moof), moof.length)) {
      if (traf.type !== 'traf') continue;
      const parts = [...children(moof, traf.start, traf.end)];
      const tfhd = parts.find((part) => part.type === 'tfhd');
      if (!tfhd || moof.readUInt32BE(tfhd.start + 4) !== trackId) continue;
      const defaults = { ...(this.#defaults.get(trackId) ?? { duration: 0, flags: 0 }) };
      const tfhdFlags = moof.readUInt32BE(tfhd.start) & 0xff_ffff;
      let at = tfhd.start + 8;
      if (tfhdFlags & 0x01) at += 8; // base-data-offset
      if (tfhdFlags & 0x02) at += 4; // sample-description-index
      if (tfhdFlags & 0x08) (defaults.duration = moof.readUInt32BE(at)), (at += 4);
      if (tfhdFlags & 0x10) at += 4; // default-sample-size
      if (tfhdFlags & 0x20) defaults.flags = moof.readUInt32BE(at);
      let decodeTime = 0;
      const tfdt = parts.find((part) => part.type === 'tfdt');
      if (tfdt) {
        const version = moof.readUInt8(tfdt.start);
        decodeTime = version === 1 ? Number(moof.readBigUInt64BE(tfdt.start + 4)) : moof.readUInt32BE(tfdt.start + 4);
      }
      let duration = 0;
      let firstFlags: number | null = null;
      for (const trun of parts.filter((part) => part.type === 'trun')) {
        const run = readTrun(moof, trun, defaults);
        duration += run.duration;
        firstFlags ??= run.firstFlags;
      }
      return { decodeTime, duration, independent: firstFlags !== null && (firstFlags & NON_SYNC) === 0 };
    }
    throw malformed(`a moof without a traf for track ${trackId}`);
  }
}

function readTrak(buf: Buffer, trak: Box): { id: number; timescale: number; video: boolean } {
  let id = 0;
  let timescale = 0;
  let video = false;
  for (const child of children(buf, trak.start, trak.end)) {
    if (child.type === 'tkhd') id = buf.readUInt32BE(child.start + (buf.readUInt8(child.start) === 1 ? 20 : 12));
    if (child.type !== 'mdia') continue;
    for (const part of children(buf, child.start, child.end)) {
      // mdhd: version/flags, then creation/modification times (8 or 16 bytes), then the timescale.
      if (part.type === 'mdhd') timescale = buf.readUInt32BE(part.start + (buf.readUInt8(part.start) === 1 ? 20 : 12));
      // hdlr: version/flags(4) pre_defined(4) handler_type(4)
      if (part.type === 'hdlr') video = buf.toString('latin1', part.start + 8, part.start + 12) === 'vide';
    }
  }
  return { id, timescale, video };
}

/** Sums one `trun`'s sample durations and reads its first sample's flags. */
function readTrun(buf: Buffer, trun: Box, defaults: TrackDefaults): { duration: number; firstFlags: number | null } {
  const flags = buf.readUInt32BE(trun.start) & 0xff_ffff;
  const count = buf.readUInt32BE(trun.start + 4);
  let at = trun.start + 8;
  if (flags & 0x01) at += 4; // data-offset
  let firstSampleFlags: number | null = null;
  if (flags & 0x04) (firstSampleFlags = buf.readUInt32BE(at)), (at += 4);
  const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
  if (at + count * perSample > trun.end) throw malformed(`a trun of ${count} samples overruns its box`);
  let duration = 0;
  let firstFlags: number | null = null;
  for (let index = 0; index < count; index++) {
    let field = at + index * perSample;
    if (flags & 0x100) (duration += buf.readUInt32BE(field)), (field += 4);
    else duration += defaults.duration;
    if (flags & 0x200) field += 4; // sample-size
    if (index === 0) {
      // The first sample's flags: first-sample-flags overrides the per-sample field and the defaults.
      firstFlags = firstSampleFlags ?? (flags & 0x400 ? buf.readUInt32BE(field) : defaults.flags);
    }
  }
  return { duration, firstFlags };
}

/** The child boxes of the payload `[start, end)` of `buf`. */
function* children(buf: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) throw malformed(`a child box overruns its parent at byte ${at}`);
    const type = buf.toString('latin1', at + 4, at + 8);
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

function headerSize(box: Buffer): number {
  return box.readUInt32BE(0) === 1 ? 16 : 8;
}

function malformed(message: string): LiveShopServerError {
  return new LiveShopServerError('invalid', `fragmented MP4: ${message}`);
}
