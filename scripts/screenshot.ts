// Takes the README's picture of the example page: a real server, the real bundle, headless Chromium.
//   npm run build && npm run screenshot
// Chinese text needs CJK fonts on the machine (Debian: fonts-noto-cjk).
import { launchChromium } from '../test/chromium.mjs';
import { startTestServer } from '../test/test-server.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
const server = await startTestServer({ args: ['--seed', 'demo', '--autopilot-interval', '60000'] });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 860 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  await page.goto(server.url + '/');
  await page.locator('live-shop-player product-card').waitFor({ state: 'visible', timeout: 20_000 });
  // Let a few seconds of stream and chat arrive so the picture shows a room that is alive.
  await page.waitForFunction(
    () => {
      const video = document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
      return !!video && video.currentTime > 3;
    },
    undefined,
    { timeout: 20_000 },
  );
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
