import { randomBytes, randomInt } from 'node:crypto';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import {
  parseClientFrame,
  type Ack,
  type ClientFrame,
  type ErrorBody,
  type Hello,
  type Role,
  type RoomEvent,
  type ServerFrame,
} from '@live-shop/protocol';
import { verifyToken } from '../auth/tokens.js';
import { LiveShopServerError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { planJoin, type ReplayWindow } from '../rooms/resume.js';
import { assertNotBanned } from '../rooms/moderation.js';
import { COMMANDS, type CommandFrame, type CommandHandler, type CommandTable, type CommandType, type Session } from './commands.js';
import { DEFAULT_RATE_LIMITS, TokenBucket, type ConnectionLimits } from './rate-limit.js';
import type { FanoutBatch, FanoutMember } from './room-fanout.js';

/** A connection's place in a room's fan-out, from {@link ConnectionDeps.join}. */
export interface RoomMembership {
  /** Number of the room's last queued fan-out item at the time of joining: the socket takes what follows. */
  readonly startAfter: number;
  /** Hands this connection the room's queued frames now (before its own ack goes out). */
  takeQueued(): void;
  /** Leaves the room's fan-out. */
  leave(): void;
}

/** What a connection needs from the server around it. */
export interface ConnectionDeps {
  ctx: DomainContext;
  secret: string;
  logger: Logger;
  /** Adds the connection to the room's fan-out. `actor`: who joins (for join notices and bans). */
  join(connection: Connection, roomId: string, actor: Actor): RoomMembership;
  /** Adds hearts to the room's next `reactions.burst`. */
  react(roomId: string, count: number): void;
  /** Whether the page that opened this socket (its Origin) may join the room: the room's own allowed origins. */
  mayJoin?(roomId: string): boolean;
  /** Sockets in the room now (for the welcome). */
  viewers(roomId: string): number;
  /** Close a socket whose unsent output grows beyond this many bytes (a reader that cannot keep up). */
  maxBufferedBytes: number;
  /** How far back a reconnecting client is replayed to instead of getting a snapshot. */
  replay: ReplayWindow;
  limits?: ConnectionLimits;
  /** Command handlers; default {@link COMMANDS}. */
  commands?: CommandTable;
}

type State = 'new' | 'joining' | 'joined' | 'closed';

/** Close code for a socket dropped because it could not keep up with its output (1013 "try again later"). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
/** How long a slow socket gets to complete its close handshake before it is cut. */
const SLOW_CONSUMER_GRACE_MS = 2000;

function defaultName(role: Role): string {
  if (role === 'host') return '主播 Host';
  if (role === 'moderator') return '场控 Moderator';
  return `观众${randomInt(1000, 10000)}`;
}

/**
 * One viewer's or host's socket: hello → welcome, then commands in, acks and room events out.
 *
 * Frames are handled one at a time in arrival order, so acks come back in command order.
 * A bad frame gets an error ack; the socket stays open.
 */
export class Connection implements FanoutMember {
  /** When the peer was last heard from (any frame or pong), `performance.now()` ms. */
  #lastHeardAt = performance.now();
  /** When the outstanding heartbeat ping left, or null when none waits for an answer. */
  #pingSentAt: number | null = null;
  readonly #socket: WebSocket;
  /** The TCP socket under {@link #socket}: pre-framed room frames are written to it directly (see RoomFanout). */
  readonly #raw: Duplex;
  readonly #deps: ConnectionDeps;
  readonly #frames: TokenBucket;
  /** One bucket per command type that has a limit, made on first use. */
  readonly #commandBuckets = new Map<CommandType, TokenBucket>();
  readonly #session: Session = { latencyMs: null };
  #state: State = 'new';
  #roomId: string | null = null;
  #actor: Actor | null = null;
  #membership: RoomMembership | null = null;
  /** Last fan-out item of the room this socket took (sent, queued while joining, or skipped as already sent). */
  #lastItem = 0;
  /** Events that arrive while the snapshot is being read; flushed after `welcome`. */
  #pending: RoomEvent[] = [];
  /** Highest room seq sent on this socket: no event leaves twice, whichever path (replay, pending, live) brings it. */
  #sentSeq = 0;
  /** Ends a slow socket that did not finish its close handshake (its reader is stuck behind the backlog). */
  #terminateTimer: NodeJS.Timeout | undefined;
  #queue: Promise<void> = Promise.resolve();

  /**
   * `raw` is the stream `socket` runs on (the one given to `WebSocketServer.handleUpgrade`). The server never
   * uses permessage-deflate, so `ws` writes every frame synchronously and raw writes keep their order with its own.
   */
  constructor(socket: WebSocket, raw: Duplex, deps: ConnectionDeps) {
    this.#socket = socket;
    this.#raw = raw;
    this.#deps = deps;
    this.#frames = new TokenBucket((deps.limits ?? DEFAULT_RATE_LIMITS).frames);
    socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    socket.on('pong', () => this.#heard());
    socket.on('close', () => this.#onClose());
    socket.on('error', (error) => deps.logger.warn('websocket error', { room: this.#roomId, error }));
  }

  /** The underlying socket (for the hub's heartbeat and shutdown). */
  get socket(): WebSocket {
    return this.#socket;
  }

  /**
   * Takes a batch of the room's fan-out. Room events go out unless this socket already carried them (a replayed
   * event may also come live); while joining they wait for the welcome. Ephemeral frames (`reactions.burst`,
   * `viewers.count`) go only to joined sockets (the welcome carries the count; a missed heart does not matter).
   * The common case — everything in the batch is new — is one write of bytes shared by the whole room.
   */
  receive(batch: FanoutBatch): void {
    const { items } = batch;
    const lastNo = items[items.length - 1]?.no ?? 0;
    if (lastNo <= this.#lastItem) return;
    if (this.#state === 'joining') {
      for (const item of items) if (item.no > this.#lastItem && item.event !== null) this.#pending.push(item.event);
    } else if (this.#state === 'joined') {
      const allNew = items[0]!.no > this.#lastItem && (batch.firstSeq === 0 || batch.firstSeq > this.#sentSeq);
      if (allNew && batch.bytes !== null) {
        if (batch.lastSeq !== 0) this.#sentSeq = batch.lastSeq;
        this.#write(batch.bytes);
      } else {
        for (const item of items) {
          if (item.no <= this.#lastItem) continue;
          if (item.event !== null) {
            if (item.event.seq <= this.#sentSeq) continue;
            this.#sentSeq = item.event.seq;
          }
          this.#write(item.frame);
        }
      }
    }
    this.#lastItem = lastNo;
  }

  /** Sends a room event unless this socket already carried it (a replayed event may also come live). */
  #sendEvent(event: RoomEvent): void {
    if (event.seq <= this.#sentSeq) return;
    this.#sentSeq = event.seq;
    this.#sendText(JSON.stringify(event));
  }

  #heard(): void {
    this.#lastHeardAt = performance.now();
  }

  /**
   * One heartbeat period passed (the hub calls this for every socket). Returns false when the socket was
   * dropped: the ping of the previous period got no answer, and nothing else came from the peer since. A peer
   * heard from within the period (a core client sends its own ping every few seconds) needs no ping, which
   * spares a write and a read per socket per period in a room of thousands.
   */
  beat(periodMs: number): boolean {
    const now = performance.now();
    if (this.#pingSentAt !== null && this.#lastHeardAt < this.#pingSentAt) {
      this.#socket.terminate();
      return false;
    }
    this.#pingSentAt = null;
    if (now - this.#lastHeardAt < periodMs) return true;
    if (this.#socket.readyState !== WebSocket.OPEN) return true;
    this.#pingSentAt = now;
    this.#socket.ping();
    return true;
  }

  #onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.#state === 'closed') return;
    this.#heard();
    if (isBinary) {
      return this.#enqueue(() => this.#fail(undefined, { code: 'invalid', message: 'binary frames are not accepted; send JSON text' }));
    }
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(new Uint8Array(data)).toString('utf8');
    const parsed = parseClientFrame(text);
    const id = parsed.ok ? parsed.value.id : parsed.id;
    if (!this.#frames.take()) {
      return this.#enqueue(() => this.#fail(id, { code: 'rate_limited', message: 'too many frames; slow down' }));
    }
    if (!parsed.ok) {
      const { error } = parsed;
      return this.#enqueue(() => this.#fail(id, error));
    }
    const frame = parsed.value;
    // A heartbeat probe never waits behind a command, and a command that waits by design (a ranked
    // flash-sale attempt) does not hold back the frames after it: the peer's clock and liveness stay exact.
    if (frame.t === 'ping') return void this.#handle(frame);
    const concurrent = frame.t !== 'hello' && (this.#deps.commands ?? COMMANDS)[frame.t].concurrent === true;
    this.#enqueue(concurrent ? () => void this.#handle(frame) : () => this.#handle(frame));
  }

  /** Runs `task` after every frame received before it, so answers leave in arrival order. */
  #enqueue(task: () => void | Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#deps.logger.error('frame handling failed', { room: this.#roomId, error });
    });
  }

  async #handle(frame: ClientFrame): Promise<void> {
    if (this.#state === 'closed') return;
    try {
      if (frame.t === 'ping') {
        return this.#send({ t: 'pong', id: frame.id, at: frame.at, serverTime: this.#deps.ctx.now() });
      }
      if (frame.t === 'hello') return await this.#hello(frame);
      const roomId = this.#roomId;
      const actor = this.#actor;
      if (this.#state !== 'joined' || roomId === null || actor === null) {
        throw new LiveShopServerError('not_joined', 'send hello first');
      }
      const type: CommandType = frame.t;
      const handler = (this.#deps.commands ?? COMMANDS)[type] as CommandHandler<CommandType>;
      this.#spendCommandToken(type, handler);
      const scope = { ctx: this.#deps.ctx, roomId, actor, session: this.#session, react: (count: number) => this.#deps.react(roomId, count) };
      const data = await handler.handle(scope, frame as CommandFrame<CommandType>);
      return this.#ack(frame.id, data);
    } catch (error) {
      this.#fail(frame.id, this.#errorBody(error, frame.t));
    }
  }

  /** Throws `rate_limited` when this command type's own bucket is empty. */
  #spendCommandToken(type: CommandType, handler: CommandHandler<CommandType>): void {
    const limit = this.#deps.limits?.commands?.[type] ?? handler.limit;
    if (limit === undefined) return;
    let bucket = this.#commandBuckets.get(type);
    if (bucket === undefined) {
      bucket = new TokenBucket(limit);
      this.#commandBuckets.set(type, bucket);
    }
    if (!bucket.take()) throw new LiveShopServerError('rate_limited', handler.limitMessage ?? `too many ${type}; slow down`);
  }

  async #hello(frame: Hello): Promise<void> {
    if (this.#state !== 'new') throw new LiveShopServerError('invalid', 'this connection already sent hello');
    const claims = frame.token === undefined ? null : await verifyToken(this.#deps.secret, frame.token);
    if (this.#state !== 'new') return; // the socket closed while the token was checked
    if (this.#deps.mayJoin && !this.#deps.mayJoin(frame.room)) {
      throw new LiveShopServerError('forbidden', `this page's origin may not join room "${frame.room}"`);
    }
    if (claims && claims.room !== frame.room) {
      throw new LiveShopServerError('forbidden', `the token is for room "${claims.room}", not "${frame.room}"`);
    }
    const role: Role = claims?.role ?? 'viewer';
    const name = claims?.name ?? frame.name ?? defaultName(role);
    // An anonymous viewer keeps its identity across reconnects through the session id its first welcome gave
    // it (random, known only to that client): a retried order after a reconnect is the same viewer's retry.
    const session = claims ? undefined : (frame.session ?? randomBytes(18).toString('base64url'));
    const subject = claims?.sub ?? `anon-${session}`;
    await assertNotBanned(this.#deps.ctx, frame.room, { role, name, subject }); // a banned viewer may not come back
    if (this.#state !== 'new') return;
    // Join the fan-out before reading the log or the snapshot so nothing published in between is lost;
    // events the snapshot or the replay already include are dropped by seq (#sendEvent).
    this.#state = 'joining';
    this.#membership = this.#deps.join(this, frame.room, { role, name, subject });
    this.#lastItem = this.#membership.startAfter;
    try {
      const plan = await planJoin(this.#deps.ctx, frame.room, frame, this.#deps.replay);
      if (this.#state !== 'joining') return;
      this.#roomId = frame.room;
      this.#actor = { role, name, subject };
      const base = { t: 'welcome', id: frame.id, serverTime: this.#deps.ctx.now(), role, name, epoch: plan.epoch, seq: plan.seq, viewers: this.#deps.viewers(frame.room), ...(session === undefined ? {} : { session }) } as const;
      if (plan.recovered) {
        // The replay continues from the client's own lastSeq; the welcome says up to where.
        this.#sentSeq = frame.lastSeq ?? 0;
        this.#send({ ...base, recovered: true });
        for (const event of plan.events) this.#sendEvent(event);
      } else {
        this.#sentSeq = plan.snapshot.seq;
        // The snapshot's JSON is shared by every join at this log position: splice it in instead of serialising it again.
        const head = JSON.stringify({ ...base, recovered: false } satisfies Omit<Extract<ServerFrame, { t: 'welcome'; recovered: false }>, 'snapshot'>);
        this.#sendText(`${head.slice(0, -1)},"snapshot":${plan.snapshotText}}`);
      }
      this.#state = 'joined';
      for (const event of this.#pending) this.#sendEvent(event);
    } catch (error) {
      if (this.#state === 'joining') this.#state = 'new';
      this.#membership?.leave();
      this.#membership = null;
      throw error;
    } finally {
      this.#pending = [];
    }
  }

  #errorBody(error: unknown, command: string): ErrorBody {
    if (error instanceof LiveShopServerError) return error.toBody();
    this.#deps.logger.error('command failed', { command, room: this.#roomId, error });
    return { code: 'internal', message: 'the server failed; please retry' };
  }

  #ack(id: string, data?: unknown): void {
    const ack: Ack = data === undefined ? { t: 'ack', id, ok: true } : { t: 'ack', id, ok: true, data };
    this.#send(ack);
  }

  #fail(id: string | undefined, error: ErrorBody): void {
    if (id === undefined) this.#send({ t: 'error', code: error.code, message: error.message });
    else this.#send({ t: 'ack', id, ok: false, error });
  }

  #send(frame: ServerFrame): void {
    // Room events this socket's command produced are still in the room's queue: they leave before its ack.
    if (this.#state === 'joined') this.#membership?.takeQueued();
    this.#sendText(JSON.stringify(frame));
  }

  #sendText(text: string): void {
    if (this.#writable()) this.#socket.send(text);
  }

  /** Writes bytes that are already a WebSocket frame (or several). */
  #write(bytes: Buffer): void {
    if (this.#writable()) this.#raw.write(bytes);
  }

  /** Whether the socket is open and keeping up; closes a slow consumer (and says no). */
  #writable(): boolean {
    const socket = this.#socket;
    if (socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > this.#deps.maxBufferedBytes) {
      // A reader this far behind would make us hold its backlog forever; let it reconnect (and resume) instead.
      this.#deps.logger.warn('closing a slow websocket', { room: this.#roomId, buffered: socket.bufferedAmount });
      socket.close(SLOW_CONSUMER_CLOSE_CODE, 'too slow to keep up; reconnect');
      // The close frame waits behind the backlog the reader is not reading; do not wait for it for long.
      this.#terminateTimer = setTimeout(() => socket.terminate(), SLOW_CONSUMER_GRACE_MS);
      this.#terminateTimer.unref();
      return false;
    }
    return true;
  }

  #onClose(): void {
    clearTimeout(this.#terminateTimer);
    this.#state = 'closed';
    this.#pending = [];
    this.#membership?.leave();
    this.#membership = null;
  }
}
