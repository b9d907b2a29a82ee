// The framework declarations (jsx.d.ts, react.d.ts, vue.d.ts over the generated elements.d.ts) type-check
// sample components, right and wrong: a wrong one that compiles fails through its unused @ts-expect-error.
//   node scripts/node-test.mjs packages/elements/types
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, '..', '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
const run = promisify(execFile);

async function typecheck(config: string): Promise<string> {
  try {
    await run(process.execPath, [tsc, '-p', join(here, 'test', config)], { timeout: 120_000 });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
}

describe('framework types', () => {
  it('declares every exported element for global JSX (props, attributes, typed events)', async () => {
    assert.equal(await typecheck('tsconfig.jsx.json'), '');
  });

  it('declares the elements for React 19 JSX and as Vue global components', async () => {
    assert.equal(await typecheck('tsconfig.react.json'), '');
  });

  it('ships the declarations through the package exports', () => {
    const pkg = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')) as { exports: Record<string, { types?: string }> };
    for (const entry of ['./jsx', './react', './vue']) assert.match(pkg.exports[entry]?.types ?? '', /^\.\/types\/\w+\.d\.ts$/);
  });
});
