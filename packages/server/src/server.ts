import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoomOrigins } from './auth/room-origins.js';
import { createRoomMediaAnnouncer } from './media/webrtc/announce.js';
import { hasFfmpeg, WebRtcHlsPackager } from './media/webrtc/hls-packager.js';
import { loadOrCreateSecret, MIN_SECRET_LENGTH } from './auth/tokens.js';
import { createMemoryBus } from './bus/memory.js';
import { DEFAULTS, type ServerOptions } from './config.js';
import { startAutopilot, type Autopilot } from './demo/autopilot.js';
import { seed } from './demo/seed.js';
import { MediaRoutes } from './http/media.js';
import { createRouter } from './http/router.js';
import { WebRtcRelay } from './media/webrtc/relay.js';
import { WebRtcRoutes } from './media/webrtc/routes.js';
import { withRelayWhep } from './media/webrtc/room-info.js';
import { createStderrLogger } from './logger.js';
import { defaultPaths } from './paths.js';
import type { DomainContext } from './rooms/context.js';
import { RoomLog } from './rooms/room-log.js';
import { DEFAULT_REPLAY_WINDOW } from './rooms/resume.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { FieldCipher } from './security/field-cipher.js';
import { loadDataKeys } from './security/data-keys.js';
import { loadOrCreateMerchantSecret } from './security/merchant-secret.js';
import type { Store } from './store/store.js';
import { Hub } from './ws/hub.js';
import { attachCommerce, Commerce } from './commerce/service.js';
import { MerchantRoutes } from './http/merchant.js';
import { assertApiKey, loadOrCreateMerchantApiKey } from './merchant/api-key.js';
import { assertWebhookUrl, WebhookDispatcher } from './webhooks/dispatcher.js';

/** A running live-shop server. */
export interface LiveShopServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on (useful with `port: 0`). */
  readonly port: number;
  /** Its store, for inspection (tests, tools). */
  readonly store: Store;
  /** The secret tokens are signed with. */
  readonly secret: string;
  /**
   * Sets the origins whose pages may use a room (WebSocket `hello`, CORS on its playlists, API and WHEP), or
   * `null` for the server-wide `allowOrigins`. Each must be a bare origin (`https://shop.example.com`); throws
   * `invalid` or `not_found`. Sockets already in the room stay.
   */
  setRoomOrigins(roomId: string, origins: readonly string[] | null): Promise<void>;
  /** Stops the autopilot, closes sockets and the HTTP server, then the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a live-shop room server: HTTP API, static files, synthetic HLS and WebSocket signaling on
 * one port, with SQLite in `dataDir`. Resolves once it is listening.
 */
