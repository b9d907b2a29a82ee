import { randomBytes } from 'node:crypto';
import type { MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver, RTCRtpSender, RtpPacket } from 'werift';
import { LiveShopServerError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { isVp8KeyframeStart, KeyframeRequests } from './keyframes.js';
import { answerOffer, assertRelayNetwork, createRelayPeer, LOOPBACK_NETWORK, offeredKinds, type RelayKind, type RelayNetwork } from './peer.js';

/** Options of {@link WebRtcRelay}. */
export interface RelayOptions {
  logger: Logger;
  /** Viewers one room may have at once (the dev relay forwards in one Node process). Default 50. */
  maxViewersPerRoom?: number;
  /**
   * The address (and ports) browsers reach the relay on. Default: 127.0.0.1 only, so only browsers on this
   * machine can play over WebRTC (the others fall back to HLS). Throws `invalid` when it cannot work.
   */
  network?: RelayNetwork;
  /** A session whose ICE/DTLS has not connected after this long is closed. Default 20 000 ms. */
  connectTimeoutMs?: number;
  /**
   * Called when a room's WebRTC source comes (the host's first video packet arrived) or goes (the publish
   * ended), so the room can tell its players to switch. Errors are the caller's to handle.
   */
  onLiveChange?: (roomId: string, live: boolean) => void;
}

/** What a new session returns to its HTTP handler. */
export interface RelaySession {
  /** Unguessable resource id (the WHIP/WHEP `Location` ends with it). */
  id: string;
  /** The SDP answer, with every ICE candidate in it. */
  answer: string;
}

/** Live numbers of one room. */
export interface RelayRoomStats {
  /** True while a host publishes. */
  live: boolean;
  /** Viewer sessions open now. */
  viewers: number;
}

/**
 * Sessions the relay ended on its own (the host left, the connection died) stay known this long, so
 * the player's DELETE that follows gets 200 (already gone) rather than a 404 it did nothing to earn.
 */
const ENDED_MEMORY_MS = 120_000;
/** At most this many ended sessions are remembered (oldest forgotten first). */
const ENDED_MEMORY_MAX = 1_000;

interface Session {
  id: string;
  pc: RTCPeerConnection;
  timer: NodeJS.Timeout | undefined;
}

interface Publisher extends Session {
  /** The receiver of each kind the host sends, and the SSRC of its track (for PLI). */
  receivers: Map<RelayKind, { receiver: RTCRtpReceiver; ssrc: number }>;
  /** Keyframe requests to the host, repeated until its next keyframe. */
  keyframes: KeyframeRequests;
  /** Whether the room was told this publisher is live (at its first video packet). */
  announced: boolean;
}

interface Viewer extends Session {
  senders: Map<RelayKind, RTCRtpSender>;
}

interface Room {
  publisher: Publisher | null;
  viewers: Map<string, Viewer>;
}

/**
 * The dev media relay: a tiny SFU on werift. One publisher per room (WHIP), many viewers (WHEP); the
 * host's VP8/Opus RTP is forwarded to every viewer as is (no transcoding; SSRC, payload type, sequence
 * numbers and timestamps are rewritten per viewer by werift's sender). A viewer that joins gets a
 * keyframe requested from the host (PLI), so its picture starts at once instead of at the next keyframe.
 */
export class WebRtcRelay {
  readonly #logger: Logger;
  readonly #maxViewers: number;
  readonly #connectTimeoutMs: number;
  readonly #network: RelayNetwork;
  readonly #onLiveChange: ((roomId: string, live: boolean) => void) | undefined;
  readonly #rooms = new Map<string, Room>();
  /** Listeners that get a copy of every RTP packet the host of a room sends (the HLS packager). */
  readonly #taps = new Map<string, Set<(kind: RelayKind, packet: Buffer) => void>>();
  /** `<room>/<id>` of recently ended sessions → when they ended. */
  readonly #ended = new Map<string, number>();
  #closed = false;

  constructor(options: RelayOptions) {
    this.#logger = options.logger;
    this.#maxViewers = options.maxViewersPerRoom ?? 50;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
    this.#network = options.network ?? LOOPBACK_NETWORK;
    assertRelayNetwork(this.#network);
    this.#onLiveChange = options.onLiveChange;
  }

  /**
   * Starts publishing into `room` from a WHIP offer. A host that publishes again (a reloaded studio)
   * replaces its previous session: the token, not the session, is the authority.
   */
  async publish(roomId: string, offer: string): Promise<RelaySession> {
    this.#assertOpen();
    offeredKinds(offer);
    const pc = createRelayPeer(this.#network);
    const receivers: Publisher['receivers'] = new Map();
    const keyframes = new KeyframeRequests(() => {
      const video = receivers.get('video');
      video?.receiver.sendRtcpPLI(video.ssrc).catch((error: unknown) => this.#logger.warn('webrtc PLI failed', { error }));
    });
    const publisher: Publisher = { id: newId(), pc, timer: undefined, receivers, keyframes, announced: false };
    pc.onTrack.subscribe((track) => this.#onPublishedTrack(roomId, publisher, track));
    let answer: string;
    try {
      answer = await answerOffer(pc, offer, this.#network);
    } catch (error) {
      await closePeer(pc, this.#logger);
      throw error;
    }
    this.#assertOpen();
    const previous = this.#rooms.get(roomId);
    if (previous?.publisher) this.#endPublisher(roomId, previous, 'replaced by a new publish');
    // Looked up after the old publisher ended: ending it may have dropped the room.
    const room = this.#room(roomId);
    room.publisher = publisher;
    this.#watch(publisher, () => this.#endPublisher(roomId, room, 'the connection ended'));
    this.#logger.info('webrtc publish started', { room: roomId, session: publisher.id });
    return { id: publisher.id, answer };
  }

  /** Starts a viewer session from a WHEP offer. Throws `not_found` when nobody publishes in `room`. */
  async play(roomId: string, offer: string): Promise<RelaySession> {
    this.#assertOpen();
    const kinds = offeredKinds(offer);
    const existing = this.#rooms.get(roomId);
    if (!existing?.publisher) throw new LiveShopServerError('not_found', `nobody is publishing WebRTC in room "${roomId}"`);
    if (existing.viewers.size >= this.#maxViewers) {
      throw new LiveShopServerError('rate_limited', `room "${roomId}" has ${this.#maxViewers} WebRTC viewers already; use HLS`);
    }
    const pc = createRelayPeer(this.#network);
    const viewer: Viewer = { id: newId(), pc, timer: undefined, senders: new Map() };
    // One send-only transceiver per offered kind, added before the offer so werift pairs them with its m-lines.
    for (const kind of new Set(kinds)) {
      const transceiver = pc.addTransceiver(kind, { direction: 'sendonly' });
      viewer.senders.set(kind, transceiver.sender);
      transceiver.sender.onPictureLossIndication.subscribe(() => this.#requestKeyframe(roomId));
    }
    let answer: string;
    try {
      answer = await answerOffer(pc, offer, this.#network);
    } catch (error) {
      await closePeer(pc, this.#logger);
      throw error;
    }
    const room = this.#rooms.get(roomId);
    if (this.#closed || !room?.publisher) {
      await closePeer(pc, this.#logger);
      throw new LiveShopServerError('not_found', `nobody is publishing WebRTC in room "${roomId}"`);
    }
    room.viewers.set(viewer.id, viewer);
    this.#watch(viewer, () => this.#endViewer(roomId, room, viewer.id), () => this.#requestKeyframe(roomId));
    return { id: viewer.id, answer };
  }

  /** Ends the publish session `id` (WHIP DELETE). Returns false when there is no such session. */
  endPublish(roomId: string, id: string): boolean {
    const room = this.#rooms.get(roomId);
    if (!room?.publisher || room.publisher.id !== id) return this.#recentlyEnded(roomId, id);
    this.#endPublisher(roomId, room, 'deleted by the host', false);
    return true;
  }

  /** Ends the viewer session `id` (WHEP DELETE). Returns false when there is no such session. */
  endPlay(roomId: string, id: string): boolean {
    const room = this.#rooms.get(roomId);
    if (!room?.viewers.has(id)) return this.#recentlyEnded(roomId, id);
    this.#endViewer(roomId, room, id, false);
    return true;
  }

  /** Whether `room` is live over WebRTC and how many viewers it has. */
  stats(roomId: string): RelayRoomStats {
    const room = this.#rooms.get(roomId);
    return { live: room?.publisher != null, viewers: room?.viewers.size ?? 0 };
  }

  /** Closes every session. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const peers: RTCPeerConnection[] = [];
    for (const room of this.#rooms.values()) {
      for (const viewer of room.viewers.values()) peers.push(this.#dispose(viewer));
      room.viewers.clear();
      if (room.publisher) {
        room.publisher.keyframes.dispose();
        peers.push(this.#dispose(room.publisher));
      }
      room.publisher = null;
    }
    this.#rooms.clear();
    await Promise.all(peers.map((pc) => closePeer(pc, this.#logger)));
  }

  #onPublishedTrack(roomId: string, publisher: Publisher, track: MediaStreamTrack): void {
    const kind = track.kind;
    if (kind !== 'audio' && kind !== 'video') return;
    const transceiver = publisher.pc.getTransceivers().find((t) => t.receiver.tracks.includes(track));
    if (transceiver && track.ssrc !== undefined) publisher.receivers.set(kind, { receiver: transceiver.receiver, ssrc: track.ssrc });
    track.onReceiveRtp.subscribe((rtp: RtpPacket) => {
      const room = this.#rooms.get(roomId);
      if (!room || room.publisher !== publisher) return;
      const taps = this.#taps.get(roomId);
      if (taps && taps.size > 0) {
        const packet = rtp.serialize();
        for (const tap of taps) tap(kind, packet);
      }
      if (kind === 'video' && isVp8KeyframeStart(rtp.payload)) publisher.keyframes.keyframeSeen();
      if (kind === 'video' && !publisher.announced) {
        // Live once video flows, not at the WHIP answer: a player told earlier would wait for nothing.
        publisher.announced = true;
        this.#onLiveChange?.(roomId, true);
      }
      if (room.viewers.size === 0) return;
      // Serialized once, without the host's header extensions; each sender parses its own copy and
      // rewrites SSRC/PT/seq/timestamp, so viewers never share a mutable packet.
      rtp.header.extensions = [];
      rtp.header.extension = false;
      const bytes = rtp.serialize();
      for (const viewer of room.viewers.values()) {
        const sender = viewer.senders.get(kind);
        if (sender) sender.sendRtp(bytes).catch((error: unknown) => this.#logger.warn('webrtc forward failed', { error }));
      }
    });
    // Viewers may already be waiting (host reconnected): give them a keyframe now.
    if (kind === 'video') this.#requestKeyframe(roomId);
  }

  /**
   * Calls `listener` with every RTP packet (as sent by the host, serialized) of the room's publisher from
   * now on, until the returned function is called. The packet is the listener's own copy.
   */
  tap(roomId: string, listener: (kind: RelayKind, packet: Buffer) => void): () => void {
    let taps = this.#taps.get(roomId);
    if (!taps) {
      taps = new Set();
      this.#taps.set(roomId, taps);
    }
    taps.add(listener);
    return () => {
      taps.delete(listener);
      if (taps.size === 0 && this.#taps.get(roomId) === taps) this.#taps.delete(roomId);
    };
  }

  /** Asks the room's host for a keyframe now (a new consumer such as the packager needs one to start). */
  requestKeyframe(roomId: string): void {
    this.#requestKeyframe(roomId);
  }

  /**
   * Asks the host for a keyframe until one comes (see {@link KeyframeRequests}): requests while one is
   * pending join it, so a room makes at most one keyframe per request however many viewers ask.
   */
  #requestKeyframe(roomId: string): void {
    const publisher = this.#rooms.get(roomId)?.publisher;
    if (publisher?.receivers.has('video')) publisher.keyframes.request();
  }

  /** Ends a session whose connection fails, closes, or never connects in time; runs `onConnected` once. */
  #watch(session: Session, end: () => void, onConnected?: () => void): void {
    session.timer = setTimeout(() => {
      session.timer = undefined;
      if (session.pc.connectionState !== 'connected') end();
    }, this.#connectTimeoutMs);
    session.pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        clearTimeout(session.timer);
        session.timer = undefined;
        onConnected?.();
      } else if (state === 'failed' || state === 'closed') {
        end();
      }
    });
  }

  #endPublisher(roomId: string, room: Room, reason: string, remember = true): void {
    const publisher = room.publisher;
    if (!publisher) return;
    room.publisher = null;
    if (publisher.announced) this.#onLiveChange?.(roomId, false);
    if (remember) this.#remember(roomId, publisher.id);
    publisher.keyframes.dispose();
    void closePeer(this.#dispose(publisher), this.#logger);
    // Without a host there is nothing to forward: end the viewers so their players fall back to HLS.
    for (const id of [...room.viewers.keys()]) this.#endViewer(roomId, room, id);
    if (room.viewers.size === 0) this.#rooms.delete(roomId);
    this.#logger.info('webrtc publish ended', { room: roomId, session: publisher.id, reason });
  }

  /** `remember`: the relay ended it on its own, so the player's DELETE still to come should get 200. */
  #endViewer(roomId: string, room: Room, id: string, remember = true): void {
    const viewer = room.viewers.get(id);
    if (!viewer) return;
    room.viewers.delete(id);
    if (remember) this.#remember(roomId, id);
    void closePeer(this.#dispose(viewer), this.#logger);
  }

  /** Clears a session's timer and subscriptions; returns its peer for closing. */
  #dispose(session: Session): RTCPeerConnection {
    clearTimeout(session.timer);
    session.timer = undefined;
    session.pc.connectionStateChange.allUnsubscribe();
    return session.pc;
  }

  #remember(roomId: string, id: string): void {
    this.#ended.set(`${roomId}/${id}`, Date.now());
    for (const key of this.#ended.keys()) {
      if (this.#ended.size <= ENDED_MEMORY_MAX) break;
      this.#ended.delete(key);
    }
  }

  /** True (once) for a session the relay ended itself in the last {@link ENDED_MEMORY_MS}. */
  #recentlyEnded(roomId: string, id: string): boolean {
    const key = `${roomId}/${id}`;
    const at = this.#ended.get(key);
    this.#ended.delete(key);
    return at !== undefined && Date.now() - at < ENDED_MEMORY_MS;
  }

  #room(roomId: string): Room {
    let room = this.#rooms.get(roomId);
    if (!room) this.#rooms.set(roomId, (room = { publisher: null, viewers: new Map() }));
    return room;
  }

  #assertOpen(): void {
    if (this.#closed) throw new LiveShopServerError('internal', 'the media relay is shutting down');
  }
}

function newId(): string {
  return randomBytes(16).toString('base64url');
}

async function closePeer(pc: RTCPeerConnection, logger: Logger): Promise<void> {
  try {
    await pc.close();
  } catch (error) {
    logger.warn('webrtc peer close failed', { error });
  }
}
