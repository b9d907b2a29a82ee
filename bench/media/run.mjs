// Media bench: time to first frame (TTFF) of WHEP and of HLS through <live-shop-player>, of the same HLS
// stream through a bare hls.js page (the peer: what our player costs on top of hls.js), and WebRTC
// glass-to-glass latency (a publisher page paints the clock as a barcode, the viewer reads it back), in
// one run on one real server with one Chromium.
//   npm run bench:media [-- --runs 40 --g2g-seconds 10 --rtt 0 --json results.json]
// Needs `npm run build` (the script-tag bundle and the studio's core bundle). Everything binds 127.0.0.1.
// Figures are wall-clock on a shared machine: read the medians, and compare rows of the same run (the HLS
// rows take turns page load by page load, so a burst of other work on the machine hits them alike). 40 loads per
// row by default (about 7 minutes): the p50 of 12 or 24 loads moved by ±5% between runs of the same code here.
//
// Overhead of the player over the peer, per HLS row and per measure, is (player p50 / bare p50 − 1):
//   "page": navigation start → first presented frame: everything a viewer waits for, including loading
//           the bundle and (without `src`) connecting to the room to learn which stream to play;
//   "play": play() → first presented frame: the HLS transport alone (the bare page calls video.play()
//           right after hls.loadSource(), the player's $media.ttffMs counts from MediaController.play()).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/chromium.mjs';
import { signTestToken, startTestServer } from '../../test/test-server.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    'g2g-seconds': { type: 'string', default: '10' },
    rtt: { type: 'string', default: '0' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench:media [-- --runs 40 --g2g-seconds 10 --rtt 0 --json results.json]');
  process.exit(0);
}
const RUNS = Math.max(1, Math.min(50, Number(values.runs) || 40));
const G2G_SECONDS = Math.max(2, Math.min(120, Number(values['g2g-seconds']) || 10));
const FIRST_FRAME_TIMEOUT_MS = 20_000;
/**
 * Round-trip time added to every request of the TTFF pages (Chromium's network emulation: each request's response
 * starts this much later; answers from the cache come at once). 0, the default: loopback as it is.
 */
const RTT_MS = Math.max(0, Math.min(1_000, Number(values.rtt) || 0));

const require = createRequire(import.meta.url);
// The peer loads hls.js as a merchant's page would: the minified ES module build (what our chunk is made of),
// compressed, and cached for good (its name would carry a version), so a repeat visit neither downloads nor
// recompiles it; our server does the same for the player's hashed chunks and revalidates its entry.
const hlsModule = readFileSync(join(require.resolve('hls.js/package.json'), '..', 'dist', 'hls.min.mjs'));
const hlsModuleBrotli = brotliCompressSync(hlsModule, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });

// ---- pages, served by a small page server of their own on another 127.0.0.1 port: a merchant's page
// on another origin, as in production (the live-shop server allows localhost origins by default) ----

/**
 * The merchant's page, reduced to the player. TTFF: navigation start → the player's first frame. With `src`
 * the page names the stream (as a merchant that knows its HLS URL can), so the player need not wait for the
 * room's snapshot to start it.
 */
const playerPage = (server, src = null, entryBase = `${server}/cdn`) => `<!doctype html><meta charset="utf-8">
<script type="module" src="${entryBase}/live-shop.js"></script>
<live-shop-player server="${server}" room="demo" muted${src ? ` src="${src}"` : ''}></live-shop-player>
<script type="module">
  const player = document.querySelector('live-shop-player');
  // The first frame's presentationTime (when it went to the screen), read as the bare page reads it; the
  // player's own TTFF ($media.ttffMs, from MediaController.play()) comes with it.
  window.__result = new Promise((resolve) => {
    const poll = setInterval(() => {
      const video = player.shadowRoot?.querySelector('video');
      if (!video) return;
      clearInterval(poll);
      video.requestVideoFrameCallback((_now, metadata) => {
        const pageMs = metadata.presentationTime;
        const whenPlaying = () => {
          const state = player.media?.$media.get();
          if (state?.status === 'playing') resolve({ pageMs, playMs: state.ttffMs, transport: state.transport });
          else setTimeout(whenPlaying, 5);
        };
        whenPlaying();
      });
    }, 2);
  });
</script>`;

