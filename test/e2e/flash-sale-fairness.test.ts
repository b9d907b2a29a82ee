// A flash sale seen by two viewers whose pictures run at different delays: one on a WebRTC-like path (300 ms
// behind live), one on an HLS-like path (4 s behind), simulated by the playback latency each reports. Each
// viewer's <live-shop-flash-sale> counts down to ITS OWN zero (startsAt + its latency, on the server clock),
// and each clicks buy a chosen reaction time after that zero. The server must treat them alike: both admitted
// when the quota allows, and with a quota of one the faster REACTION wins, not the earlier ARRIVAL.
// Real server (child process, SQLite), real Chromium, the elements bundled from source for this test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.mjs';
import { signTestToken, startTestServer, type TestServer } from '../test-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a viewer page's script exposes to the test. */
interface PageApi {
  client: {
    serverNow(): number;
    reportedLatencyMs: number | null;
    $connection: { get(): { status: string } };
    $flashSale: { get(): { id: string; startsAt: number; status: string; remaining: number } | null };
    checkout: { $state: { get(): { step: string; error?: { code: string }; order?: { id: string; saleId?: string } } }; close(): void };
    startFlashSale(sale: object): Promise<{ id: string; startsAt: number }>;
    stopFlashSale(id: string): Promise<unknown>;
  };
}

