// Prints what a merchant's visitors download for the script-tag bundle, beside peers measured in the
// same run, and (with --check) fails when the initial download grows past its budget.
//   node bench/bundle-size.mjs [--check]
// Needs `npm run build` first (npm test runs it).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Brotli budget, in bytes, for what every page with the script tag loads: live-shop.js, the chunks it always imports
 * (the early start of the streams, the elements) and their static imports (lit, core, protocol), each compressed on
 * its own as a server would send it. hls.js, the WebRTC player and the rarely used parts load only when needed.
 */
// Issue 5: "initial script-tag load of all elements + core ≤ 40 KB brotli", read strictly: 40,000 bytes.
// History: 40 KiB while the entry held the player, card, chat and core; 48 KiB (45.5 KiB measured) once it also
// carried the client side of moderation, engagement, notices and the commerce state machine. Session 3 brought
// it under the target: the strings of lazily loaded elements load with their chunks (per-feature messages modules),
// the danmaku and the miniplayer's drag/keys load on first use, the css/html templates are minified at build
// (scripts/minify-templates.mjs), and what the core needs only once it talks (the checks of outgoing commands
// against the protocol's command schemas, the checkout's steps after its first answer, the engagement actions) is
// one deferred chunk fetched while the socket opens (packages/core/src/signaling/deferred.ts). The gate is the
// target itself. See bench/README.md for the figures.
const TARGET_BROTLI = 40_000;
const INITIAL_BUDGET_BROTLI = TARGET_BROTLI;

const require = createRequire(import.meta.url);
const cdnDir = 'packages/elements/dist/cdn';
if (!existsSync(join(cdnDir, 'live-shop.js'))) {
  console.error(`${cdnDir}/live-shop.js is missing: run npm run build first`);
  process.exit(1);
}

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The folder of an installed package (its exports map may not expose package.json). */
function packageRoot(name) {
  let dir = dirname(require.resolve(name));
  for (let depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
  }
  throw new Error(`cannot find the package folder of ${name}`);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = [];
const add = (name, file, note) => rows.push({ name, note, ...sizes(readFileSync(file)) });

/**
 * The chunks `entry` imports, followed to the end (relative `./x.js` specifiers of rollup's output): all of
 * them, or with `staticOnly` only those of `import … from` / `export … from` — what the browser fetches before
 * the entry runs — and not the `import()` of lazy chunks.
 */
function chunksOf(entry, staticOnly = false) {
  const specifier = staticOnly ? /\b(?:import|export)\s*(?:[\w$*{},\s]*\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g : /["']\.\/([\w.-]+\.js)["']/g;
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const code = readFileSync(join(cdnDir, queue.shift()), 'utf8');
    for (const [, name] of code.matchAll(specifier)) {
      if (!seen.has(name) && existsSync(join(cdnDir, name))) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  return seen;
}

const files = readdirSync(cdnDir).filter((f) => f.endsWith('.js'));
const scriptTag = chunksOf('live-shop.js');
// The entry has no static imports: it imports hls.js when a player will play soon (lazy, as before), then always the
// early start and the elements (see elements' script-tag.ts). Those chunks and their static imports load with every
// page, so they count as initial.
const entryCode = readFileSync(join(cdnDir, 'live-shop.js'), 'utf8');
const alwaysImported = [...entryCode.matchAll(/import\(["']\.\/([\w.-]+\.js)["']\)/g)].map(([, name]) => name).filter((name) => !name.startsWith('hls-'));
const elementsChunk = alwaysImported.find((name) => name.startsWith('elements-'));
if (!elementsChunk) {
  console.error('live-shop.js does not import an elements-*.js chunk: is the build current?');
  process.exit(1);
}
const initialFiles = new Set([...chunksOf('live-shop.js', true), ...alwaysImported.flatMap((name) => [...chunksOf(name, true)])]);
add('live-shop.js (initial)', join(cdnDir, 'live-shop.js'), 'ours: loads with the page');
for (const file of files.filter((f) => f !== 'live-shop.js' && initialFiles.has(f))) {
  const note = file === elementsChunk
    ? 'ours: the elements, imported by the entry at once (after the first frame when it started a stream)'
    : alwaysImported.includes(file) ? 'ours: imported by the entry at once (early start of the streams)' : 'ours: static import, loads with the page';
  add(file, join(cdnDir, file), note);
}
for (const file of files.filter((f) => scriptTag.has(f) && !initialFiles.has(f))) {
  add(file, join(cdnDir, file), file.startsWith('hls') ? 'ours: lazy, fetched once a player starts (preload), used when HLS plays via MSE' : 'ours: lazy chunk');
}
// Served from the same folder but never loaded by live-shop.js: the core alone, for headless pages.
const headless = existsSync(join(cdnDir, 'live-shop-core.js')) ? chunksOf('live-shop-core.js') : new Set();
for (const file of files.filter((f) => !scriptTag.has(f) && headless.has(f))) {
  add(file, join(cdnDir, file), file === 'live-shop-core.js' ? 'ours: @live-shop/core alone (headless pages)' : 'ours: lazy chunk of the headless core bundle');
}
// Anything else is left over from an earlier build (rollup does not empty the folder): not measured.
const stale = files.filter((f) => !scriptTag.has(f) && !headless.has(f));
// Peers, measured here from the installed packages: what the same job costs when taken whole.
const hlsDir = join(require.resolve('hls.js/package.json'), '..', 'dist');
add('peer: hls.min.js', join(hlsDir, 'hls.min.js'), 'hls.js full build, what a naive embed ships up front');
add('peer: hls.light.min.js', join(hlsDir, 'hls.light.min.js'), 'hls.js light build');
// media-chrome: the player-controls web components, as a merchant would load them from a CDN (its own minified build).
const mediaChromeDir = packageRoot('media-chrome');
const mediaChromeVersion = JSON.parse(readFileSync(join(mediaChromeDir, 'package.json'), 'utf8')).version;
add(
  'peer: media-chrome iife/index.js',
  join(mediaChromeDir, 'dist', 'iife', 'index.js'),
  `media-chrome ${mediaChromeVersion} CDN build: player controls only, no commerce, no client`,
);

console.log('\nScript-tag bundle size (KiB)\n');
console.log(`${'file'.padEnd(34)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}  note`);
for (const row of rows) console.log(`${row.name.padEnd(34)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}  ${row.note}`);

// The entry and its static imports: rows[0] and the rows right after it.
const initialBrotli = rows.slice(0, initialFiles.size).reduce((sum, row) => sum + row.brotli, 0);
const peer = rows.find((row) => row.name === 'peer: hls.min.js');
console.log(
  `\ninitial download: ${initialBrotli.toLocaleString('en')} bytes brotli (${(initialBrotli / 1024).toFixed(1)} KiB, ` +
    `${initialFiles.size} file${initialFiles.size === 1 ? '' : 's'}; budget ${INITIAL_BUDGET_BROTLI.toLocaleString('en')} bytes, ` +
    `target ${TARGET_BROTLI.toLocaleString('en')}); ` +
    `${((initialBrotli / peer.brotli) * 100).toFixed(0)}% of hls.js alone`,
);
if (stale.length > 0) console.log(`(${stale.length} file(s) in ${cdnDir} left from earlier builds, not measured: ${stale.join(', ')})`);
if (process.argv.includes('--check') && initialBrotli > INITIAL_BUDGET_BROTLI) {
  console.error(`over budget by ${initialBrotli - INITIAL_BUDGET_BROTLI} bytes`);
  process.exit(1);
}
