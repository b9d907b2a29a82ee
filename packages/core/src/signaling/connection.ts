import {
  MAX_FRAME_BYTES,
  utf8Length,
  type Ack,
  type ClientCommand,
  type EphemeralFrame,
  type RoomEvent,
  type ServerFrame,
  type Welcome,
} from '@live-shop/protocol';
import { LiveShopError, errorFromBody } from '../errors.js';
import type { ConnectionState, ConnectionStatus } from '../stores/connection.js';
import type { ReconnectPolicy } from './backoff.js';
import { ClockEstimator, type ClockEstimate } from './clock.js';
import { commandIds } from './ids.js';
import { loadDeferred, loadedDeferred, type Deferred } from './deferred-loader.js';

/** What a {@link Connection} needs; the client fills in the defaults. */
export interface ConnectionOptions {
  /** `ws:`/`wss:` URL of the server's `/ws` endpoint. */
  url: string;
  room: string;
  token?: string;
  name?: string;
  reconnect: ReconnectPolicy;
  ackTimeoutMs: number;
  heartbeatMs: number;
  /** WebSocket class; the global one when absent (looked up on connect, so SSR can construct a client). */
  WebSocket?: typeof WebSocket;
}

/** Where a {@link Connection} reports what happens; the client routes these to stores and events. */
export interface ConnectionHandlers {
  /** The connection state changed. */
  state(state: ConnectionState): void;
  /**
   * The server answered `hello`. `recovered: false`: replace the room state with its snapshot;
   * `recovered: true`: keep the state, the missed events follow through {@link ConnectionHandlers.event}.
   */
  welcome(welcome: Welcome, reconnected: boolean): void;
  /** A new estimate of the server clock (after each pong). */
  clock(estimate: ClockEstimate): void;
  /** A new room event (seq greater than anything applied before). */
  event(event: RoomEvent): void;
  /** A frame about the room with no seq (`reactions.burst`, `viewers.count`): applied as it comes, never deduplicated or replayed. */
  ephemeral(frame: EphemeralFrame): void;
  /** A problem that did not end the connection (error frame, unreadable frame). */
  error(error: LiveShopError): void;
}