/** The test page's script: a client, a flash-sale banner, and a latency report as the page's query says. */
const ENTRY = `
import { LiveShopClient } from './packages/core/src/index.ts';
import { defineLiveShopFlashSale } from './packages/elements/src/flash-sale/define.ts';
defineLiveShopFlashSale();
const params = new URLSearchParams(location.search);
const client = new LiveShopClient({
  server: params.get('server'),
  room: 'demo',
  ...(params.get('token') ? { token: params.get('token') } : {}),
});
window.__liveShop = { client };
const banner = document.createElement('live-shop-flash-sale');
banner.client = client;
document.body.append(banner);
client.connect();
if (params.get('latency')) client.reportLatency(Number(params.get('latency')));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const button = () => banner.shadowRoot.querySelector('[part~="buy-button"]');

// Waits for this viewer's own zero (startsAt + reported latency, server clock), checking on the way that the
// banner's button is still disabled and counting down shortly before it, then clicks the real buy button
// reactionMs after the zero.
window.__liveShop.clickAfterOwnZero = async (reaction) => {
  const sale = client.$flashSale.get();
  const zero = sale.startsAt + (client.reportedLatencyMs ?? 0);
  await sleep(zero - 250 - client.serverNow());
  banner.requestUpdate();
  await banner.updateComplete;
  const disabledBeforeZero = button().disabled;
  const countdownBeforeZero = banner.shadowRoot.querySelector('[part~="countdown"]').textContent ?? '';
  while (client.serverNow() < zero + reaction - 30) await sleep(Math.min(20, zero + reaction - 30 - client.serverNow()));
  banner.requestUpdate();
  await banner.updateComplete;
  while (client.serverNow() < zero + reaction) await sleep(1);
  const enabledAtClick = !button().disabled;
  const clickedAt = client.serverNow();
  button().click();
  return { zero, clickedAt, disabledBeforeZero, enabledAtClick, countdownBeforeZero };
};

// Waits until the reservation is answered; returns the checkout step, the error code and the banner's text.
window.__liveShop.outcome = async () => {
  for (let i = 0; i < 400; i++) {
    const step = client.checkout.$state.get().step;
    if (step === 'reserved' || step === 'failed') break;
    await sleep(50);
  }
  banner.requestUpdate();
  await banner.updateComplete;
  const state = client.checkout.$state.get();
  return {
    step: state.step,
    code: state.error?.code ?? null,
    saleId: state.order?.saleId ?? null,
    result: banner.shadowRoot.querySelector('[part~="result"]')?.textContent?.trim() ?? '',
  };
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'flash-sale-page.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: join(root, 'tsconfig.base.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A merchant page on its own origin (127.0.0.1, another port): the page and the bundle. */
async function servePage(script: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/page.js')) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>flash sale</title></head><body><script type="module" src="/page.js"></script></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface RoomSnapshot {
  products: { id: string; variants: { id: string; price: number }[] }[];
  stock: Record<string, number>;
}

/** Two variants with stock left (one per sale, so one sale's purchase limit never touches the other). */
async function saleVariants(server: TestServer): Promise<[string, string]> {
  const snapshot = (await (await fetch(`${server.url}/api/rooms/demo`)).json()) as RoomSnapshot;
  const ids = snapshot.products.flatMap((product) => product.variants.map((variant) => variant.id)).filter((id) => (snapshot.stock[id] ?? 0) >= 5);
  assert.ok(ids.length >= 2, 'the demo room has two variants with stock');
  return [ids[0]!, ids[1]!];
}

async function openViewer(browser: Browser, page: string, server: TestServer, query: Record<string, string>): Promise<Page> {
  const tab = await browser.newPage({ locale: 'en-US' });
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  (tab as Page & { errors?: string[] }).errors = errors;
  await tab.goto(`${page}?${new URLSearchParams({ server: server.url, ...query })}`);
  await tab.waitForFunction(() => (window as unknown as { __liveShop?: PageApi }).__liveShop?.client.$connection.get().status === 'open', null, {
    timeout: 15_000,
  });
  return tab;
}

/** Waits until the page's client reported `latencyMs` on its connection (and the server had time to ack it). */
async function latencyReported(tab: Page, latencyMs: number): Promise<void> {
  await tab.waitForFunction((ms) => (window as unknown as { __liveShop: PageApi }).__liveShop.client.reportedLatencyMs === ms, latencyMs, { timeout: 5_000 });
}

/** Waits until the page holds the sale `saleId` and returns its startsAt. */
async function saleSeen(tab: Page, saleId: string): Promise<void> {
  await tab.waitForFunction((id) => (window as unknown as { __liveShop: PageApi }).__liveShop.client.$flashSale.get()?.id === id, saleId, { timeout: 10_000 });
}

interface Click {
  zero: number;
  clickedAt: number;
  disabledBeforeZero: boolean;
  enabledAtClick: boolean;
  countdownBeforeZero: string;
}

/** Clicks the page's buy button `reactionMs` after the viewer's own zero (see the page script). */
function clickAfterOwnZero(tab: Page, reactionMs: number): Promise<Click> {
  return tab.evaluate('window.__liveShop.clickAfterOwnZero(' + JSON.stringify(reactionMs) + ')') as Promise<Click>;
}

interface Outcome {
  step: string;
  code: string | null;
  saleId: string | null;
  result: string;
}

/** Waits for the page's reservation to be answered; returns the checkout step, the error code and the banner's text. */
function outcome(tab: Page): Promise<Outcome> {
  return tab.evaluate('window.__liveShop.outcome()') as Promise<Outcome>;
}

async function closeCheckout(tab: Page): Promise<void> {
  await tab.evaluate('window.__liveShop.client.checkout.close()');
}

describe('flash sale: fair across transports (latency-aligned zero, ranked by reaction time)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: { url: string; close: () => Promise<void> };
  let webrtc: Page;
  let hls: Page;
  let host: Page;
  let variants: [string, string];

  const WEBRTC_LATENCY = 300;
  const HLS_LATENCY = 4_000;

  before(async () => {
    server = await startTestServer();
    const [script, launched] = await Promise.all([bundle(), launchChromium()]);
    browser = launched;
    page = await servePage(script);
    variants = await saleVariants(server);
    webrtc = await openViewer(browser, page.url, server, { latency: String(WEBRTC_LATENCY) });
    hls = await openViewer(browser, page.url, server, { latency: String(HLS_LATENCY) });
    host = await openViewer(browser, page.url, server, { token: await signTestToken({ role: 'host', room: 'demo', name: 'Host' }) });
    await latencyReported(webrtc, WEBRTC_LATENCY);
    await latencyReported(hls, HLS_LATENCY);
  });

  after(async () => {
    await browser?.close();
    await page?.close();
    await server?.stop();
  });

  async function startSale(variantId: string, quota: number): Promise<{ id: string; startsAt: number }> {
    const sale = await host.evaluate(
      ({ variantId, quota }) =>
        (window as unknown as { __liveShop: PageApi }).__liveShop.client.startFlashSale({ variantId, price: 100, quota, perViewerLimit: 1, startsInMs: 3_000, durationMs: 60_000 }),
      { variantId, quota },
    );
    await Promise.all([saleSeen(webrtc, sale.id), saleSeen(hls, sale.id)]);
    return sale;
  }

  async function stopSale(saleId: string): Promise<void> {
    await host.evaluate((id) => (window as unknown as { __liveShop: PageApi }).__liveShop.client.stopFlashSale(id), saleId);
  }

  it('admits both viewers when the quota allows, each clicking 400 ms after its own zero', async () => {
    const sale = await startSale(variants[0], 2);
    try {
      const [fast, slow] = await Promise.all([clickAfterOwnZero(webrtc, 400), clickAfterOwnZero(hls, 400)]);

      // Each banner counted down to its own zero: the HLS viewer's 3.7 s after the WebRTC viewer's.
      assert.equal(fast.zero, sale.startsAt + WEBRTC_LATENCY);
      assert.equal(slow.zero, sale.startsAt + HLS_LATENCY);
      for (const click of [fast, slow]) {
        assert.equal(click.disabledBeforeZero, true, 'the buy button is disabled before the viewer\'s own zero');
        assert.match(click.countdownBeforeZero, /Starts in 00:0[01]/, 'and counting down');
        assert.equal(click.enabledAtClick, true, 'the buy button is enabled after it');
      }

      const [a, b] = await Promise.all([outcome(webrtc), outcome(hls)]);
      assert.equal(a.step, 'reserved', `the WebRTC viewer is admitted (${a.code ?? ''})`);
      assert.equal(b.step, 'reserved', `the HLS viewer is admitted too (${b.code ?? ''})`);
      assert.equal(a.saleId, sale.id);
      assert.equal(b.saleId, sale.id);
      assert.match(a.result, /Got it/);
      assert.match(b.result, /Got it/);
    } finally {
      await Promise.all([closeCheckout(webrtc), closeCheckout(hls)]);
      await stopSale(sale.id);
    }
  });

  it('with one unit, the faster reaction wins even though it arrives 3 s later (HLS 300 ms after its zero vs WebRTC 700 ms after its zero)', async () => {
    const sale = await startSale(variants[1], 1);
    try {
      const [fast, slow] = await Promise.all([clickAfterOwnZero(webrtc, 700), clickAfterOwnZero(hls, 300)]);
      // By arrival the WebRTC viewer is first by about 3 s; by reaction time the HLS viewer is 400 ms faster.
      assert.ok(slow.clickedAt - fast.clickedAt > 2_500, `the HLS click comes ${slow.clickedAt - fast.clickedAt} ms after the WebRTC click`);

      const [webrtcOutcome, hlsOutcome] = await Promise.all([outcome(webrtc), outcome(hls)]);
      assert.equal(hlsOutcome.step, 'reserved', `the HLS viewer, faster to react, gets the unit (${hlsOutcome.code ?? ''})`);
      assert.equal(hlsOutcome.saleId, sale.id);
      assert.equal(webrtcOutcome.step, 'failed', 'the WebRTC viewer, first to arrive but slower to react, does not');
      assert.ok(webrtcOutcome.code === 'sold_out' || webrtcOutcome.code === 'sale_ended', `refused as sold out (${webrtcOutcome.code ?? ''})`);
      assert.match(webrtcOutcome.result, /Sold out|ended/);

      const remaining = await webrtc.evaluate(() => (window as unknown as { __liveShop: PageApi }).__liveShop.client.$flashSale.get()?.remaining);
      assert.equal(remaining, 0, 'the quota is used up, by exactly one unit');
    } finally {
      await Promise.all([closeCheckout(webrtc), closeCheckout(hls)]);
      await stopSale(sale.id);
    }
    for (const tab of [webrtc, hls, host]) assert.deepEqual((tab as Page & { errors?: string[] }).errors, [], 'no script errors');
  });
});
