// The product path end to end, as a shopper lives it: open the merchant page, watch, see the pinned
// product, buy a variant inside the player, and keep watching. Real server, real SQLite, real Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../test-server.mjs';
import { launchChromium } from '../chromium.mjs';

interface VariantRow {
  id: string;
  product_id: string;
  label: string;
  stock: number;
}

interface OrderRow {
  id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
  total: number;
  currency: string;
  status: string;
}

/** Reads the server's own database, read-only, the way an operator would check it. */
function readDatabase<T>(server: TestServer, read: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'live-shop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Records every pause() call on any media element and samples `paused` every 50 ms, from before the
 * page's own scripts run. Passed as a string: the test's TypeScript transform must not touch it.
 */
async function watchForPauses(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const record = { pauseCalls: 0, pausedSamples: 0, samples: 0 };
    window.__pauseRecord = record;
    const pause = HTMLMediaElement.prototype.pause;
    HTMLMediaElement.prototype.pause = function () {
      record.pauseCalls++;
      return pause.call(this);
    };
    let started = false;
    setInterval(() => {
      const video = document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
      if (!video) return;
      if (!started) started = video.currentTime > 0 && !video.paused;
      if (!started) return;
      record.samples++;
      if (video.paused) record.pausedSamples++;
    }, 50);
  })();`);
}

async function currentTime(page: Page): Promise<number> {
  return page.locator('live-shop-player video').evaluate((video: HTMLVideoElement) => video.currentTime);
}

async function expectVideoAdvancing(page: Page, label: string): Promise<void> {
  const start = await currentTime(page);
  await page.waitForFunction(
    (from) => {
      const video = document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
      return !!video && video.currentTime > from + 0.5;
    },
    start,
    { timeout: 15_000 },
  );
  assert.ok((await currentTime(page)) > start, `video advances ${label}`);
}

describe('watch, see the product, buy, keep watching', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    // The autopilot pins a product as soon as the server starts, then every 60 s.
    server = await startTestServer({ args: ['--seed', 'demo', '--autopilot-interval', '60000'] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the live stream, shows the pinned product and buys a variant without pausing the video', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await watchForPauses(page);

    const response = await page.goto(server.url + '/');
    assert.equal(response?.status(), 200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/, 'the page is served with a strict CSP');

    // 1. The stream plays: currentTime advances.
    await page.locator('live-shop-player video').waitFor({ state: 'attached', timeout: 15_000 });
    await expectVideoAdvancing(page, 'once the page loads');

    // 2. The autopilot host's pinned product appears over the video.
    const card = page.locator('live-shop-player product-card');
    await card.waitFor({ state: 'visible', timeout: 15_000 });
    const productName = (await card.locator('[part~="name"]').textContent())?.trim() ?? '';
    assert.ok(productName.length > 0, 'the card names the product');
    const pinnedProductId = await page.evaluate(async (url) => {
      const snapshot = (await (await fetch(url + '/api/rooms/demo')).json()) as { pinned: { productId: string } | null };
      return snapshot.pinned?.productId ?? null;
    }, server.url);
    assert.ok(pinnedProductId, 'the server has a pinned product');

    const variantsBefore = readDatabase(server, (db) =>
      db.prepare('SELECT id, product_id, label, stock FROM variants WHERE product_id = ? ORDER BY id').all(pinnedProductId) as VariantRow[],
    );
    // Orders still standing (not cancelled or expired): opening the sheet reserves the default variant, and
    // changing the variant or quantity replaces that hold (the first is cancelled, its units go back).
    const liveOrders = () =>
      readDatabase(server, (db) => (db.prepare("SELECT count(*) AS n FROM orders WHERE status NOT IN ('cancelled', 'expired')").get() as { n: number }).n);
    const ordersBefore = liveOrders();

    // 3. One tap opens the checkout sheet inside the player.
    await card.locator('[part~="buy-button"]').click();
    const sheet = page.locator('live-shop-player quick-checkout');
    await sheet.locator('form').waitFor({ state: 'visible', timeout: 5_000 });

    // 4. Choose the second variant (or the only one), two units, and fill the address form.
    const radios = sheet.getByRole('radio');
    const radioCount = await radios.count();
    assert.ok(radioCount >= 1, 'the sheet offers the variants');
    const chosenIndex = radioCount > 1 ? 1 : 0;
    await radios.nth(chosenIndex).check();
    const chosen = variantsBefore[chosenIndex];
    assert.ok(chosen, 'the chosen variant exists in the database');
    const chosenValue = await radios.nth(chosenIndex).getAttribute('value');
    const chosenVariant = variantsBefore.find((variant) => variant.id === chosenValue) ?? chosen;

    await sheet.locator('[part~="quantity-increase"]').click();
    await sheet.locator('input[autocomplete="name"]').fill('韩梅梅');
    await sheet.locator('input[autocomplete="tel"]').fill('+86 139 1234 5678');
    await sheet.locator('[autocomplete="street-address"]').fill('北京市 朝阳区 建国路 88 号 3 单元 701');
    await sheet.locator('[part~="submit"]').click();

    // 5. The sheet confirms the order.
    const confirmation = sheet.locator('[part~="confirmation"]');
    await confirmation.waitFor({ state: 'visible', timeout: 10_000 });
    const confirmationText = (await confirmation.textContent()) ?? '';

    // 6. The order and the stock change are in the server's database.
    const orders = readDatabase(server, (db) =>
      db
        .prepare("SELECT id, product_id, variant_id, quantity, total, currency, status FROM orders WHERE status NOT IN ('cancelled', 'expired') ORDER BY created_at")
        .all() as OrderRow[],
    );
    assert.equal(orders.length, ordersBefore + 1, 'exactly one new standing order');
    assert.equal(liveOrders(), ordersBefore + 1);
    const order = orders[orders.length - 1]!;
    assert.equal(order.product_id, pinnedProductId);
    assert.equal(order.variant_id, chosenVariant.id);
    assert.equal(order.quantity, 2);
    assert.equal(order.currency, 'CNY');
    assert.ok(confirmationText.includes(order.id), 'the confirmation shows the order id');
    const stockAfter = readDatabase(server, (db) =>
      (db.prepare('SELECT stock FROM variants WHERE id = ?').get(chosenVariant.id) as { stock: number }).stock,
    );
    assert.equal(stockAfter, chosenVariant.stock - 2, 'the stock dropped by the quantity bought');
    for (const other of variantsBefore.filter((variant) => variant.id !== chosenVariant.id)) {
      const units = readDatabase(server, (db) => (db.prepare('SELECT stock FROM variants WHERE id = ?').get(other.id) as { stock: number }).stock);
      assert.equal(units, other.stock, `the hold on ${other.id} taken when the sheet opened went back to stock`);
    }

    // 7. Back to the stream, which never stopped.
    await sheet.locator('[part~="done-button"]').click();
    await sheet.locator('form').waitFor({ state: 'hidden', timeout: 5_000 });
    await expectVideoAdvancing(page, 'after the checkout closed');
    const record = await page.evaluate(() => (window as unknown as { __pauseRecord: { pauseCalls: number; pausedSamples: number; samples: number } }).__pauseRecord);
    assert.equal(record.pauseCalls, 0, 'nothing called pause() on the video');
    assert.equal(record.pausedSamples, 0, `the video was never paused (${record.samples} samples)`);
    assert.ok(record.samples >= 20, `the video was sampled throughout (${record.samples} samples)`);

    assert.deepEqual(pageErrors, [], 'no script errors (CSP violations included)');
    await page.close();
  });
});
