import type { RoomEvent } from '@live-shop/protocol';
import { encodeTextFrame } from './text-frame.js';

/** One frame queued for a room's sockets: a room event (with its seq) or an ephemeral frame (`event` null). */
export interface FanoutItem {
  /** Position in the room's fan-out queue, increasing by one per item; a socket remembers the last it took. */
  readonly no: number;
  readonly event: RoomEvent | null;
  /** The WebSocket frame, encoded once for every socket. */
  readonly frame: Buffer;
}

/** Items flushed together, and all their frames as one buffer (null when not worth building: one socket). */
export interface FanoutBatch {
  readonly items: readonly FanoutItem[];
  readonly bytes: Buffer | null;
  /** Seq of the first and of the last room event among the items; 0 when there is none. */
  readonly firstSeq: number;
  readonly lastSeq: number;
}

function batchOf(items: readonly FanoutItem[], bytes: Buffer | null): FanoutBatch {
  let firstSeq = 0;
  let lastSeq = 0;
  for (const { event } of items) {
    if (event === null) continue;
    if (firstSeq === 0) firstSeq = event.seq;
    lastSeq = event.seq;
  }
  return { items, bytes, firstSeq, lastSeq };
}

/** A member of a room's fan-out: a socket that takes batches in order. */
export interface FanoutMember {
  receive(batch: FanoutBatch): void;
}

/**
 * The sockets of one room on this node and the frames waiting for them.
 *
 * Frames published to the room are queued and flushed on the next turn of the event loop (`setImmediate`):
 * a quiet room sends each event at once, one write per socket; a busy server, whose loop is late, finds several
 * frames queued and sends them to each socket in ONE write. The system call per socket per event is most of
 * what fan-out costs, so a server under load does less work per message exactly when it has to.
 * Each frame is serialised and framed once per room, not once per socket.
 */
export class RoomFanout<M extends FanoutMember = FanoutMember> {
  readonly members = new Set<M>();
  #queue: FanoutItem[] = [];
  #lastNo = 0;
  #flushScheduled = false;
  #disposed = false;

  /** Number of the last item queued: a socket that joins now takes only what comes after it. */
  get lastNo(): number {
    return this.#lastNo;
  }

  /** Queues a room event (serialised here, once). */
  publishEvent(event: RoomEvent): void {
    this.#push(event, JSON.stringify(event));
  }

  /** Queues an ephemeral frame (not a room event: no seq, never replayed). */
  publishEphemeral(text: string): void {
    this.#push(null, text);
  }

  /**
   * Hands `member` the queued items now, ahead of the room's flush: the socket's own answer (an ack) must not
   * overtake the events its command produced. The room flush later skips what the member already took.
   */
  flushTo(member: M): void {
    if (this.#queue.length > 0) member.receive(batchOf(this.#queue, null));
  }

  /** Sends everything queued to every member, now. */
  flush(): void {
    this.#flushScheduled = false;
    const items = this.#queue;
    if (items.length === 0) return;
    this.#queue = [];
    const bytes = items.length === 1 ? items[0]!.frame : Buffer.concat(items.map((item) => item.frame));
    const batch = batchOf(items, bytes);
    for (const member of this.members) member.receive(batch);
  }

  /** Drops the queue; nothing is sent after this. */
  dispose(): void {
    this.#disposed = true;
    this.#queue = [];
  }

  #push(event: RoomEvent | null, text: string): void {
    if (this.#disposed) return;
    this.#lastNo += 1;
    this.#queue.push({ no: this.#lastNo, event, frame: encodeTextFrame(Buffer.from(text, 'utf8')) });
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }
}
