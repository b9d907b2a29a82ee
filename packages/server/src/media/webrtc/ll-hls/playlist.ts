/** Options of {@link LlHlsPlaylist}. */
export interface LlHlsPlaylistOptions {
  /** Part target duration, seconds (EXT-X-PART-INF PART-TARGET). Default 0.2. */
  partTarget?: number;
  /** Target segment duration, seconds: a segment is closed at the first independent part after half of it. Default 1. */
  segmentTarget?: number;
  /** Complete segments kept and listed (the sliding window). Default 6. */
  windowSegments?: number;
  /** How many of the last complete segments also list their parts (besides the open one). Default 3. */
  partSegments?: number;
}

/** One part as the packager hands it over. */
export interface LlHlsPartInput {
  bytes: Buffer;
  /** Seconds. */
  duration: number;
  /** Starts with a sync sample (a player can begin decoding here). */
  independent: boolean;
  /** Wall-clock time (ms since the epoch) of the part's first sample: EXT-X-PROGRAM-DATE-TIME of a segment it opens. */
  wallClock: number;
}

/** A playlist request's delivery directives (`_HLS_msn`, `_HLS_part`). */
export interface DeliveryDirectives {
  msn: number;
  part?: number;
}

/** How a blocking request ended: the thing exists, never will (stream ended or too far ahead), or took too long. */
export type WaitOutcome = 'ready' | 'ended' | 'timeout';

interface Part {
  /** Stream-wide part number, the part's URI (`part-<n>.m4s`) and the preload hint's. */
  n: number;
  bytes: Buffer;
  duration: number;
  independent: boolean;
}

interface Segment {
  msn: number;
  wallClock: number;
  parts: Part[];
  complete: boolean;
  /** The parts joined, made once the segment is complete and first asked for. */
  joined: Buffer | null;
}

interface Waiter {
  ready: () => boolean;
  settle: (outcome: WaitOutcome) => void;
}

/**
 * A live LL-HLS media playlist over parts held in memory: parts are grouped into segments that start at
 * independent parts, the last segments list their parts, the next part is preload-hinted, and blocking
 * requests (playlist reloads with delivery directives, hinted parts) wait until what they ask for exists.
 * Memory is bounded by the window: segments that slide out are dropped with their parts.
 */
export class LlHlsPlaylist {
  readonly partTarget: number;
  readonly segmentTarget: number;
  readonly #windowSegments: number;
  readonly #partSegments: number;
  /** The window's complete segments, then the open one (if any), oldest first. */
  #segments: Segment[] = [];
  #nextMsn = 0;
  #nextPart = 0;
  #targetDuration: number;
  #init: Buffer | null = null;
  #ended = false;
  #waiters = new Set<Waiter>();

  constructor(options: LlHlsPlaylistOptions = {}) {
    this.partTarget = options.partTarget ?? 0.2;
    this.segmentTarget = options.segmentTarget ?? 1;
    this.#windowSegments = options.windowSegments ?? 6;
    this.#partSegments = options.partSegments ?? 3;
    this.#targetDuration = Math.max(1, Math.ceil(this.segmentTarget));
  }

  /** The init segment (EXT-X-MAP), once set. */
  get init(): Buffer | null {
    return this.#init;
  }

  /** EXT-X-TARGETDURATION, seconds: the rounded longest segment so far (never lowered), at least the target. */
  get targetDuration(): number {
    return this.#targetDuration;
  }

  /** Complete segments in the window. */
  get completeSegments(): number {
    return this.#segments.filter((segment) => segment.complete).length;
  }

  /** Whether the stream has ended (nothing more will be added). */
  get ended(): boolean {
    return this.#ended;
  }

  setInit(bytes: Buffer): void {
    this.#init = bytes;
    this.#notify();
  }

