// Builds every package to ESM in its dist/ (declarations come from `tsc -b`), and the elements'
// script-tag bundle: one ES module a merchant loads from a CDN, with hls.js split into a chunk that
// is fetched only when a stream needs it.
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { precompress } from './scripts/precompress.mjs';

const tsconfig = 'tsconfig.base.json';

// Chunk names carry content hashes: without a clean folder, every build would leave the last one's behind.
for (const dir of ['packages/elements/dist/cdn', 'packages/core/dist/cdn', 'packages/server/dist/studio']) rmSync(dir, { recursive: true, force: true });
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Library builds keep every bare import (npm packages, sibling packages, node builtins) external. */
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

function library(pkg, input) {
  return {
    input: Object.fromEntries(input.map((name) => [name, `packages/${pkg}/src/${name}.ts`])),
    external,
    plugins: [esbuild({ tsconfig, target: 'es2022', sourceMap: true })],
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Flat: the server finds its files relative to each module, one level below the package.
      chunkFileNames: '[name]-[hash].js',
    },
  };
}

const elementsVersion = JSON.parse(readFileSync('packages/elements/package.json', 'utf8')).version;

/**
 * nanostores (like most npm UI code) reads `process.env.NODE_ENV` and expects the bundler to replace it;
 * the script-tag bundle has no bundler after us, so it is replaced here, in every module.
 */
function productionEnv() {
  return {
    name: 'production-env',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV')) return null;
      return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
    },
  };
}

/** The elements' chunk (define.ts and what only it needs), which the script-tag entry imports last. */
const ELEMENTS_DEFINE = '/elements/src/define.ts';
const holdsElements = (chunk) => chunk?.moduleIds.some((id) => id.endsWith(ELEMENTS_DEFINE)) ?? false;

/** What every browser bundle goes through: resolved for the browser, production, minified, precompressed. */
function browserPlugins() {
  return [
    nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
    productionEnv(),
    // lit's css/html/svg template text: esbuild keeps it as written (comments, indentation).
    minifyTemplates(),
    // charset utf8: the Chinese strings as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6); a module
    // script is always decoded as UTF-8, whatever the server's Content-Type says.
    esbuild({ tsconfig, target: 'es2022', minify: true, sourceMap: true, legalComments: 'none', charset: 'utf8' }),
    // .br and .gz beside each file: the server sends them to browsers that accept them.
    precompress(),
  ];
}

/** The script-tag bundle: a small entry, the elements' chunk and lazy chunks (hls.js among them), minified, no Node builtins. */
const cdn = {
  input: { 'live-shop': 'packages/elements/src/script-tag.ts' },
  // Lazy chunks (the WHEP player) share the core's classes with the chunks that load first: let an entry export
  // them rather than moving everything into another chunk behind a one-line facade (the studio's and the headless
  // core's bundles below; the script-tag entry imports nothing statically, so it shares nothing).
  preserveEntrySignatures: 'allow-extension',
  external: (id) => nodeBuiltins.has(id),
  plugins: browserPlugins(),
  output: {
    dir: 'packages/elements/dist/cdn',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    // The elements' chunk by a name of its own (every element has a define module too).
    chunkFileNames: (chunk) => (holdsElements(chunk) ? 'elements-[hash].js' : '[name]-[hash].js'),
    banner: `/*! live-shop elements ${elementsVersion} | MIT */`,
    // hls.js is big and only needed once a stream plays: keep it in its own lazily imported chunk.
    manualChunks: (id) => (id.includes('/node_modules/hls.js/') ? 'hls' : undefined),
  },
  onwarn(warning, warn) {
    // lit and hls.js use `this` at module top level in code paths that are never hit in ESM.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

/**
 * The host studio's copy of the core (served at /studio/ by the server): @live-shop/core as one browser ES
 * module, imported by the plain-JavaScript studio page. hls.js stays a lazy chunk (the studio never plays HLS).
 */
const studio = {
  ...cdn,
  plugins: browserPlugins(),
  input: { 'live-shop-core': 'packages/core/src/index.ts' },
  output: {
    ...cdn.output,
    dir: 'packages/server/dist/studio',
    banner: `/*! live-shop core for the studio | MIT */`,
  },
};

/**
 * @live-shop/core alone as one browser ES module, for headless pages (examples/headless): written to the
 * core's dist/cdn (what the package ships) and beside the script-tag bundle, because the server serves
 * /cdn/ from the elements' dist/cdn. Not loaded by live-shop.js; hls.js stays a lazy chunk.
 */
const coreCdn = {
  ...cdn,
  plugins: browserPlugins(),
  input: { 'live-shop-core': 'packages/core/src/index.ts' },
  output: ['packages/core/dist/cdn', 'packages/elements/dist/cdn'].map((dir) => ({
    ...cdn.output,
    dir,
    banner: `/*! live-shop core ${elementsVersion} | MIT */`,
  })),
};

export default [
  library('protocol', ['index']),
  library('core', ['index', 'media/index', 'media/preload']),
  library('elements', ['index', 'define', 'viewer-360/define', 'model-3d/define']),
  library('server', ['index', 'cli']),
  cdn,
  coreCdn,
  studio,
];