interface Pending {
  id: string;
  text: string;
  resolve: (ack: Ack) => void;
  reject: (error: LiveShopError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One WebSocket to the room server: `hello` with the token inside the frame, command acks with a timeout,
 * heartbeats that detect a dead socket, reconnects paced by the {@link ReconnectPolicy}, and resume from
 * the last applied room sequence number so events are neither lost nor applied twice.
 */
export class Connection {
  readonly #options: ConnectionOptions;
  readonly #handlers: ConnectionHandlers;
  readonly #nextId = commandIds('c');
  #socket: WebSocket | null = null;
  /**
   * Frames that came before the deferred module (which reads them: the protocol's schemas) was here, with the
   * socket each came on; read in order when it arrives.
   */
  #unread: { socket: EventTarget | null; text: string }[] = [];
  #status: ConnectionStatus = 'idle';
  #disposed = false;
  #attempt = 0;
  #helloId: string | null = null;
  #joined = false;
  #everJoined = false;
  #lastSeq: number | null = null;
  /** Epoch of the room log `#lastSeq` belongs to; sent with it so the server can replay instead of resending all. */
  #epoch: string | null = null;
  /** The anonymous session id the server gave this client, sent back on reconnect to stay the same viewer. */
  #session: string | null = null;
  /** When the ping `#pingId` left (client clock), for the clock sample its pong makes. */
  #pingSentAt = 0;
  readonly #clock = new ClockEstimator();
  #listening = false;
  /** Why the last socket ended; shown in the state while reconnecting. */
  #lastError: LiveShopError | null = null;
  #pingId: string | null = null;
  /** Sent, waiting for their ack. Rejected with `network` when the socket drops (outcome unknown). */
  readonly #inflight = new Map<string, Pending>();
  /** Not sent yet, waiting for a joined socket; safe to send after a reconnect. */
  readonly #queued = new Map<string, Pending>();
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #helloTimer: ReturnType<typeof setTimeout> | undefined;
  #heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ConnectionOptions, handlers: ConnectionHandlers) {
    this.#options = options;
    this.#handlers = handlers;
  }

  /** Current status. */
  get status(): ConnectionStatus {
    return this.#status;
  }

  /**
   * Opens the socket. Does nothing while connecting or connected, nor after dispose; after the reconnect
   * policy gave up, starts over with attempt 0.
   */
  connect(): void {
    if (this.#disposed || (this.#status !== 'idle' && this.#status !== 'closed')) return;
    this.#listenToNetwork(true);
    this.#attempt = 0;
    // The checks of commands, the checkout's steps and the engagement actions load while the socket opens, so the
    // first command (a flash-sale reserve ranked by its arrival) does not wait for them. A failure here is not lost:
    // the first command that needs them tries again and rejects with it.
    loadDeferred().catch(() => undefined);
    this.#open();
  }

  /** The current server clock estimate. */
  get clock(): ClockEstimate {
    return this.#clock.estimate();
  }

  /**
   * Sends a command and resolves with its `ok` ack. Rejects with the server's error code, `invalid` /
   * `too_large` before sending, `timeout` after `ackTimeoutMs`, `network` when the socket dropped after
   * sending (the outcome is unknown) or when the checks could not be loaded (see loadDeferred), `closed` after
   * dispose. While (re)connecting the command waits.
   */
  command(command: ClientCommand): Promise<Ack> {
    // The checks load with the deferred module (see connect()); a command made before it arrived waits for it.
    const loaded = loadedDeferred();
    if (loaded !== null || this.#status === 'closed') return this.#send(command, loaded);
    return loadDeferred().then((checks) => this.#send(command, checks));
  }

  /** Checks and sends (or queues) a command; `checks` is null only when the connection closed before they loaded. */
  #send(command: ClientCommand, checks: Deferred | null): Promise<Ack> {
    // Closed, possibly while the check was loading.
    if (this.#status === 'closed' || checks === null) {
      const why = this.#disposed ? 'the client was disposed' : 'the connection is closed (reconnecting gave up)';
      return Promise.reject(new LiveShopError('closed', why));
    }
    const id = this.#nextId();
    const checked = checks.checkCommand({ ...command, id });
    if (!checked.ok) return Promise.reject(new LiveShopError('invalid', checked.error.message));
    const text = JSON.stringify(checked.value);
    if (utf8Length(text) > MAX_FRAME_BYTES) {
      return Promise.reject(new LiveShopError('too_large', `the command is larger than ${MAX_FRAME_BYTES} bytes`));
    }
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#inflight.delete(id);
        this.#queued.delete(id);
        reject(new LiveShopError('timeout', `no answer to ${command.t} in ${this.#options.ackTimeoutMs} ms`));
      }, this.#options.ackTimeoutMs);
      const pending: Pending = { id, text, resolve, reject, timer };
      if (this.#joined) this.#transmit(pending);
      else this.#queued.set(id, pending);
    });
  }

  /** Closes for good: closes the socket, clears every timer, rejects every waiting command with `closed`. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#listenToNetwork(false);
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#teardownSocket();
    this.#rejectAll(this.#queued, () => new LiveShopError('closed', 'the client was disposed'));
    this.#rejectAll(this.#inflight, () => new LiveShopError('closed', 'the client was disposed'));
    this.#setState('closed', 0, null);
  }

  #open(): void {
    if (isOffline()) {
      // No network: trying would only fail; the browser's 'online' event brings us back.
      this.#setState('offline', this.#attempt, this.#lastError);
      return;
    }
    this.#setState(this.#everJoined || this.#attempt > 0 ? 'reconnecting' : 'connecting', this.#attempt, this.#lastError);
    const WebSocketImpl = this.#options.WebSocket ?? globalThis.WebSocket;
    if (typeof WebSocketImpl !== 'function') {
      this.#drop(new LiveShopError('invalid', 'WebSocket: this runtime has none; pass options.WebSocket'));
      return;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocketImpl(this.#options.url);
    } catch (cause) {
      this.#drop(new LiveShopError('network', `cannot open ${this.#options.url}`, { cause }));
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', this.#onOpen);
    socket.addEventListener('message', this.#onMessage);
    socket.addEventListener('close', this.#onClose);
    // 'close' always follows 'error' and reports it. The listener stays after teardown on purpose: Node's `ws`
    // throws an 'error' that nobody listens to, and it may emit one after we closed a socket still connecting.
    socket.addEventListener('error', ignoreError);
  }

  readonly #onOpen = (): void => {
    const helloId = this.#nextId();
    this.#helloId = helloId;
    const { room, token, name } = this.#options;
    this.#sendRaw(
      JSON.stringify({
        t: 'hello',
        id: helloId,
        room,
        ...(token === undefined ? {} : { token }),
        ...(name === undefined ? {} : { name }),
        ...(this.#lastSeq === null ? {} : { lastSeq: this.#lastSeq }),
        ...(this.#lastSeq === null || this.#epoch === null ? {} : { epoch: this.#epoch }),
        ...(this.#session === null ? {} : { session: this.#session }),
      }),
    );
    this.#helloTimer = setTimeout(() => {
      this.#drop(new LiveShopError('timeout', `no welcome in ${this.#options.ackTimeoutMs} ms`));
    }, this.#options.ackTimeoutMs);
  };

  readonly #onClose = (event: CloseEvent): void => {
    const reason = event.reason ? `: ${event.reason}` : '';
    this.#drop(new LiveShopError('network', `the connection closed (code ${event.code}${reason})`));
  };

  readonly #onMessage = (event: MessageEvent): void => {
    if (typeof event.data !== 'string') {
      this.#handlers.error(new LiveShopError('invalid', 'the server sent a binary frame'));
      return;
    }
    const reader = loadedDeferred();
    if (reader === null || this.#unread.length > 0) {
      this.#unread.push({ socket: event.target, text: event.data });
      if (this.#unread.length === 1) this.#readWhenLoaded();
      return;
    }
    this.#read(reader, event.data);
  };

  /**
   * Reads what waited for the deferred module once it is here (started at connect(), so usually before the
   * welcome). Frames of a socket that was dropped meanwhile are not read. When the module cannot be loaded the
   * connection drops with that error, and reconnecting tries the import again.
   */
  #readWhenLoaded(): void {
    loadDeferred().then(
      (reader) => {
        for (const { socket, text } of this.#unread.splice(0)) if (socket === this.#socket) this.#read(reader, text);
      },
      (error: unknown) => {
        this.#unread = [];
        // Dropped meanwhile: the reconnect already under way imports again with its first frame.
        if (this.#socket === null) return;
        this.#drop(error instanceof LiveShopError ? error : new LiveShopError('network', 'could not load the frame reader', { cause: error }));
      },
    );
  }

  #read(reader: Deferred, text: string): void {
    const parsed = reader.parseServerFrame(text);
    if (!parsed.ok) {
      this.#handlers.error(new LiveShopError(parsed.error.code, `unreadable frame from the server: ${parsed.error.message}`));
      return;
    }
    this.#handle(parsed.value);
  }

  #handle(frame: ServerFrame): void {
    switch (frame.t) {
      case 'welcome':
        if (frame.id === this.#helloId) this.#onWelcome(frame);
        return;
      case 'ack':
        this.#onAck(frame);
        return;
      case 'pong':
        if (frame.id === this.#pingId) {
          this.#pingId = null;
          this.#handlers.clock(this.#clock.add({ sentAt: this.#pingSentAt, receivedAt: Date.now(), serverTime: frame.serverTime }));
        }
        return;
      case 'error':
        this.#handlers.error(errorFromBody(frame));
        return;
      case 'reactions.burst':
      case 'viewers.count':
      case 'notice':
        // Not room events: no seq to dedup or resync on. Before the welcome they belong to no state of ours.
        if (this.#joined) this.#handlers.ephemeral(frame);
        return;
      default:
        // Events before the welcome would be replaced by its snapshot anyway.
        if (!this.#joined) return;
        // Dedup: a resumed stream may repeat what this client already applied.
        if (this.#lastSeq !== null && frame.seq <= this.#lastSeq) return;
        if (this.#lastSeq !== null && frame.seq > this.#lastSeq + 1) {
          // Never a silent gap: rejoin from the last applied seq; the server replays or sends a snapshot.
          this.#resync(new LiveShopError('network', `missed room events ${this.#lastSeq + 1}..${frame.seq - 1}; resyncing`));
          return;
        }
        this.#lastSeq = frame.seq;
        this.#handlers.event(frame);
    }
  }

  #onWelcome(welcome: Welcome): void {
    if (welcome.session !== undefined) this.#session = welcome.session;
    clearTimeout(this.#helloTimer);
    this.#helloTimer = undefined;
    if (welcome.recovered && (this.#lastSeq === null || welcome.epoch !== this.#epoch)) {
      // A resume we did not ask for: we cannot trust our state against it, so start over with a snapshot.
      this.#epoch = null;
      this.#lastSeq = null;
      this.#resync(new LiveShopError('internal', 'the server resumed a log this client does not hold'));
      return;
    }
    const reconnected = this.#everJoined;
    this.#joined = true;
    this.#everJoined = true;
    this.#attempt = 0;
    this.#lastError = null;
    // Resumed: our seq stays, the replay follows. Otherwise the snapshot is the new truth (possibly of a new log).
    if (!welcome.recovered) this.#lastSeq = welcome.snapshot.seq;
    if (welcome.epoch !== this.#epoch) this.#clock.reset();
    this.#epoch = welcome.epoch;
    this.#handlers.welcome(welcome, reconnected);
    this.#setState('open', 0, null);
    this.#startHeartbeat();
    for (const pending of [...this.#queued.values()]) {
      this.#queued.delete(pending.id);
      this.#transmit(pending);
    }
  }

  #onAck(ack: Ack): void {
    if (ack.id === this.#helloId && !this.#joined) {
      this.#drop(errorFromBody(ack.error));
      return;
    }
    const pending = this.#inflight.get(ack.id);
    // An ack for a command that already timed out: nobody waits for it any more.
    if (!pending) return;
    this.#inflight.delete(ack.id);
    clearTimeout(pending.timer);
    if (ack.ok) pending.resolve(ack);
    else pending.reject(errorFromBody(ack.error));
  }

  #startHeartbeat(): void {
    clearInterval(this.#heartbeatTimer);
    this.#pingId = null;
    this.#heartbeatTimer = setInterval(() => {
      if (this.#pingId !== null) {
        this.#drop(new LiveShopError('timeout', `no pong in ${this.#options.heartbeatMs} ms; the connection is dead`));
        return;
      }
      this.#ping();
    }, this.#options.heartbeatMs);
    // A first clock sample right away, not one heartbeat later.
    this.#ping();
  }

  #ping(): void {
    this.#pingId = this.#nextId();
    this.#pingSentAt = Date.now();
    this.#sendRaw(JSON.stringify({ t: 'ping', id: this.#pingId, at: this.#pingSentAt }));
  }

  /** Rejoins at once (no backoff): the socket is fine but our view of the room is not. */
  #resync(error: LiveShopError): void {
    this.#teardownSocket();
    this.#rejectAll(this.#inflight, () => new LiveShopError('network', 'the connection was reset before the answer came', { cause: error }));
    this.#lastError = error;
    this.#open();
  }

  /** Follows the browser's network state: 'offline' drops the socket and waits, 'online' reconnects at once. */
  #listenToNetwork(on: boolean): void {
    const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') return;
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) {
      target.addEventListener('offline', this.#onOffline);
      target.addEventListener('online', this.#onOnline);
    } else {
      target.removeEventListener('offline', this.#onOffline);
      target.removeEventListener('online', this.#onOnline);
    }
  }

  readonly #onOffline = (): void => {
    if (this.#disposed || this.#status === 'closed' || this.#status === 'idle' || this.#status === 'offline') return;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#teardownSocket();
    const error = new LiveShopError('network', 'the device is offline');
    this.#rejectAll(this.#inflight, () => new LiveShopError('network', 'went offline before the answer came', { cause: error }));
    this.#lastError = error;
    this.#setState('offline', this.#attempt, error);
  };

  readonly #onOnline = (): void => {
    if (this.#disposed || this.#status !== 'offline') return;
    this.#attempt = 0;
    this.#open();
  };

  #transmit(pending: Pending): void {
    this.#inflight.set(pending.id, pending);
    this.#sendRaw(pending.text);
  }

  #sendRaw(text: string): void {
    try {
      this.#socket?.send(text);
    } catch (cause) {
      this.#drop(new LiveShopError('network', 'sending on the socket failed', { cause }));
    }
  }

  /** The socket is gone or useless: clean it up and let the policy decide whether to try again. */
  #drop(error: LiveShopError): void {
    if (this.#status === 'closed') return;
    this.#teardownSocket();
    this.#rejectAll(this.#inflight, () => new LiveShopError('network', 'the connection dropped before the answer came', { cause: error }));
    this.#attempt += 1;
    this.#lastError = error;
    const delay = this.#options.reconnect(this.#attempt, error);
    if (delay === null) {
      this.#rejectAll(this.#queued, () => new LiveShopError('closed', 'gave up reconnecting', { cause: error }));
      this.#setState('closed', this.#attempt, error);
      return;
    }
    this.#setState('reconnecting', this.#attempt, error);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open();
    }, Math.max(0, delay));
  }

  #teardownSocket(): void {
    clearTimeout(this.#helloTimer);
    clearInterval(this.#heartbeatTimer);
    this.#helloTimer = undefined;
    this.#heartbeatTimer = undefined;
    this.#joined = false;
    this.#helloId = null;
    this.#pingId = null;
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.removeEventListener('open', this.#onOpen);
    socket.removeEventListener('message', this.#onMessage);
    socket.removeEventListener('close', this.#onClose);
    if (socket.readyState === socket.CONNECTING || socket.readyState === socket.OPEN) socket.close(1000);
  }

  #rejectAll(map: Map<string, Pending>, error: () => LiveShopError): void {
    for (const pending of map.values()) {
      clearTimeout(pending.timer);
      pending.reject(error());
    }
    map.clear();
  }

  #setState(status: ConnectionStatus, attempt: number, error: LiveShopError | null): void {
    this.#status = status;
    this.#handlers.state({ status, attempt, error });
  }
}

/** True only when the runtime says for sure there is no network (`navigator.onLine === false`). */
function isOffline(): boolean {
  return typeof navigator !== 'undefined' && (navigator as { onLine?: boolean }).onLine === false;
}

/** Listener for a socket's 'error' event, whose 'close' event carries the report. */
function ignoreError(): void {}
