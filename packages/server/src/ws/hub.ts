import type { IncomingMessage } from 'node:http';
import type { RoomOrigins } from '../auth/room-origins.js';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BANNED_CLOSE_CODE, MAX_FRAME_BYTES, type EphemeralFrame } from '@live-shop/protocol';
import { Notices, registerNotices } from '../rooms/notices.js';
import type { OriginPolicy } from '../auth/origins.js';
import type { Bus } from '../bus/bus.js';
import type { Logger } from '../logger.js';
import type { Actor, DomainContext } from '../rooms/context.js';
import { Presence } from '../rooms/presence.js';
import { ReactionAggregator } from '../rooms/reactions.js';
import { DEFAULT_REPLAY_WINDOW, type ReplayWindow } from '../rooms/resume.js';
import { Connection, type RoomMembership } from './connection.js';
import { RoomFanout } from './room-fanout.js';
import type { ConnectionLimits } from './rate-limit.js';

/** Default server ping interval: a peer that vanished without a close is dropped within 3 to 6 s. */
export const DEFAULT_SERVER_HEARTBEAT_MS = 3000;

/**
 * The heartbeat visits the sockets in this many groups, one group per tick of period / groups: each socket is
 * still checked once per period, but a room of thousands is not pinged (and does not answer) all in the same
 * instant, which would delay the room's messages behind a burst of pings and pongs every period.
 */
const HEARTBEAT_GROUPS = 10;

/** Path of the WebSocket endpoint. */
export const WS_PATH = '/ws';

/** Options of the {@link Hub}. */
export interface HubOptions {
  ctx: DomainContext;
  bus: Bus;
  secret: string;
  isAllowedOrigin: OriginPolicy;
  /**
   * Per-room allowed origins. With it, the upgrade admits an origin that the server or any room allows, and
   * `hello` checks the room's own list; without it, {@link HubOptions.isAllowedOrigin} decides alone.
   */
  roomOrigins?: RoomOrigins;
  logger: Logger;
  /**
   * Ping interval; a socket that has not answered the previous ping is dropped, so a dead peer is found
   * within one to two intervals. Default {@link DEFAULT_SERVER_HEARTBEAT_MS}.
   */
  heartbeatMs?: number;
  /** How far back a reconnecting client is replayed to. Default {@link DEFAULT_REPLAY_WINDOW}. */
  replay?: ReplayWindow;
  /** Close a socket with 1013 beyond this much unsent output. Default 1 MiB. */
  maxBufferedBytes?: number;
  limits?: ConnectionLimits;
  /** Period of `reactions.burst` per room. Default 250 ms. */
  reactionPeriodMs?: number;
  /** Fewest ms between two `viewers.count` of one room. Default 1000 ms. */
  viewerCountIntervalMs?: number;
  /** Fewest ms between two join (or purchase) `notice`s of one room. Default 1000 ms. */
  noticeIntervalMs?: number;
}

interface RoomMembers {
  fanout: RoomFanout<Connection>;
  unsubscribe: () => void;
}

/**
 * Accepts WebSocket upgrades on {@link WS_PATH} and fans room events out to the sockets in each room.
 * One bus subscription per room with members; each event is serialised and framed once for all of them
 * ({@link RoomFanout}), and a busy server sends the frames that piled up to each socket in one write.
 */
export class Hub {
  readonly #options: HubOptions;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  readonly #connections = new Set<Connection>();
  /** The connections in {@link HEARTBEAT_GROUPS} groups (round robin as they come); one group beats per tick. */
  readonly #heartbeatGroups = Array.from({ length: HEARTBEAT_GROUPS }, () => new Set<Connection>());
  #nextGroupToJoin = 0;
  #nextGroupToBeat = 0;
  readonly #rooms = new Map<string, RoomMembers>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #reactions: ReactionAggregator;
  readonly #presence: Presence;
  readonly #notices: Notices;
  /** Who each joined connection is (for join notices, and to close a banned viewer's sockets). */
  readonly #actors = new Map<Connection, Actor>();

