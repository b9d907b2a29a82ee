// nanostores reads `process.env.NODE_ENV` when a store is created; bundlers replace it, but the test
// runner serves node_modules untransformed. Give the test page what a bundler would have inlined.
// (Better done once in web-test-runner.config.mjs; kept here until that config defines it.)
const scope = globalThis as { process?: { env: Record<string, string | undefined> } };
scope.process ??= { env: { NODE_ENV: 'development' } };
export {};
