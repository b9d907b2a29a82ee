import type { Logger } from './logger.js';
import type { SeedName } from './demo/seed.js';
import type { ServerPaths } from './paths.js';

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
  /** WebSocket heartbeat interval in ms. Default 10 000. */
  heartbeatMs?: number;
}

/** Defaults shared by the CLI and {@link createServer}. */
export const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: './.live-shop-data',
  autopilotIntervalMs: 20_000,
  autopilotRoom: 'demo',
} as const;