/** The peer: hls.js alone on the same stream, configured as our HLS transport configures it. */
const barePage = (server) => `<!doctype html><meta charset="utf-8">
<video muted playsinline></video>
<script type="module">
  import Hls from '/hls.min.mjs';
  const video = document.querySelector('video');
  window.__result = new Promise((resolve) => {
    const playStart = performance.now();
    video.requestVideoFrameCallback((_now, metadata) => {
      const shownAt = metadata.presentationTime;
      resolve({ pageMs: shownAt, playMs: Math.round(shownAt - playStart), transport: 'hls.js (bare)' });
    });
    // The settings of packages/core/src/media/hls.ts (HlsJsTransport), so the rows compare the player, not hls.js.
    const hls = new Hls({ enableWorker: true, lowLatencyMode: true, startFragPrefetch: true });
    hls.attachMedia(video);
    hls.loadSource('${server}/media/demo/live.m3u8');
    video.play();
  });
</script>`;

/**
 * The publisher: a 640×640 canvas that paints Date.now() (low 32 bits) as an 8×4 grid of black/white
 * blocks plus the same bits inverted below (a check against misreads), published over WHIP.
 */
const publisherPage = (server) => `<!doctype html><meta charset="utf-8"><canvas width="640" height="640"></canvas>
<script type="module">
  import { WhipPublisher } from '${server}/studio/live-shop-core.js';
  const canvas = document.querySelector('canvas');
  const context = canvas.getContext('2d');
  const paint = () => {
    const stamp = Date.now() % 2 ** 32;
    for (let bit = 0; bit < 32; bit++) {
      const on = Math.floor(stamp / 2 ** bit) % 2 === 1;
      const x = (bit % 8) * 80, y = Math.floor(bit / 8) * 80;
      context.fillStyle = on ? '#fff' : '#000';
      context.fillRect(x, y, 80, 80);
      context.fillStyle = on ? '#000' : '#fff';
      context.fillRect(x, y + 320, 80, 80);
    }
  };
  paint();
  setInterval(paint, 5);
  window.startPublishing = async (url, token) => {
    const publisher = new WhipPublisher({ url, token });
    await publisher.start(canvas.captureStream(60));
    window.stopPublishing = () => publisher.stop();
    const deadline = Date.now() + 10000;
    while (publisher.state !== 'live' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return publisher.state;
  };
</script>`;

