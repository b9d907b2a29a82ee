// nanostores 1.x reads `process.env.NODE_ENV` when a store is created and expects a bundler to replace
// it; the test page loads modules unbundled, so give it what a development bundle would. (The CDN bundle
// must replace it at build time; see the core's report.)
const scope = globalThis as { process?: { env: Record<string, string | undefined> } };
scope.process ??= { env: { NODE_ENV: 'development' } };

export {};
