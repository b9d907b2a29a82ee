#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadOrCreateSecret, signToken } from './auth/tokens.js';
import { DEFAULTS } from './config.js';
import { createServer } from './server.js';
import { DEFAULT_REPLAY_WINDOW } from './rooms/resume.js';
import { DEFAULT_SERVER_HEARTBEAT_MS } from './ws/hub.js';
import { createStderrLogger } from './logger.js';
import { LiveShopServerError } from './errors.js';
import { assertRelayNetwork, type RelayNetwork } from './media/webrtc/peer.js';

const USAGE = `usage:
  live-shop-server [--port 8080] [--host 127.0.0.1] [--data ./.live-shop-data] [--seed demo]
                   [--no-autopilot] [--autopilot-interval 20000] [--secret s] [--allow-origin <origin>]...
                   [--replay-max-events 1000] [--replay-max-age 300000] [--heartbeat 3000] [--webhook-url <url>]
                   [--no-webrtc-hls] [--webrtc-host <ipv4>] [--webrtc-announce-ip <ipv4>] [--webrtc-ports 40000-40099]
  live-shop-server token --role host|moderator|viewer --room <room> [--name <name>] [--ttl 12h] [--data dir | --secret s]`;

/** Thrown for a wrong command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
  return n;
}

/** The WebRTC relay's network from `--webrtc-*` flags, or undefined (loopback) when none is given. */
function webrtcNetwork(host: string | undefined, announce: string | undefined, ports: string | undefined): RelayNetwork | undefined {
  if (host === undefined && announce === undefined && ports === undefined) return undefined;
  const range = ports === undefined ? undefined : /^(\d{1,5})-(\d{1,5})$/.exec(ports);
  if (range === null) throw new UsageError(`--webrtc-ports must be a range like 40000-40099, not "${ports}"`);
  const network: RelayNetwork = {
    host: host ?? '127.0.0.1',
    ...(announce === undefined ? {} : { announce }),
    ...(range ? { ports: [Number(range[1]), Number(range[2])] as const } : {}),
  };
  try {
    assertRelayNetwork(network);
  } catch (error) {
    if (error instanceof LiveShopServerError) throw new UsageError(error.message);
    throw error;
  }
  return network;
}

async function secretFor(dataDir: string, secret: string | undefined): Promise<string> {
  return secret ?? process.env['LIVE_SHOP_SECRET'] ?? (await loadOrCreateSecret(dataDir));
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      role: { type: 'string', default: 'viewer' },
      room: { type: 'string', default: 'demo' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
      data: { type: 'string', default: DEFAULTS.dataDir },
      secret: { type: 'string' },
    },
  });
  if (values.role !== 'host' && values.role !== 'viewer' && values.role !== 'moderator') {
    throw new UsageError('--role must be host, moderator or viewer');
  }
  const secret = await secretFor(resolve(values.data), values.secret);
  const claims = { role: values.role, room: values.room, ...(values.name ? { name: values.name } : {}) } as const;
  process.stdout.write(`${await signToken(secret, claims, { expiresIn: values.ttl })}\n`);
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: DEFAULTS.host },
      data: { type: 'string', default: DEFAULTS.dataDir },
      seed: { type: 'string' },
      'no-autopilot': { type: 'boolean', default: false },
      'no-webrtc-hls': { type: 'boolean', default: false },
      'webrtc-host': { type: 'string' },
      'webrtc-announce-ip': { type: 'string' },
      'webrtc-ports': { type: 'string' },
      'autopilot-interval': { type: 'string' },
      secret: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      // The merchant API key is not an option: argv is visible to every user of the machine (ps).
      'webhook-url': { type: 'string' },
      'replay-max-events': { type: 'string' },
      'replay-max-age': { type: 'string' },
      heartbeat: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (values.seed !== undefined && values.seed !== 'demo') throw new UsageError('--seed must be "demo"');
  for (const origin of values['allow-origin']) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--allow-origin ${origin} is not an origin like https://shop.example`);
  }
  const network = webrtcNetwork(values['webrtc-host'], values['webrtc-announce-ip'], values['webrtc-ports']);
  const dataDir = resolve(values.data);
  const server = await createServer({
    dataDir,
    port: integer(values.port, 'port', DEFAULTS.port, 0),
    host: values.host,
    secret: await secretFor(dataDir, values.secret),
    seed: values.seed === 'demo' ? 'demo' : null,
    // The autopilot only makes sense in the seeded demo room.
    autopilot: values.seed === 'demo' && !values['no-autopilot'],
    autopilotIntervalMs: integer(values['autopilot-interval'], 'autopilot-interval', DEFAULTS.autopilotIntervalMs, 100),
    allowOrigins: values['allow-origin'],
    ...(values['webhook-url'] === undefined ? {} : { webhookUrl: values['webhook-url'] }),
    replayMaxEvents: integer(values['replay-max-events'], 'replay-max-events', DEFAULT_REPLAY_WINDOW.maxEvents, 0),
    replayMaxAgeMs: integer(values['replay-max-age'], 'replay-max-age', DEFAULT_REPLAY_WINDOW.maxAgeMs, 0),
    heartbeatMs: integer(values.heartbeat, 'heartbeat', DEFAULT_SERVER_HEARTBEAT_MS, 50),
    // Packaging the host's WebRTC into HLS needs ffmpeg; without the flag it runs wherever ffmpeg is found.
    ...(values['no-webrtc-hls'] ? { webrtcHls: false } : {}),
    ...(network ? { webrtcNetwork: network } : {}),
    logger: createStderrLogger({ quiet: values.quiet }),
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // If something hangs, do not hang with it.
    setTimeout(() => process.exit(1), 5_000).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`live-shop server: failed to close on ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`live-shop server listening on ${server.url}\n`);
}

const [first, ...rest] = process.argv.slice(2);
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n\nThe README lists what each option does.\n`);
  process.exit(0);
}
const run = first === 'token' ? token(rest) : serve(process.argv.slice(2));
run.catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`live-shop server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
