// Takes the README's pictures of <live-shop-player> in its three layouts and two themes, and of the
// theming and headless examples: a real server, the real script-tag bundle, headless Chromium.
//   npm run build && npm run screenshot:player
// Fails (exit 1) when a page logs an error or the browser reports a CSP violation, so the pictures
// are never of a broken page. Chinese text needs CJK fonts on the machine (Debian: fonts-noto-cjk).
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/chromium.mjs';
import { startTestServer } from '../test/test-server.mjs';

const outDir = process.argv[2] ?? 'docs/screenshots';
const layouts = [
  { layout: 'vertical', width: 420, height: 820 },
  { layout: 'overlay', width: 900, height: 560 },
  { layout: 'side', width: 1100, height: 560 },
] as const;
const themes = ['light', 'dark'] as const;

await mkdir(outDir, { recursive: true });
const server = await startTestServer({ args: ['--seed', 'demo', '--autopilot-interval', '60000'] });
const browser = await launchChromium();
const problems: string[] = [];

/** Records console errors, uncaught errors and CSP violations of `page`. */
function watch(page: Page, name: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
}

/** Waits until the first video of the page (in light or shadow DOM) has played `seconds`. */
async function videoPlayed(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (s) => {
      const video =
        document.querySelector('video') ?? document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
      return !!video && video.currentTime > s;
    },
    seconds,
    { timeout: 30_000 },
  );
}

try {
  for (const { layout, width, height } of layouts) {
    for (const theme of themes) {
      const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', deviceScaleFactor: 1 });
      watch(page, `${layout}-${theme}`);
      await page.goto(`${server.url}/`);
      // The example page's player, switched by attribute only: the layouts and themes are pure CSS.
      await page.evaluate(
        ([l, t, w]) => {
          const player = document.querySelector('live-shop-player')!;
          player.setAttribute('layout', l);
          player.setAttribute('theme', t);
          document.body.replaceChildren(player);
          // Only the player's own styles: the example page's stylesheet sizes its player for its column.
          for (const sheet of document.querySelectorAll('link[rel="stylesheet"]')) sheet.remove();
          document.body.style.margin = '0';
          document.body.style.padding = '12px';
          player.style.width = `${w - 24}px`;
        },
        [layout, theme, width] as const,
      );
      await page.locator('live-shop-player product-card').waitFor({ state: 'visible', timeout: 30_000 });
      await videoPlayed(page, 3);
      // Open the shopping bag in the dark pictures, so the drawer is shown in both sheet forms.
      if (theme === 'dark') {
        await page.locator('live-shop-player').evaluate((player) =>
          (player.shadowRoot!.querySelector('[part="shelf-button"]') as HTMLButtonElement).click(),
        );
        await page.waitForTimeout(600);
      }
      const file = `${outDir}/player-${layout}-${theme}.png`;
      await page.locator('live-shop-player').screenshot({ path: file, animations: 'disabled' });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
  for (const example of ['theming', 'headless'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    watch(page, example);
    await page.goto(`${server.url}/examples/${example}/`);
    await videoPlayed(page, 3);
    if (example === 'headless') await page.waitForFunction(() => document.querySelectorAll('#products li').length > 0);
    const file = `${outDir}/example-${example}.png`;
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