  constructor(options: HubOptions) {
    this.#options = options;
    const broadcast = (roomId: string, frame: EphemeralFrame) => this.#broadcastEphemeral(roomId, frame);
    this.#reactions = new ReactionAggregator({
      broadcast,
      now: options.ctx.now,
      ...(options.reactionPeriodMs === undefined ? {} : { periodMs: options.reactionPeriodMs }),
    });
    this.#presence = new Presence({
      broadcast,
      ...(options.viewerCountIntervalMs === undefined ? {} : { intervalMs: options.viewerCountIntervalMs }),
    });
    this.#notices = new Notices({
      broadcast,
      now: options.ctx.now,
      ...(options.noticeIntervalMs === undefined ? {} : { intervalMs: options.noticeIntervalMs }),
    });
    registerNotices(options.ctx, this.#notices); // so `announcePurchase(ctx, …)` reaches this hub's sockets
    this.#heartbeat = setInterval(() => this.#beat(), (options.heartbeatMs ?? DEFAULT_SERVER_HEARTBEAT_MS) / HEARTBEAT_GROUPS);
    this.#heartbeat.unref();
  }

  /** Handles an HTTP upgrade request: refuses wrong paths (404) and disallowed origins (403). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found', `no WebSocket endpoint at ${path ?? ''}`);
    const origin = req.headers.origin;
    const roomOrigins = this.#options.roomOrigins;
    if (!(roomOrigins ? roomOrigins.allowsAnyRoom(origin) : this.#options.isAllowedOrigin(origin))) {
      this.#options.logger.warn('websocket origin refused', { origin: req.headers.origin });
      return refuse(socket, 403, 'Forbidden', 'this origin may not connect');
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, socket, {
        ctx: this.#options.ctx,
        secret: this.#options.secret,
        logger: this.#options.logger,
        maxBufferedBytes: this.#options.maxBufferedBytes ?? 1024 * 1024,
        replay: this.#options.replay ?? DEFAULT_REPLAY_WINDOW,
        join: (c, roomId, actor) => this.#join(c, roomId, actor),
        react: (roomId, count) => this.#reactions.add(roomId, count),
        viewers: (roomId) => this.#presence.count(roomId),
        mayJoin: (roomId) => (roomOrigins ? roomOrigins.allows(roomId, origin) : true),
        ...(this.#options.limits ? { limits: this.#options.limits } : {}),
      });
      this.#connections.add(connection);
      const group = this.#heartbeatGroups[this.#nextGroupToJoin]!;
      this.#nextGroupToJoin = (this.#nextGroupToJoin + 1) % HEARTBEAT_GROUPS;
      group.add(connection);
      ws.once('close', () => {
        this.#connections.delete(connection);
        group.delete(connection);
      });
    });
  }

  /** Closes every socket (1001 going away), waits up to `graceMs` for them, then drops the rest. */
  async close(graceMs = 1000): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#reactions.dispose();
    this.#presence.dispose();
    this.#notices.dispose();
    const sockets = [...this.#connections].map((c) => c.socket);
    const closed = sockets.map((ws) => new Promise<void>((done) => (ws.readyState === ws.CLOSED ? done() : ws.once('close', () => done()))));
    for (const ws of sockets) ws.close(1001, 'server shutting down');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise<void>((done) => (timer = setTimeout(done, graceMs)))]);
    clearTimeout(timer);
    for (const ws of sockets) ws.terminate();
    for (const room of this.#rooms.values()) {
      room.unsubscribe();
      room.fanout.dispose();
    }
    this.#rooms.clear();
    await new Promise<void>((done) => this.#wss.close(() => done()));
  }

  #join(connection: Connection, roomId: string, actor: Actor): RoomMembership {
    let room = this.#rooms.get(roomId);
    if (!room) {
      const fanout = new RoomFanout<Connection>();
      const unsubscribe = this.#options.bus.subscribe(roomId, (event) => {
        fanout.publishEvent(event);
        if (event.t === 'chat.banned') void this.#closeBanned(roomId, fanout.members, event.authorId);
      });
      room = { fanout, unsubscribe };
      this.#rooms.set(roomId, room);
    }
    const joined = room;
    joined.fanout.members.add(connection);
    this.#actors.set(connection, actor);
    this.#presence.join(roomId);
    if (actor.role === 'viewer') this.#notices.join(roomId, actor.subject, actor.name);
    return {
      startAfter: joined.fanout.lastNo,
      takeQueued: () => joined.fanout.flushTo(connection),
      leave: () => {
        if (!joined.fanout.members.delete(connection)) return;
        this.#actors.delete(connection);
        this.#presence.leave(roomId);
        if (joined.fanout.members.size === 0 && this.#rooms.get(roomId) === joined) {
          joined.unsubscribe();
          joined.fanout.dispose();
          this.#rooms.delete(roomId);
          this.#notices.forget(roomId);
        }
      },
    };
  }

  /** Closes every socket of a banned viewer in the room on this server, with {@link BANNED_CLOSE_CODE}. */
  async #closeBanned(roomId: string, members: ReadonlySet<Connection>, authorId: string): Promise<void> {
    try {
      const subject = await this.#options.ctx.store.subjectOfAuthor(roomId, authorId);
      if (subject === null) return;
      for (const member of members) {
        const actor = this.#actors.get(member);
        if (actor?.subject === subject && actor.role === 'viewer') member.socket.close(BANNED_CLOSE_CODE, 'banned from this room');
      }
    } catch (error) {
      this.#options.logger.error('closing a banned viewer failed', { room: roomId, error });
    }
  }

  /** Sends a frame that is not a room event (no seq, not logged) to the room's sockets on this server, serialised once. */
  #broadcastEphemeral(roomId: string, frame: EphemeralFrame): void {
    this.#rooms.get(roomId)?.fanout.publishEphemeral(JSON.stringify(frame));
  }

  /** One tick: the next group's sockets each get their once-a-period heartbeat check. */
  #beat(): void {
    const periodMs = this.#options.heartbeatMs ?? DEFAULT_SERVER_HEARTBEAT_MS;
    const group = this.#heartbeatGroups[this.#nextGroupToBeat]!;
    this.#nextGroupToBeat = (this.#nextGroupToBeat + 1) % HEARTBEAT_GROUPS;
    for (const connection of group) connection.beat(periodMs);
  }
}

function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}
