// One config for every package's browser tests: real Chromium (Debian's), real live-shop server.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.mjs';
import { startMediaProxy } from './test/media-proxy.mjs';
import { postChatAsHost, signTestToken, startTestServer } from './test/test-server.mjs';

/**
 * Starts one real server for the run and lets tests reach it:
 * `window.__LIVE_SHOP_TEST__ = { server }` in every test page, and the server commands
 * `live-shop-token` ({ role, room, name? } -> signed token) and `live-shop-restart` (same port, same data),
 * plus a media proxy in front of the server: `live-shop-media-proxy` (-> { url }) and
 * `live-shop-media-outage` ({ down, mode?: 'refuse' | '503' }) to take the HLS origin down and back, and
 * `live-shop-host-chat` ({ text }) to post as the host from Node while the test page is offline.
 */
function liveShopServerPlugin() {
  let server;
  let mediaProxy;
  return {
    name: 'live-shop-test-server',
    async serverStart() {
      server = await startTestServer();
      mediaProxy = await startMediaProxy(server.url);
    },
    async serverStop() {
      await mediaProxy?.stop();
      await server?.stop();
    },
    async executeCommand({ command, payload }) {
      if (command === 'live-shop-host-chat') return postChatAsHost(server.url, String(payload?.text ?? ''));
      if (command === 'live-shop-token') {
        return signTestToken(payload ?? {});
      }
      if (command === 'live-shop-restart') {
        await server.restart(payload?.signal ?? 'SIGTERM');
        return { url: server.url };
      }
      if (command === 'live-shop-media-proxy') return { url: mediaProxy.url };
      if (command === 'live-shop-media-outage') {
        await mediaProxy.setDown(payload?.down === true, payload?.mode === 'refuse' ? 'refuse' : '503');
        return { down: payload?.down === true };
      }
      if (command === 'live-shop-server') return { url: server.url, dataDir: server.dataDir };
      return undefined;
    },
    transformImport() {},
    get serverUrl() {
      return server?.url;
    },
  };
}

const serverPlugin = liveShopServerPlugin();

export default {
  files: ['packages/core/src/**/*.test.ts', 'packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }), serverPlugin],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script>
  // What a development bundler gives npm code such as nanostores, which reads process.env.NODE_ENV.
  window.process = { env: { NODE_ENV: 'development' } };
  window.__LIVE_SHOP_TEST__ = ${JSON.stringify({ server: serverPlugin.serverUrl ?? null })};</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    }),
  ],
};
