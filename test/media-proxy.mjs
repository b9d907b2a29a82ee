// A small HTTP proxy in front of the test server's media, which tests switch off and on to simulate an
// HLS origin outage: while "down" every request gets 503 (mode '503') or the port refuses connections
// (mode 'refuse': the listening socket is closed and reopened on the same port when it comes back).
import { createServer, request } from 'node:http';

/**
 * @param {string} target - base URL of the real server, e.g. http://127.0.0.1:1234
 * @returns {Promise<{ url: string, setDown: (down: boolean, mode?: 'refuse' | '503') => Promise<void>, stop: () => Promise<void> }>}
 */
export async function startMediaProxy(target) {
  const upstream = new URL(target);
  let down = false;
  const server = createServer((req, res) => {
    if (down) {
      res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('origin down (test)');
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  // Keep-alive sockets would outlive a 'refuse' outage; no test needs them.
  server.keepAliveTimeout = 1;

  /** @param {number} port */
  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });

  await listen(0);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('media proxy has no port');
  const port = address.port;
  let refused = false;

  return {
    url: `http://127.0.0.1:${port}`,
    async setDown(next, mode = '503') {
      if (next && mode === 'refuse' && !refused) {
        refused = true;
        await close();
      }
      if (!next && refused) {
        refused = false;
        await listen(port);
      }
      down = next;
      // Requests in flight when the outage starts fail too, as they would at a real origin.
      if (next) server.closeAllConnections();
    },
    async stop() {
      if (!refused) await close();
    },
  };
}
