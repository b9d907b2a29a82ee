import type { Logger } from './logger.js';
import type { RelayNetwork } from './media/webrtc/peer.js';
import type { DataKey } from './security/field-cipher.js';
import type { SeedName } from './demo/seed.js';
import type { ServerPaths } from './paths.js';
import type { HubOptions } from './ws/hub.js';
import type { DispatcherTuning } from './webhooks/dispatcher.js';

/** Options of {@link createServer}. Only `dataDir` is required. */
export interface ServerOptions {
  /** Folder of the SQLite database and the generated secret. */
  dataDir: string;
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Token signing secret. Default: LIVE_SHOP_SECRET, else a random secret kept in the data folder. */
  secret?: string;
  /**
   * Keys that encrypt customer data at rest, newest first. Default: LIVE_SHOP_DATA_KEYS
   * (`id:base64key,…`), else a key generated once into the data folder.
   */
  dataKeys?: DataKey[];
  /**
   * Secret the merchant's backend signs payment results with (HMAC-SHA256, `POST /api/payments`).
   * Default: LIVE_SHOP_MERCHANT_SECRET, else a random secret kept in `<dataDir>/merchant-secret`.
   */
  merchantSecret?: string;
  /**
   * Key of the merchant API (`Authorization: Bearer <key>`, at least 24 characters). Default:
   * LIVE_SHOP_MERCHANT_API_KEY, else a random key kept in `<dataDir>/merchant-api-key`.
   */
  merchantApiKey?: string;
  /**
   * Where signed webhooks of order events are POSTed (signed with the merchant secret). Default:
   * LIVE_SHOP_WEBHOOK_URL; unset or null: none are sent (they wait in the audit trail until a URL is set).
   */
  webhookUrl?: string | null;
  /** Webhook polling, timeout and retry policy (tests shorten them). Default `DEFAULT_DISPATCHER_TUNING`. */
  webhookTuning?: Partial<DispatcherTuning>;
  /** Seed to write on start (idempotent). */
  seed?: SeedName | null;
  /** Run the demo host (pins and chat) in the demo room. Default false. */
  autopilot?: boolean;
  /** Autopilot interval in ms. Default 20 000. */
  autopilotIntervalMs?: number;
  /** Extra browser origins allowed to connect (merchant sites). */
  allowOrigins?: readonly string[];
  /** Also allow any http://localhost:* and http://127.0.0.1:* page (development). Default true. */
  allowLocalhost?: boolean;
  /** Server clock in ms (tests inject one). Default Date.now. */
  now?: () => number;
  /** Where logs go. Default JSON lines on stderr. */
  logger?: Logger;
  /** Folders files are served from (tests may point elsewhere). Default: beside this package. */
  paths?: Partial<ServerPaths>;
  /** WebSocket heartbeat interval in ms; a silent peer is dropped within one to two intervals. Default 3 000. */
  heartbeatMs?: number;
  /**
   * Package the WebRTC stream a host publishes into live HLS (ffmpeg, VP8/Opus → H.264/AAC, 1 s segments with
   * program-date-time) for viewers on HLS. Default: true when an `ffmpeg` binary is on PATH.
   */
  webrtcHls?: boolean;
  /**
   * Where browsers reach the dev WebRTC relay (WHIP/WHEP): `host`, the IPv4 address of one of this machine's
   * interfaces that its ICE sockets bind; `announce`, the address written into SDP answers when a NAT or port
   * mapping sits in front of `host`; `ports`, the UDP port range. Default `{ host: '127.0.0.1' }`: WebRTC from
   * this machine only, viewers elsewhere fall back to HLS. Throws `invalid` at start when it cannot work.
   */
  webrtcNetwork?: RelayNetwork;
  /**
   * Replay window of a reconnecting client: at most this many missed events are replayed (more get a
   * snapshot). Default 1 000.
   */
  replayMaxEvents?: number;
  /** Replay window by age: a client that missed an event older than this (ms) gets a snapshot. Default 300 000. */
  replayMaxAgeMs?: number;
  /** A socket whose unsent output exceeds this many bytes is closed with 1013 (a slow consumer). Default 1 MiB. */
  maxBufferedBytes?: number;
  /**
   * Per-connection token buckets, replacing the defaults (`DEFAULT_RATE_LIMITS`). For load tools such as
   * bench/fanout, whose one host posts faster than a person may; leave unset in production.
   */
  rateLimits?: HubOptions['limits'];
}

/** Defaults shared by the CLI and {@link createServer}. */
export const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: './.live-shop-data',
  autopilotIntervalMs: 20_000,
  autopilotRoom: 'demo',
} as const;