  /**
   * Adds the next part. An independent part closes the open segment once it holds half a target duration
   * (keyframes come every segment target); a segment that has grown to three target durations without
   * one is closed anyway, so EXT-X-TARGETDURATION stays bounded. Parts before the first independent one
   * are dropped: nothing could decode them.
   */
  addPart(input: LlHlsPartInput): void {
    if (this.#ended) return;
    let open = this.#open();
    if (!open && !input.independent && this.#segments.length === 0) return;
    const openDuration = open ? sumDurations(open.parts) : 0;
    if (open && ((input.independent && openDuration >= this.segmentTarget / 2) || openDuration >= 3 * this.segmentTarget)) {
      this.#close(open);
      open = null;
    }
    if (!open) {
      open = { msn: this.#nextMsn++, wallClock: input.wallClock, parts: [], complete: false, joined: null };
      this.#segments.push(open);
    }
    open.parts.push({ n: this.#nextPart++, bytes: input.bytes, duration: input.duration, independent: input.independent });
    this.#notify();
  }

  /** Ends the stream: the open segment is closed and every waiting request gets `ended`. */
  end(): void {
    if (this.#ended) return;
    const open = this.#open();
    if (open) this.#close(open);
    this.#ended = true;
    this.#notify();
  }

  /** The media playlist now, or null before the init segment and the first part. */
  render(): string | null {
    const first = this.#segments[0];
    if (!this.#init || !first) return null;
    const lines = [
      '#EXTM3U',
      '#EXT-X-VERSION:9',
      `#EXT-X-TARGETDURATION:${this.#targetDuration}`,
      `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${seconds(3 * this.partTarget)}`,
      `#EXT-X-PART-INF:PART-TARGET=${seconds(this.partTarget)}`,
      `#EXT-X-MEDIA-SEQUENCE:${first.msn}`,
      '#EXT-X-MAP:URI="init.mp4"',
    ];
    const withParts = this.#segments.length - this.#partSegments - (this.#open() ? 1 : 0);
    this.#segments.forEach((segment, index) => {
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.wallClock).toISOString()}`);
      if (index >= withParts) {
        for (const part of segment.parts) {
          const independent = part.independent ? ',INDEPENDENT=YES' : '';
          lines.push(`#EXT-X-PART:DURATION=${seconds(part.duration)},URI="part-${part.n}.m4s"${independent}`);
        }
      }
      if (segment.complete) lines.push(`#EXTINF:${seconds(sumDurations(segment.parts))},`, `seg-${segment.msn}.m4s`);
    });
    if (this.#ended) lines.push('#EXT-X-ENDLIST');
    else lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-${this.#nextPart}.m4s"`);
    return `${lines.join('\n')}\n`;
  }

  /**
   * Whether directives ask too far ahead to wait for (the spec's 400): a segment more than two after the
   * last one, or a part more than the advance part limit (3 s worth of parts) past the last part.
   */
  isTooFarAhead(directives: DeliveryDirectives): boolean {
    const last = this.#segments.at(-1);
    const lastMsn = last ? last.msn : this.#nextMsn - 1;
    if (directives.msn > lastMsn + 2) return true;
    if (directives.part === undefined) return false;
    // The spec's Advance Part Limit: 3 s of parts (the epsilon keeps 3 / 0.2 from rounding up to 16).
    const limit = Math.max(3, Math.floor(3 / this.partTarget + 1e-9));
    const lastPart = last && !last.complete && last.msn === directives.msn ? last.parts.length - 1 : -1;
    return directives.part > lastPart + limit;
  }

  /** Waits (at most `timeoutMs`) until the playlist satisfies the directives. */
  waitForPlaylist(directives: DeliveryDirectives, timeoutMs: number): Promise<WaitOutcome> {
    return this.#wait(() => this.#satisfies(directives), timeoutMs);
  }

  /** Waits (at most `timeoutMs`) until the playlist has at least `count` complete segments. */
  waitForSegments(count: number, timeoutMs: number): Promise<WaitOutcome> {
    return this.#wait(() => this.#init !== null && this.completeSegments >= count, timeoutMs);
  }

  /**
   * A part's bytes: at once when it is in the window, after a bounded wait when it is the hinted next
   * part, else null (expired, or further ahead than the hint).
   */
  async part(n: number, timeoutMs: number): Promise<Buffer | 'timeout' | null> {
    if (n === this.#nextPart && !this.#ended) {
      const outcome = await this.#wait(() => this.#findPart(n) !== null, timeoutMs);
      if (outcome === 'timeout') return 'timeout';
    }
    return this.#findPart(n);
  }

  /** A complete segment's bytes (its parts joined), or null when it is not complete or has left the window. */
  segment(msn: number): Buffer | null {
    const segment = this.#segments.find((candidate) => candidate.msn === msn);
    if (!segment?.complete) return null;
    segment.joined ??= Buffer.concat(segment.parts.map((part) => part.bytes));
    return segment.joined;
  }

  #satisfies({ msn, part }: DeliveryDirectives): boolean {
    if (!this.#init) return false;
    const segment = this.#segments.find((candidate) => candidate.msn === msn);
    if (!segment) return msn < (this.#segments[0]?.msn ?? this.#nextMsn);
    if (segment.complete) return true;
    return part !== undefined && segment.parts.length > part;
  }

  #findPart(n: number): Buffer | null {
    for (const segment of this.#segments) {
      const found = segment.parts.find((part) => part.n === n);
      if (found) return found.bytes;
    }
    return null;
  }

  #open(): Segment | null {
    const last = this.#segments.at(-1);
    return last && !last.complete ? last : null;
  }

  #close(segment: Segment): void {
    segment.complete = true;
    this.#targetDuration = Math.max(this.#targetDuration, Math.round(sumDurations(segment.parts)));
    // Slide: the window keeps `windowSegments` complete segments.
    const complete = this.#segments.filter((candidate) => candidate.complete);
    const drop = complete.length - this.#windowSegments;
    if (drop > 0) this.#segments.splice(0, drop);
  }

  #wait(ready: () => boolean, timeoutMs: number): Promise<WaitOutcome> {
    if (ready()) return Promise.resolve('ready');
    if (this.#ended) return Promise.resolve('ended');
    return new Promise((resolve) => {
      const waiter: Waiter = {
        ready,
        settle: (outcome) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(outcome);
        },
      };
      const timer = setTimeout(() => waiter.settle('timeout'), timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.ready()) waiter.settle('ready');
      else if (this.#ended) waiter.settle('ended');
    }
  }
}

function sumDurations(parts: readonly Part[]): number {
  return parts.reduce((sum, part) => sum + part.duration, 0);
}

/** Seconds with millisecond precision, as playlists write decimal durations. */
function seconds(value: number): string {
  return value.toFixed(3);
}
