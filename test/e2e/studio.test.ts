// The host's path end to end: sign in to /studio with a host token, go live from Chromium's fake camera
// over WHIP, and a shopper on the merchant page watches it over WebRTC (WHEP), sees the host's pin, and
// drops to HLS when the host stops. Real server, real dev relay, real Chromium. Needs `npm run build`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.mjs';
import { signTestToken, startTestServer, type TestServer } from '../test-server.mjs';

function hostToken(): Promise<string> {
  return signTestToken({ role: 'host', room: 'demo', name: 'Studio Host' });
}

async function relayStats(server: TestServer): Promise<{ live: boolean; viewers: number }> {
  return (await (await fetch(`${server.url}/whep/demo`)).json()) as { live: boolean; viewers: number };
}

/** What the shopper's player video is playing from: a WebRTC MediaStream or an HLS source. */
function playerSource(page: Page): Promise<{ webrtc: boolean; src: boolean; time: number; width: number }> {
  return page.locator('live-shop-player video').evaluate((video: HTMLVideoElement) => ({
    webrtc: video.srcObject instanceof MediaStream,
    src: video.currentSrc !== '',
    time: video.currentTime,
    width: video.videoWidth,
  }));
}

/** Collects page errors and console errors (CSP violations land there). */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}

describe('host studio: go live from the browser, viewers watch over WebRTC', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer({ args: ['--seed', 'demo', '--no-autopilot'] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('broadcasts the camera over WHIP, plays it over WHEP with the pin, falls back to HLS when the host stops, and goes live again from the test pattern', async () => {
    const studio = await browser.newPage();
    const studioErrors = recordErrors(studio);
    const response = await studio.goto(`${server.url}/studio`);
    assert.equal(response?.status(), 200);
    assert.equal(new URL(studio.url()).pathname, '/studio/');
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

    // Sign in: the token goes into the form, never into the URL.
    await studio.fill('#token', await hostToken());
    await studio.click('#sign-in button[type="submit"]');
    await studio.locator('#connection', { hasText: 'open' }).waitFor({ timeout: 15_000 });
    assert.doesNotMatch(studio.url(), /ey[A-Za-z0-9_-]{10,}/, 'no token in the URL');
    assert.equal(await studio.evaluate(() => sessionStorage.getItem('live-shop.studio.token')?.startsWith('ey')), true);

    // The fake camera is listed and previewed; go live.
    await studio.waitForFunction(() => ((document.querySelector('#preview') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0, null, { timeout: 10_000 });
    await studio.click('#go-live');
    await studio.locator('#broadcast', { hasText: 'LIVE' }).waitFor({ timeout: 15_000 });
    assert.equal((await relayStats(server)).live, true);

    // A shopper opens the merchant page: the player prefers WebRTC now that the host is live.
    const shopper = await browser.newPage();
    const shopperErrors = recordErrors(shopper);
    await shopper.goto(`${server.url}/`);
    await shopper.locator('live-shop-player video').waitFor({ state: 'attached', timeout: 15_000 });
    await shopper.waitForFunction(
      () => {
        const video = document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
        return !!video && video.srcObject instanceof MediaStream && video.videoWidth > 0 && video.currentTime > 0.5;
      },
      null,
      { timeout: 15_000 },
    );
    const onWebRtc = await playerSource(shopper);
    assert.equal(onWebRtc.webrtc, true, 'the player plays the WHEP stream');
    assert.ok(onWebRtc.width > 0);
    await studio.locator('#viewers', { hasText: 'WebRTC viewers: 1' }).waitFor({ timeout: 10_000 });

    // The host pins a product; the shopper sees its card.
    const firstProduct = studio.locator('#product-list li').first();
    const productName = ((await firstProduct.locator('.name').textContent()) ?? '').trim();
    assert.ok(productName.length > 0);
    await firstProduct.locator('button').click();
    await firstProduct.locator('button', { hasText: 'Pinned' }).waitFor({ timeout: 10_000 });
    const card = shopper.locator('live-shop-player product-card');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(((await card.locator('[part~="name"]').textContent()) ?? '').trim(), productName);

    // The host stops: the relay ends the shopper's session and the player carries on over HLS.
    await studio.click('#stop');
    await studio.locator('#broadcast', { hasText: 'off air' }).waitFor({ timeout: 10_000 });
    // The studio's DELETE is on its way: poll (bounded) until the relay has let go of both sessions.
    for (let i = 0; i < 50 && (await relayStats(server)).live; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await relayStats(server), { live: false, viewers: 0 });
    await shopper.waitForFunction(
      () => {
        const video = document.querySelector('live-shop-player')?.shadowRoot?.querySelector('video');
        return !!video && video.srcObject === null && video.currentSrc !== '' && !video.paused && video.readyState >= 3;
      },
      null,
      { timeout: 20_000 },
    );

    // Without a camera the host still goes live: the generated test pattern (a 1280×720 canvas).
    await studio.selectOption('#camera', 'test-pattern');
    await studio.waitForFunction(() => (document.querySelector('#preview') as HTMLVideoElement | null)?.videoWidth === 1280, null, { timeout: 10_000 });
    await studio.click('#go-live');
    await studio.locator('#broadcast', { hasText: 'LIVE' }).waitFor({ timeout: 15_000 });
    assert.equal((await relayStats(server)).live, true);
    await studio.click('#stop');
    for (let i = 0; i < 50 && (await relayStats(server)).live; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await relayStats(server)).live, false);

    assert.deepEqual(studioErrors, []);
    // The shopper's only expected console error is the browser logging the refused WHEP POST (404) — none here
    // because the host was live when the page loaded.
    assert.deepEqual(shopperErrors, []);
  });
});
