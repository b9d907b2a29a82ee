import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotSchema } from '@live-shop/protocol';
import * as v from 'valibot';
import type { LiveShopServer } from '../server.js';
import { getJson, startServer, tempDir } from '../test/helpers.js';

/** A raw GET that sends the path exactly as given (fetch would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http routes', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    // A private examples/ and a cdn/ with one chunk but no bundle, so these tests do not depend on a build.
    const examplesDir = join(dir, 'examples');
    await mkdir(join(examplesDir, 'script-tag'), { recursive: true });
    await writeFile(join(examplesDir, 'script-tag', 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(examplesDir, 'script-tag', 'style.css'), 'body { margin: 0 }');
    await writeFile(join(dir, 'secret-file.txt'), 'must never be served');
    await mkdir(join(dir, 'cdn'));
    await writeFile(join(dir, 'cdn', 'chunk-AbCd_f12.js'), 'export const x = 1;\n');
    server = await startServer({
      dataDir: join(dir, 'data'),
      paths: { examplesDir, cdnDir: join(dir, 'cdn') },
      allowOrigins: ['https://shop.example'],
    });
  });
  after(async () => {
    await server.close();
    await removeDir();
  });

  it('serves the room snapshot at /api/rooms/demo', async () => {
    const { status, body, headers } = await getJson(`${server.url}/api/rooms/demo`);
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    const snapshot = v.parse(SnapshotSchema, body);
    assert.equal(snapshot.room.id, 'demo');
    assert.ok(snapshot.products.length >= 6);
    assert.equal(snapshot.pinned, null);
  });

  it('serves where a room\'s video comes from at /api/rooms/demo/media, uncached, and 404 for unknown rooms', async () => {
    const response = await fetch(`${server.url}/api/rooms/demo/media`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const media = (await response.json()) as { hls: unknown; whep: unknown };
    assert.equal(media.hls, '/media/demo/live.m3u8');
    assert.ok(media.whep === null || typeof media.whep === 'string');
    assert.deepEqual(Object.keys(media).sort(), ['hls', 'whep']);
    const unknown = await getJson(`${server.url}/api/rooms/nope/media`);
    assert.equal(unknown.status, 404);
  });

  it('answers unknown rooms and bad ids with typed JSON errors', async () => {
    const missing = await getJson(`${server.url}/api/rooms/nope`);
    assert.equal(missing.status, 404);
    assert.deepEqual((missing.body as { error: { code: string } }).error.code, 'not_found');
    const bad = await getJson(`${server.url}/api/rooms/${encodeURIComponent('a b')}`);
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { error: { code: string } }).error.code, 'invalid');
    const post = await fetch(`${server.url}/api/rooms/demo`, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.body?.cancel();
  });

  it('serves product images as SVG for every demo product', async () => {
    const { body } = await getJson(`${server.url}/api/rooms/demo`);
    for (const product of v.parse(SnapshotSchema, body).products) {
      const response = await fetch(new URL(product.image, server.url));
      assert.equal(response.status, 200, product.image);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      const text = await response.text();
      assert.match(text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(!/<script|on\w+=/i.test(text), 'no script in images');
    }
  });

  it('refuses path traversal out of the static folders', async () => {
    for (const path of [
      '/static/../../package.json',
      '/static/..%2f..%2fpackage.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/products/..%5c..%5cpackage.json',
      '/examples/../secret-file.txt',
      '/examples/..%2fsecret-file.txt',
      '/static/%00.svg',
      '/static/%E0%A4%A',
    ]) {
      const response = await rawGet(server.url, path);
      assert.ok(response.status === 404 || response.status === 400, `${path} → ${response.status}`);
      assert.ok(!response.body.includes('"name"') && !response.body.includes('must never be served'), path);
    }
  });

  it('serves the example page with a strict CSP and security headers', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(response.headers.get('referrer-policy'));
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'self'",
      "worker-src 'self' blob:",
    ]) {
      assert.ok(csp.includes(directive), directive);
    }
    assert.match(csp, /connect-src 'self' ws: wss: https:\/\/shop\.example/);
    await response.body?.cancel();
    const folder = await fetch(`${server.url}/examples/script-tag/`);
    assert.equal(folder.status, 200);
    assert.match(await folder.text(), /<title>demo<\/title>/);
    const css = await fetch(`${server.url}/examples/script-tag/style.css`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('content-security-policy'), null);
    await css.body?.cancel();
  });

  it('says to build when the script-tag bundle is missing', async () => {
    const { status, body } = await getJson(`${server.url}/cdn/live-shop.js`);
    assert.equal(status, 404);
    assert.match((body as { error: { message: string } }).error.message, /npm run build/);
  });

  it('has caches key the bundle on Origin and Accept-Encoding alike (CORS and compressed variants)', async () => {
    const response = await fetch(`${server.url}/cdn/chunk-AbCd_f12.js`, { headers: { origin: 'https://shop.example', 'accept-encoding': 'br' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
    const vary = (response.headers.get('vary') ?? '').split(',').map((field) => field.trim());
    assert.ok(vary.includes('Origin') && vary.includes('Accept-Encoding'), `Vary: ${vary.join(', ')}`);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const ok = await fetch(`${server.url}/api/rooms/demo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://shop.example');
    const no = await fetch(`${server.url}/api/rooms/demo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(no.status, 403);
    assert.equal(no.headers.get('access-control-allow-origin'), null);
  });
});