export async function createServer(options: ServerOptions): Promise<LiveShopServer> {
  const logger = options.logger ?? createStderrLogger();
  const now = options.now ?? Date.now;
  const secret = options.secret ?? process.env['LIVE_SHOP_SECRET'] ?? (await loadOrCreateSecret(options.dataDir));
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the secret must be at least ${MIN_SECRET_LENGTH} characters`);
  const merchantSecret =
    options.merchantSecret ?? process.env['LIVE_SHOP_MERCHANT_SECRET'] ?? (await loadOrCreateMerchantSecret(options.dataDir));
  const merchantApiKey = options.merchantApiKey ?? (await loadOrCreateMerchantApiKey(options.dataDir));
  assertApiKey(merchantApiKey);
  const webhookUrl = options.webhookUrl === undefined ? (process.env['LIVE_SHOP_WEBHOOK_URL'] ?? null) : options.webhookUrl;
  if (webhookUrl !== null) assertWebhookUrl(webhookUrl);
  const paths = { ...defaultPaths(), ...options.paths };

  const store = openSqliteStore(options.dataDir, new FieldCipher(options.dataKeys ?? (await loadDataKeys(options.dataDir))));
  const bus = createMemoryBus(logger);
  const log = new RoomLog(store, bus, now);
  // Late-bound: the domain context wraps the store with the relay, so it exists only after the relay.
  let onLiveChange: (roomId: string, live: boolean) => void = () => {};
  const relay = new WebRtcRelay({
    logger,
    onLiveChange: (roomId, live) => onLiveChange(roomId, live),
    ...(options.webrtcNetwork ? { network: options.webrtcNetwork } : {}),
  });
  const httpHost = options.host ?? DEFAULTS.host;
  if (!options.webrtcNetwork && !/^(127\.|localhost$|::1$)/.test(httpHost)) {
    logger.info('the WebRTC relay answers on 127.0.0.1 only: viewers on other machines play HLS (see --webrtc-host)', { host: httpHost });
  }
  // Snapshots name the relay's WHEP endpoint while a host publishes (media/webrtc/room-info.ts).
  // The host's WebRTC is packaged into HLS where ffmpeg runs (option `webrtcHls`, default: when found).
  const packager = (options.webrtcHls ?? hasFfmpeg()) ? new WebRtcHlsPackager({ relay, logger, now }) : null;
  const ctx: DomainContext = { store: withRelayWhep(store, relay, packager), log, now };
  onLiveChange = createRoomMediaAnnouncer(ctx, logger, packager);
  let http: Server | undefined;
  let hub: Hub | undefined;
  let autopilot: Autopilot | undefined;
  // Reservations, expiry sweeper, flash sales: attached before any connection can reach a command.
  const commerce = attachCommerce(new Commerce(ctx, undefined, logger));
  let webhooks: WebhookDispatcher | undefined;

  try {
    if (options.seed) await seed(store, options.seed);
    // Holds that lapsed while the server was down return their stock before anyone connects.
    await commerce.start();

    let selfOrigin = '';
    const allowedOrigins = options.allowOrigins ?? [];
    const roomOrigins = new RoomOrigins(store, {
      selfOrigin: () => selfOrigin,
      allowed: allowedOrigins,
      allowLocalhost: options.allowLocalhost ?? true,
    });
    await roomOrigins.load();
    const isAllowedOrigin = roomOrigins.serverPolicy;
    const liveHub = new Hub({
      ctx,
      bus,
      secret,
      isAllowedOrigin,
      roomOrigins,
      logger,
      ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
      ...(options.rateLimits === undefined ? {} : { limits: options.rateLimits }),
      ...(options.maxBufferedBytes === undefined ? {} : { maxBufferedBytes: options.maxBufferedBytes }),
      replay: {
        maxEvents: options.replayMaxEvents ?? DEFAULT_REPLAY_WINDOW.maxEvents,
        maxAgeMs: options.replayMaxAgeMs ?? DEFAULT_REPLAY_WINDOW.maxAgeMs,
      },
    });
    hub = liveHub;
    const server = createHttpServer(
      createRouter({
        ctx,
        paths,
        media: new MediaRoutes(paths.mediaDir, now, packager),
        webrtc: new WebRtcRoutes({ relay, secret, isAllowedOrigin, roomPolicy: (room) => roomOrigins.policyFor(room) }),
        merchantSecret,
        merchant: new MerchantRoutes({ ctx, apiKey: merchantApiKey, roomOrigins }),
        tokenSecret: secret,
        isAllowedOrigin,
        roomOrigins,
        allowedOrigins,
        logger,
      }),
    );
    http = server;
    server.on('upgrade', (req, socket, head) => liveHub.handleUpgrade(req, socket, head));
    server.on('clientError', (error, socket) => {
      logger.warn('bad http request', { error });
      socket.destroy();
    });

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    selfOrigin = url;

    if (options.autopilot) {
      autopilot = startAutopilot(ctx, {
        roomId: DEFAULTS.autopilotRoom,
        intervalMs: options.autopilotIntervalMs ?? DEFAULTS.autopilotIntervalMs,
        logger,
      });
    }
    if (webhookUrl !== null) {
      webhooks = new WebhookDispatcher({
        store,
        url: webhookUrl,
        secret: merchantSecret,
        logger,
        now,
        ...(options.webhookTuning === undefined ? {} : { tuning: options.webhookTuning }),
      });
      webhooks.start();
    }
    logger.info('listening', { url, dataDir: options.dataDir });

    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      store,
      secret,
      setRoomOrigins: (roomId, origins) => roomOrigins.set(roomId, origins),
      close: () => (closing ??= shutdown()),
    };
  } catch (error) {
    await shutdown();
    throw error;
  }

  async function shutdown(): Promise<void> {
    // First, and alongside the rest: ffmpeg takes up to 2 s to stop, and must not be left behind if the process is
    // made to exit before the rest of the shutdown is done.
    const packagerClosed = packager?.close();
    await autopilot?.stop();
    await webhooks?.stop();
    await hub?.close();
    await commerce.stop();
    await packagerClosed;
    await relay.close();
    if (http?.listening) {
      const server = http;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await log.idle();
    await bus.close();
    await store.close();
  }
}