/** Reads the barcode off each frame the player presents for \`seconds\`; returns the latencies in ms. */
function readGlassToGlass(seconds) {
  const video = document.querySelector('live-shop-player').shadowRoot.querySelector('video');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const samples = [];
  let misreads = 0;
  return new Promise((resolve) => {
    const end = performance.now() + seconds * 1000;
    const onFrame = (_now, metadata) => {
      const shownAt = performance.timeOrigin + metadata.expectedDisplayTime;
      const width = video.videoWidth, height = video.videoHeight;
      if (width > 0 && height > 0) {
        canvas.width = width;
        canvas.height = height;
        context.drawImage(video, 0, 0, width, height);
        const pixels = context.getImageData(0, 0, width, height).data;
        const bright = (col, row) => {
          const x = Math.floor(((col + 0.5) / 8) * width), y = Math.floor(((row + 0.5) / 8) * height);
          const i = (y * width + x) * 4;
          return pixels[i] + pixels[i + 1] + pixels[i + 2] > 384;
        };
        let stamp = 0, ok = true;
        for (let bit = 0; bit < 32; bit++) {
          const on = bright(bit % 8, Math.floor(bit / 8));
          if (on === bright(bit % 8, Math.floor(bit / 8) + 4)) ok = false;
          if (on) stamp += 2 ** bit;
        }
        // Modulo 2^32 (the stamp's width), read back as signed: expectedDisplayTime is an estimate, so a frame
        // can come out a few ms "before" its stamp, which must stay a small negative, not wrap to 2^32 − ms.
        const delta = (((shownAt % 2 ** 32) - stamp) + 2 ** 32) % 2 ** 32;
        if (ok) samples.push(delta >= 2 ** 31 ? delta - 2 ** 32 : delta);
        else misreads++;
      }
      if (performance.now() < end) video.requestVideoFrameCallback(onFrame);
      else resolve({ samples, misreads });
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

// ---- measuring ----------------------------------------------------------------------------------

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/** One page load of `url` in a new tab: its first-frame result. */
async function ttffOnce(context, url, label, run) {
  const page = await context.newPage();
  try {
    if (RTT_MS > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT_MS, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.goto(url);
    const result = await page.evaluate(
      (timeoutMs) => Promise.race([window.__result, new Promise((_, reject) => setTimeout(() => reject(new Error('no first frame')), timeoutMs))]),
      FIRST_FRAME_TIMEOUT_MS,
    );
    // Where the time went: when the page asked for the playlist (the peer: hls.js started; the player prefetches it while
    // hls.js loads, so its figure is when its early start ran).
    const playlistMs = await page.evaluate(() => performance.getEntriesByType('resource').find((entry) => entry.name.includes('.m3u8'))?.startTime ?? null);
    return { ...result, playlistMs };
  } catch (error) {
    throw new Error(`${label}, run ${run + 1}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close();
  }
}

/**
 * The live stream's segment cycle, from its playlist: the period (target duration) and the end of the last
 * listed segment (a segment boundary, on the server's clock, which is this machine's).
 */
async function segmentCycle(playlistUrl) {
  const text = await (await fetch(playlistUrl)).text();
  const periodMs = Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(text)?.[1]) * 1000;
  const dates = [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)\s+#EXTINF:([\d.]+)/g)];
  const last = dates.at(-1);
  if (!(periodMs > 0) || !last) throw new Error(`no segment cycle in ${playlistUrl}`);
  return { periodMs, boundaryMs: Date.parse(last[1]) + Number(last[2]) * 1000 };
}

/** Waits until `fraction` (0–1) of the way through the stream's current segment period. */
async function atPhase(cycle, fraction) {
  const into = (((Date.now() - cycle.boundaryMs) % cycle.periodMs) + cycle.periodMs) % cycle.periodMs;
  const wait = (fraction * cycle.periodMs - into + cycle.periodMs) % cycle.periodMs;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * RUNS page loads of each `{ label, url }`, taking turns (a, b, c, a, b, c, …); one row per target. When a page
 * joins the live stream in its segment cycle changes its time to first frame by hundreds of ms (how much of
 * the newest segment exists, whether the start position needs the next one), so run r of every row starts at
 * the same point of the cycle, (r + 0.5) / RUNS of the way through: every row sees the same spread of phases.
 */
async function ttffRows(context, targets, cycle) {
  const rows = targets.map(({ label }) => ({ label, results: [] }));
  for (let run = 0; run < RUNS; run++) {
    for (const [index, { label, url }] of targets.entries()) {
      await atPhase(cycle, (run + 0.5) / RUNS);
      rows[index].results.push(await ttffOnce(context, url, label, run));
    }
  }
  return rows;
}

function hostToken() {
  return signTestToken({ role: 'host', room: 'demo', name: 'Bench Host' });
}

const server = await startTestServer({ args: ['--seed', 'demo', '--no-autopilot'] });

/**
 * The script-tag bundle as a public npm CDN serves a pinned version of the package (…/@live-shop/elements@0.1.0/
 * dist/cdn/live-shop.js): on an origin of its own, CORS for any page, every file cached for good, entry included
 * (its URL names the version). That is how the peer's hls.js is cached above, so the two rows compare the code, not
 * the caching. The live-shop server's own /cdn/live-shop.js is revalidated on every load (no-cache: it changes when
 * the server is upgraded), which costs a conditional request before anything else can start.
 */
const cdnDir = new URL('../../packages/elements/dist/cdn/', import.meta.url);
const elementsVersion = JSON.parse(readFileSync(new URL('../../packages/elements/package.json', import.meta.url), 'utf8')).version;
const cdnPath = `/npm/@live-shop/elements@${elementsVersion}/dist/cdn/`;
const cdn = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const name = path.startsWith(cdnPath) ? path.slice(cdnPath.length) : '';
  if (!/^[\w.-]+\.js$/.test(name)) return res.writeHead(404).end();
  let body;
  let brotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  try {
    body = readFileSync(new URL(brotli ? `${name}.br` : name, cdnDir));
  } catch {
    try {
      body = readFileSync(new URL(name, cdnDir));
      brotli = false;
    } catch {
      return res.writeHead(404).end();
    }
  }
  res
    .writeHead(200, {
      'Content-Type': 'text/javascript',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
      ...(brotli ? { 'Content-Encoding': 'br' } : {}),
    })
    .end(body);
});
await new Promise((resolve) => cdn.listen(0, '127.0.0.1', resolve));
const cdnBase = `http://127.0.0.1:${cdn.address().port}${cdnPath.slice(0, -1)}`;

const pages = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const send = (type, body) => res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
  if (path === '/player.html') return send('text/html; charset=utf-8', playerPage(server.url));
  if (path === '/player-src.html') return send('text/html; charset=utf-8', playerPage(server.url, '/media/demo/live.m3u8'));
  if (path === '/player-src-cdn.html') return send('text/html; charset=utf-8', playerPage(server.url, '/media/demo/live.m3u8', cdnBase));
  if (path === '/bare-hls.html') return send('text/html; charset=utf-8', barePage(server.url));
  if (path === '/publisher.html') return send('text/html; charset=utf-8', publisherPage(server.url));
  if (path === '/hls.min.mjs') {
    const brotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    return res
      .writeHead(200, {
        'Content-Type': 'text/javascript',
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
        ...(brotli ? { 'Content-Encoding': 'br' } : {}),
      })
      .end(brotli ? hlsModuleBrotli : hlsModule);
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));
const site = `http://127.0.0.1:${pages.address().port}`;
const loadBefore = loadavg();
const browser = await launchChromium();
try {
  const context = await browser.newContext();

  // Warm-up (one load of each page, not counted): the first loads compile the bundles and fill the cache.
  for (const page of ['bare-hls', 'player', 'player-src', 'player-src-cdn']) await ttffOnce(context, `${site}/${page}.html`, 'warm-up', 0).catch(() => {});
  // HLS while nobody publishes (the snapshot has no WHEP endpoint, so the player goes straight to HLS).
  const cycle = await segmentCycle(`${server.url}/media/demo/live.m3u8`);
  const [playerHls, playerSrc, playerSrcCdn, bare] = await ttffRows(context, [
    { label: '<live-shop-player> HLS', url: `${site}/player.html` },
    { label: '<live-shop-player src> HLS', url: `${site}/player-src.html` },
    { label: '  … bundle from pinned CDN', url: `${site}/player-src-cdn.html` },
    { label: 'bare hls.js page (peer)', url: `${site}/bare-hls.html` },
  ], cycle);

  const publisher = await context.newPage();
  await publisher.goto(`${site}/publisher.html`);
  const state = await publisher.evaluate(([url, token]) => window.startPublishing(url, token), [`${server.url}/whip/demo`, await hostToken()]);
  if (state !== 'live') throw new Error(`the publisher did not go live (${state})`);
  const [whep] = await ttffRows(context, [{ label: '<live-shop-player> WHEP', url: `${site}/player.html` }], cycle);
  const rows = [whep, playerHls, playerSrc, playerSrcCdn, bare];

  const viewer = await context.newPage();
  await viewer.goto(`${site}/player.html`);
  const first = await viewer.evaluate(() => window.__result);
  if (first.transport !== 'whep') throw new Error(`glass-to-glass viewer plays ${first.transport}, not whep`);
  const g2g = await viewer.evaluate(readGlassToGlass, G2G_SECONDS);
  await viewer.close();
  await publisher.evaluate(() => window.stopPublishing());
  await publisher.close();

  // ---- report ----
  const ms = (value) => (Number.isFinite(value) ? String(Math.round(value)) : '–').padStart(7);
  const loadAfter = loadavg();
  const load = (values) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(`\nMedia bench: Chromium ${browser.version()}, server and browser on 127.0.0.1, ${RUNS} page loads per row${RTT_MS ? `, ${RTT_MS} ms round trip added to each request of the TTFF pages` : ''}`);
  console.log(`load average (1, 5, 15 min) before ${load(loadBefore)}, after ${load(loadAfter)} (this machine has other work: compare rows of one run)`);
  console.log('TTFF "page": navigation start → first presented frame; "play": play() → first frame (player: $media.ttffMs);');
  console.log('"playlist": navigation start → the playlist requested (peer: hls.js started; player: its prefetch, when hls.js was still loading)\n');
  console.log(`${'path'.padEnd(30)}${'page p50'.padStart(9)}${'p95'.padStart(7)}${'play p50'.padStart(10)}${'p95'.padStart(7)}${'playlist p50'.padStart(14)}  transport`);
  for (const row of rows) {
    const page = row.results.map((r) => r.pageMs);
    const play = row.results.map((r) => r.playMs);
    const playlist = row.results.map((r) => r.playlistMs).filter((value) => value !== null);
    const transports = [...new Set(row.results.map((r) => r.transport))].join(', ');
    console.log(`${row.label.padEnd(30)}  ${ms(percentile(page, 50))}${ms(percentile(page, 95))}   ${ms(percentile(play, 50))}${ms(percentile(play, 95))}       ${ms(percentile(playlist, 50))}  ${transports}`);
  }
  const p50 = (row, key) => percentile(row.results.map((r) => r[key]), 50);
  const overhead = (row, key) => {
    const value = (p50(row, key) / p50(bare, key) - 1) * 100;
    return `${value >= 0 ? '+' : ''}${value.toFixed(1)}% (${Math.round(p50(row, key) - p50(bare, key))} ms)`;
  };
  console.log('\noverhead over the bare hls.js page, p50 (target ≤ 5%):');
  for (const row of [playerHls, playerSrc, playerSrcCdn]) {
    console.log(`  ${row.label.padEnd(28)} page ${overhead(row, 'pageMs').padEnd(18)} play ${overhead(row, 'playMs')}`);
  }
  console.log(`WHEP TTFF play p50 ${Math.round(percentile(whep.results.map((r) => r.playMs), 50))} ms (target ≤ 500 ms); HLS TTFF play p50 ${Math.round(percentile(playerHls.results.map((r) => r.playMs), 50))} ms (target ≤ 1500 ms)`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ loadBefore, loadAfter, rows, g2g }, null, 1));
  const samples = g2g.samples;
  console.log(
    `WHEP glass-to-glass over ${G2G_SECONDS} s: ${samples.length} frames read (${g2g.misreads} unreadable), ` +
      `p50 ${Math.round(percentile(samples, 50))} ms, p95 ${Math.round(percentile(samples, 95))} ms, max ${Math.round(Math.max(...samples))} ms (target p95 ≤ 300 ms)\n`,
  );
} finally {
  await browser.close();
  await new Promise((resolve) => pages.close(resolve));
  await new Promise((resolve) => cdn.close(resolve));
  await server.stop();
}
