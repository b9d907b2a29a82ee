// The live-shop server as the fan-out bench runs it: the CLI's `--seed demo --no-autopilot` setup on
// 127.0.0.1:0, from TypeScript source (node --conditions=source --import tsx), plus the one thing the
// CLI does not offer: per-connection rate limits high enough that the bench host's steady chat is never
// throttled (the defaults allow a person 2 chat messages a second). They apply to every connection, but
// the bench viewers only send `hello`, so nothing else changes.
//   node --conditions=source --import tsx bench/fanout/live-shop-server.ts --data <dir> --secret <s> [--heartbeat-ms n]
// Prints `listening on http://127.0.0.1:<port>` on stdout; stops on SIGTERM/SIGINT.
import { parseArgs } from 'node:util';
import { createServer, createStderrLogger } from '@live-shop/server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    secret: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'heartbeat-ms': { type: 'string' },
  },
});
if (!values.data || !values.secret) {
  process.stderr.write('usage: live-shop-server.ts --data <dir> --secret <secret>\n');
  process.exit(2);
}

const server = await createServer({
  dataDir: values.data,
  secret: values.secret,
  port: 0,
  host: values.host,
  seed: 'demo',
  autopilot: false,
  logger: createStderrLogger({ quiet: true }),
  // The server's default unless the bench asks for another (to see what heartbeats cost under load).
  ...(values['heartbeat-ms'] === undefined ? {} : { heartbeatMs: Number(values['heartbeat-ms']) }),
  rateLimits: { frames: { perSecond: 1_000, burst: 1_000 }, commands: { 'chat.send': { perSecond: 1_000, burst: 1_000 } } },
});
process.stdout.write(`live-shop server listening on ${server.url}\n`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // Do not hang on a stuck close.
  setTimeout(() => process.exit(1), 5_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`live-shop bench server: failed to close: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
