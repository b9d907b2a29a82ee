import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { utimes, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tempDir } from '../test/helpers.js';
import { acceptsEncoding, hashedImmutable, serveStatic } from './static.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress on its own). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files: validators, precompressed variants, caching of hashed chunks', () => {
  const code = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
  let server: Server;
  let base = '';
  let removeDir: () => Promise<void>;

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    // What the build writes: a hashed chunk with its .br and .gz, an entry with a stale .br (older than the file).
    await writeFile(join(dir, 'chunk-AbCd_f12.js'), code);
    await writeFile(join(dir, 'chunk-AbCd_f12.js.br'), brotliCompressSync(Buffer.from(code)));
    await writeFile(join(dir, 'chunk-AbCd_f12.js.gz'), gzipSync(Buffer.from(code)));
    await writeFile(join(dir, 'entry.js'), code);
    await writeFile(join(dir, 'entry.js.br'), brotliCompressSync(Buffer.from('stale')));
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'entry.js.br'), past, past);
    server = createServer((req, res) => {
      void serveStatic(res, dir, (req.url ?? '/').slice(1), { cacheControl: hashedImmutable, precompressed: true });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await removeDir();
  });

  it('sends the brotli file to a browser that accepts br, gzip to one that accepts only gzip, the file otherwise', async () => {
    const brotli = await get(base, '/chunk-AbCd_f12.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.equal(brotli.headers.vary, 'Accept-Encoding');
    assert.equal(Number(brotli.headers['content-length']), brotli.body.length);
    assert.ok(brotli.body.length < code.length / 10, `compressed: ${brotli.body.length} bytes`);
    assert.equal(brotliDecompressSync(brotli.body).toString(), code);
    assert.match(String(brotli.headers['content-type']), /javascript/);

    const gzip = await get(base, '/chunk-AbCd_f12.js', { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.body).toString(), code);

    for (const refused of [undefined, 'identity', 'br;q=0, gzip;q=0', 'brotli, gzipped']) {
      const plain = await get(base, '/chunk-AbCd_f12.js', refused === undefined ? {} : { 'accept-encoding': refused });
      assert.equal(plain.headers['content-encoding'], undefined, `Accept-Encoding: ${refused}`);
      assert.equal(plain.body.toString(), code);
    }
  });

  it('never sends a compressed file older than the file it stands for', async () => {
    const entry = await get(base, '/entry.js', { 'accept-encoding': 'br' });
    assert.equal(entry.headers['content-encoding'], undefined);
    assert.equal(entry.body.toString(), code);
  });

  it('keeps hashed chunks for a year and has the entry revalidated', async () => {
    const chunk = await get(base, '/chunk-AbCd_f12.js');
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const entry = await get(base, '/entry.js');
    assert.equal(entry.headers['cache-control'], 'no-cache');
    for (const name of ['live-shop.js', 'live-shop-core.js', 'define.js', 'hls-CGqW6Dg9.js.map']) {
      assert.equal(hashedImmutable(name), name.endsWith('.map') ? 'public, max-age=31536000, immutable' : 'no-cache', name);
    }
  });

  it('answers 304 to a browser whose copy is current (ETag per encoding, else Last-Modified), 200 otherwise', async () => {
    const first = await get(base, '/entry.js');
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"/);
    const again = await get(base, '/entry.js', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers['cache-control'], 'no-cache');

    assert.equal((await get(base, '/entry.js', { 'if-none-match': 'W/"other"' })).status, 200);
    assert.equal((await get(base, '/entry.js', { 'if-modified-since': String(first.headers['last-modified']) })).status, 304);
    assert.equal((await get(base, '/entry.js', { 'if-modified-since': new Date(0).toUTCString() })).status, 200);

    // The brotli bytes are another representation: the plain file's ETag does not validate them.
    const brotli = await get(base, '/chunk-AbCd_f12.js', { 'accept-encoding': 'br' });
    const plain = await get(base, '/chunk-AbCd_f12.js');
    assert.notEqual(brotli.headers.etag, plain.headers.etag);
    assert.equal((await get(base, '/chunk-AbCd_f12.js', { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) })).status, 200);
    assert.equal((await get(base, '/chunk-AbCd_f12.js', { 'accept-encoding': 'br', 'if-none-match': String(brotli.headers.etag) })).status, 304);
  });

  it('reads Accept-Encoding as a list of codings with weights', () => {
    assert.equal(acceptsEncoding('gzip, deflate, br', 'br'), true);
    assert.equal(acceptsEncoding('br;q=0.5', 'br'), true);
    assert.equal(acceptsEncoding('BR ; q=1', 'br'), true);
    assert.equal(acceptsEncoding('br;q=0', 'br'), false);
    assert.equal(acceptsEncoding('br;q=0.0, gzip', 'br'), false);
    assert.equal(acceptsEncoding('brotli', 'br'), false);
    assert.equal(acceptsEncoding('', 'gzip'), false);
    assert.equal(acceptsEncoding(undefined, 'gzip'), false);
  });
});
