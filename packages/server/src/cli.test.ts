import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { verifyToken } from './auth/tokens.js';
import { tempDir, within } from './test/helpers.js';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const SECRET = 'cli-test-secret-0123456789abcdef';

function run(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('live-shop-server CLI', () => {
  it('prints exactly the listening line, serves, and exits cleanly on SIGTERM', async () => {
    const { dir, remove } = await tempDir();
    const proc = run(['--port', '0', '--seed', 'demo', '--no-autopilot', '--data', dir, '--secret', SECRET]);
    try {
      const url = await within(30_000, 'listening line', new Promise<string>((resolve, reject) => {
        proc.child.stdout.on('data', () => {
          const match = /^live-shop server listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(proc.out());
          if (match?.[1]) resolve(match[1]);
        });
        void proc.exited.then((code) => reject(new Error(`exited ${code}: ${proc.err()}`)));
      }));
      const response = await fetch(`${url}/api/rooms/demo`);
      assert.equal(response.status, 200);
      await response.body?.cancel();
      proc.child.kill('SIGTERM');
      assert.equal(await within(10_000, 'exit', proc.exited), 0);
      assert.equal(proc.out(), `live-shop server listening on ${url}\n`, 'nothing else on stdout');
    } finally {
      proc.child.kill('SIGKILL');
      await remove();
    }
  });

  it('prints a host token the server accepts', async () => {
    const proc = run(['token', '--role', 'host', '--room', 'demo', '--secret', SECRET]);
    assert.equal(await within(30_000, 'token', proc.exited), 0, proc.err());
    const claims = await verifyToken(SECRET, proc.out().trim());
    assert.equal(claims.role, 'host');
    assert.equal(claims.room, 'demo');
  });

  it('explains a wrong option and exits 2', async () => {
    const proc = run(['--port', 'eighty']);
    assert.equal(await within(30_000, 'exit', proc.exited), 2);
    assert.match(proc.err(), /--port must be an integer/);
    assert.match(proc.err(), /usage:/);
  });

  it('refuses a WebRTC relay address it cannot announce, and a malformed port range, before starting', async () => {
    const wildcard = run(['--webrtc-host', '0.0.0.0']);
    const ports = run(['--webrtc-ports', '40000']);
    assert.equal(await within(30_000, 'exit', wildcard.exited), 2);
    assert.match(wildcard.err(), /WebRTC ICE host must be one IPv4 address, not "0\.0\.0\.0"/);
    assert.equal(await within(30_000, 'exit', ports.exited), 2);
    assert.match(ports.err(), /--webrtc-ports must be a range like 40000-40099/);
    assert.doesNotMatch(wildcard.out() + ports.out(), /listening/);
  });

  it('prints the usage on --help and exits 0 without starting a server', async () => {
    const proc = run(['--help']);
    assert.equal(await within(30_000, 'exit', proc.exited), 0);
    assert.match(proc.out(), /^usage:/);
    assert.doesNotMatch(proc.out(), /listening/);
  });
});
