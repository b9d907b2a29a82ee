// Takes the README's pictures of <live-shop-player> in its three layouts and two themes, the floating
// miniplayer over a scrolled merchant page, <product-card layout="full"> (sale price, swatches, the 360°
// view) in both themes, and the theming and headless examples: a real server, the real script-tag
// bundle, headless Chromium.
//   npm run build && npm run screenshot:player
// Fails (exit 1) when a page logs an error or the browser reports a CSP violation, so the pictures
// are never of a broken page. Chinese text needs CJK fonts on the machine (Debian: fonts-noto-cjk).
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Product } from '@live-shop/protocol';
import { launchChromium } from '../test/chromium.mjs';
import { startTestServer } from '../test/test-server.mjs';
import { DEMO_PRODUCTS } from '../packages/server/src/catalog/demo-products.js';

const outDir = process.argv[2] ?? 'docs/screenshots';
const layouts = [
  { layout: 'vertical', width: 420, height: 820 },
  { layout: 'overlay', width: 900, height: 560 },
  { layout: 'side', width: 1100, height: 560 },
] as const;
const themes = ['light', 'dark'] as const;
/** The player's dark panel colours, for a card standing on its own on a dark page. */
const darkCard = '--live-shop-surface:#1c1c1e;--live-shop-text:#f2f2f7;--live-shop-muted:#a1a1aa;--live-shop-border:#3f3f46;--live-shop-muted-surface:#2c2c2e;--live-shop-accent:#fb7185;--live-shop-accent-contrast:#1a1a1a';

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
  for (const theme of themes) {
    // The miniplayer: the merchant page scrolled far down, the stream docked in the corner above it.
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    watch(page, `miniplayer-${theme}`);
    await page.goto(`${server.url}/`);
    await page.locator('live-shop-player product-card').waitFor({ state: 'visible', timeout: 30_000 });
    await videoPlayed(page, 3);
    await page.evaluate((t) => {
      const player = document.querySelector('live-shop-player')!;
      player.setAttribute('theme', t);
      player.setAttribute('layout', 'overlay');
      player.setAttribute('miniplayer', '');
      // The rest of a merchant page, long enough to scroll far past where the player was.
      const article = document.createElement('article');
      article.style.cssText = 'max-width: 640px; margin: 24px; line-height: 1.7; color: #333';
      for (let i = 0; i < 40; i++) {
        const p = document.createElement('p');
        p.textContent = `冬季穿搭指南 · 第 ${i + 1} 节：大衣的面料、版型与保养。Winter styling notes, part ${i + 1}: fabrics, cuts and care of a wool coat.`;
        article.append(p);
      }
      document.body.append(article);
      window.scrollTo(0, 1400);
    }, theme);
    await page.waitForTimeout(400);
    const file = `${outDir}/player-miniplayer-${theme}.png`;
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(`wrote ${file}`);
    await page.close();
  }
  for (const theme of themes) {
    // <product-card layout="full"> on its own: a product on sale with colour swatches, and one turning in 360°.
    const page = await browser.newPage({ viewport: { width: 760, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    watch(page, `product-card-${theme}`);
    await page.goto(`${server.url}/`);
    await page.locator('live-shop-player product-card').waitFor({ state: 'visible', timeout: 30_000 });
    const absolute = (url: string) => new URL(url, server.url).href;
    const products = ['wool-coat', 'tea-set'].map((id) => {
      const product = DEMO_PRODUCTS.find((p) => p.id === id)!;
      return JSON.parse(JSON.stringify(product).replace(/"(\/static\/[^"\s]+)/g, (_, path: string) => `"${absolute(path)}`)) as Product;
    });
    await page.evaluate(
      ([items, style, dark]) => {
        const row = document.createElement('div');
        // Through the CSSOM: the page's CSP (style-src 'self') refuses style attributes.
        row.style.cssText = `display:flex;gap:16px;padding:16px;align-items:flex-start;background:${dark ? '#0b0b0c' : '#f4f4f5'};${style}`;
        items.forEach((product, i) => {
          const card = document.createElement('product-card');
          card.setAttribute('layout', 'full');
          card.style.width = '340px';
          if (i === 0) card.setAttribute('coupon', '满1000减100');
          card.product = product;
          card.variantStock = Object.fromEntries(product.variants.map((v, k) => [v.id, k === 1 ? 0 : 3 + k * 20]));
          row.append(card);
          if (i === 1) void card.updateComplete.then(() => card.showView('360'));
        });
        document.body.replaceChildren(row);
        document.body.style.margin = '0';
      },
      [products, theme === 'dark' ? darkCard : '', theme === 'dark'] as const,
    );
    await page.waitForFunction(() => {
      const viewer = document.querySelectorAll('product-card')[1]?.shadowRoot?.querySelector('live-shop-viewer-360');
      return !!viewer && !viewer.shadowRoot?.querySelector('[part="progress"]');
    });
    const file = `${outDir}/product-card-full-${theme}.png`;
    await page.screenshot({ path: file, animations: 'disabled', fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
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
