// Starts a real live-shop server as a child process for browser and end-to-end tests.
// It runs from TypeScript source (tsx, `source` export condition) so no prior build is needed — or, with
// `fromBuild`, from packages/server/dist as `npm start` does (a tsx start-up costs a second more) —,
// binds 127.0.0.1 on a free port, and keeps its data in a fresh temp folder.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/server/src/cli.ts');
const builtCli = join(root, 'packages/server/dist/cli.js');

/** Secret the test server signs tokens with; tests mint host tokens with it. */
export const TEST_SECRET = 'test-secret-for-live-shop-tests-only-0123456789';

/**
 * Signs a token the test server accepts, as the merchant's backend would.
 * @param {{ role?: 'viewer' | 'host' | 'moderator', room?: string, name?: string }} [claims]
 * @param {string} [secret]
 * @returns {Promise<string>}
 */
export function signTestToken({ role = 'viewer', room = 'demo', name } = {}, secret = TEST_SECRET) {
  return new SignJWT({ role, room, ...(name ? { name } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`${role}-test`)
    .setAudience('live-shop')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/**
 * @param {{ args?: string[], dataDir?: string, port?: number, startTimeoutMs?: number, fromBuild?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, dataDir: string, pid: number, stop: () => Promise<void>, restart: () => Promise<void> }>}
 */
export async function startTestServer(options = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'live-shop-test-')));
  const ownsData = options.dataDir === undefined;
  const extra = options.args ?? ['--seed', 'demo', '--no-autopilot'];
  let child;
  let port = options.port ?? 0;
  if (options.fromBuild && !existsSync(builtCli)) {
    throw new Error(`${builtCli} is missing: run npm run build first (npm test does)`);
  }
  const entry = options.fromBuild ? [builtCli] : ['--conditions=source', '--import', 'tsx', cli];

  async function launch() {
    child = spawn(
      process.execPath,
      [...entry, '--port', String(port), '--data', dataDir, '--secret', TEST_SECRET, ...extra],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`test server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
      const onData = (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/[^\s]+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/$/, ''));
        }
      };
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        out += chunk;
        if (process.env.LIVE_SHOP_TEST_LOG) process.stderr.write(chunk);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`test server exited with ${code} before listening:\n${out}`));
      });
    });
    port = Number(new URL(url).port);
    return url;
  }

  async function kill(signal = 'SIGTERM') {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  const url = await launch();
  return {
    url,
    port,
    dataDir,
    /** Process id of the running server (changes on restart). */
    get pid() {
      return child.pid;
    },
    async restart(signal = 'SIGTERM') {
      await kill(signal);
      await launch();
    },
    async stop() {
      await kill();
      if (ownsData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Posts one chat message to `room` as the host over a socket of its own (from Node, outside any test page),
 * and resolves once the server acknowledged it. For browser tests whose page is offline meanwhile.
 */
export async function postChatAsHost(serverUrl, text, room = 'demo') {
  const { default: WebSocket } = await import('ws');
  const token = await signTestToken({ role: 'host', room, name: 'Test Host' });
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/ws`);
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('postChatAsHost: no ack within 5 s')), 5_000);
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ t: 'hello', id: 'h', room, token })));
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.t === 'welcome') socket.send(JSON.stringify({ t: 'chat.send', id: 'c', text }));
        else if (frame.t === 'ack' && frame.id === 'h') reject(new Error(`hello refused: ${frame.error?.message}`));
        else if (frame.t === 'ack' && frame.id === 'c') {
          clearTimeout(timer);
          if (frame.ok) resolve(frame.data);
          else reject(new Error(`chat refused: ${frame.error?.message}`));
        }
      });
    });
  } finally {
    socket.close();
  }
}
