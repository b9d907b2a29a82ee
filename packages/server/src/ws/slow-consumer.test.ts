import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import type { LiveShopServer } from '../server.js';
import { hostToken, memoryLogger, nextId, startServer, tempDir, within } from '../test/helpers.js';
import { RawWebSocket } from '../test/raw-ws.js';
import { SLOW_CONSUMER_CLOSE_CODE } from './connection.js';

const MAX_BUFFERED = 256 * 1024;
const HIGH_LIMITS = { frames: { perSecond: 100_000, burst: 100_000 }, commands: { 'chat.send': { perSecond: 100_000, burst: 100_000 } } };

/** A viewer that joins, then stops reading its TCP socket: the kernel window fills, then the server's buffer. */
async function stalledViewer(url: string): Promise<RawWebSocket> {
  const raw = await RawWebSocket.open(url);
  raw.sendText(JSON.stringify({ t: 'hello', id: nextId(), room: 'demo' }));
  await raw.waitForText((f) => f.t === 'welcome', 'welcome');
  raw.tcp.pause();
  return raw;
}

describe('slow consumer', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const logger = memoryLogger();

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    // A long heartbeat: this test is about the output buffer, not about pings going unanswered.
    server = await startServer({ dataDir: dir, logger, maxBufferedBytes: MAX_BUFFERED, rateLimits: HIGH_LIMITS, heartbeatMs: 60_000 });
  });
  after(async () => {
    await server.close();
    await removeDir();
  });

  it('closes a viewer that stops reading with 1013 while the room floods, and holds a bounded backlog for it', async () => {
    const host = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws`);
    let acks = 0;
    let events = 0;
    let readerEvents = 0;
    host.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string };
      if (frame.t === 'ack') acks += 1;
      else if (frame.t === 'chat.message') events += 1;
    });
    await within(5000, 'host open', new Promise((resolve) => host.once('open', resolve)));
    host.send(JSON.stringify({ t: 'hello', id: nextId(), room: 'demo', token: await hostToken() }));
    const reader = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws`);
    reader.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { t: string }).t === 'chat.message') readerEvents += 1;
    });
    await within(5000, 'reader open', new Promise((resolve) => reader.once('open', resolve)));
    reader.send(JSON.stringify({ t: 'hello', id: nextId(), room: 'demo' }));
    const slow = await stalledViewer(server.url);
    const text = 'x'.repeat(300);
    let sent = 0;
    const slowClosed = () => logger.lines.some((line) => line.message === 'closing a slow websocket');
    const until = async (what: string, condition: () => boolean) => {
      const deadline = Date.now() + 20_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const flood = async () => {
      for (let i = 0; i < 500; i++) host.send(JSON.stringify({ t: 'chat.send', id: nextId(), text }));
      sent += 500;
      await until(`acks of ${sent} chats`, () => acks >= sent);
    };
    // Flood in batches until the server gives up on the stalled viewer (bounded: at most 40,000 events),
    // then keep flooding: nothing more may be queued for it.
    while (!slowClosed() && sent < 40_000) await flood();
    const sentAtClose = sent;
    assert.ok(slowClosed(), `the stalled viewer was closed after ${sent} events`);
    // Reading again at once (the server cuts a socket that leaves its close frame unread for 2 s), the viewer
    // drains its backlog and finds the close frame with the clear code; the room keeps flooding meanwhile.
    slow.tcp.resume();
    for (let i = 0; i < 4; i++) await flood();
    assert.equal(await within(10_000, 'close of the slow viewer', slow.closed), SLOW_CONSUMER_CLOSE_CODE);
    // Bounded: all the stalled viewer ever got queued is what the kernel's socket buffers hold plus the
    // server's limit, not the flood. The kernel part is bounded by the send buffer maximum and the receive
    // buffer the stalled (never-reading, so never auto-tuned) socket started with.
    const received = slow.frames.filter((f) => f.opcode === 0x1);
    const receivedBytes = received.reduce((sum, f) => sum + f.payload.length + 4, 0);
    const [, rmemDefault = 0] = (await readFile('/proc/sys/net/ipv4/tcp_rmem', 'utf8')).trim().split(/\s+/).map(Number);
    const [, , wmemMax = 0] = (await readFile('/proc/sys/net/ipv4/tcp_wmem', 'utf8')).trim().split(/\s+/).map(Number);
    const bound = wmemMax + 2 * rmemDefault + MAX_BUFFERED + 16 * 1024;
    console.log(
      `slow consumer: closed after ${sentAtClose} of ${sent} events; it was sent ${received.length} frames, ` +
        `${(receivedBytes / 1e6).toFixed(2)} MB (bound ${(bound / 1e6).toFixed(2)} MB)`,
    );
    assert.ok(receivedBytes <= bound, `${receivedBytes} B queued for the stalled viewer, more than ${bound} B`);
    assert.ok(received.length < sent, 'events after the close were not queued for it');
    // The reader that keeps up got every event and is still connected, as is the host.
    await until('every event at the reader', () => readerEvents >= sent && events >= sent);
    assert.equal(readerEvents, sent);
    assert.equal(reader.readyState, WebSocket.OPEN);
    host.close();
    reader.close();
  });
});
