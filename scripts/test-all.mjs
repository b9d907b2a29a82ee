// `npm test`: every check in order, stopping at the first failure, then one closing line that counts
// the tests of every runner together ("N passed, N failed"), so a reader of CI sees the whole at once.
import { spawn } from 'node:child_process';

const steps = [
  ['types', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['bundle budget', 'npm', ['run', '--silent', 'size']],
  ['node tests', 'npm', ['run', '--silent', 'test:node']],
  ['browser tests', 'npm', ['run', '--silent', 'test:browser']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

/** Counts from node:test's TAP summary ("# pass 3") and web-test-runner's ("3 passed, 0 failed"). */
function count(output) {
  const strip = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const tap = (name) => [...strip.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  let passed = tap('pass');
  let failed = tap('fail');
  const wtr = [...strip.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) {
    passed += Number(wtr[1]);
    failed += Number(wtr[2]);
  }
  return { passed, failed };
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('exit', (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output }));
  });
}

const totals = { passed: 0, failed: 0 };
const started = Date.now();
let exitCode = 0;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const { code, output } = await run(command, args);
  const { passed, failed } = count(output);
  totals.passed += passed;
  totals.failed += failed;
  if (code !== 0) {
    console.error(`\n${name} failed (exit ${code})`);
    exitCode = code;
    break;
  }
}
console.log(`\nall checks took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode !== 0 ? exitCode : totals.failed > 0 ? 1 : 0);
