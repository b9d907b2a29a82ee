import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { defaultPaths } from '../paths.js';
import type { LiveShopServer } from '../server.js';
import { startServer, tempDir } from '../test/helpers.js';
import { LoopClock, PLAYLIST_WINDOW, SYNTHETIC_EPOCH_MS, livePlaylist, loadSegmentLoop } from './synthetic-hls.js';

interface Entry {
  msn: number;
  pdt: number;
  duration: number;
  discontinuity: number;
}

/** Reads a live playlist back into segments with their discontinuity numbers (RFC 8216 6.2.2). */
function parsePlaylist(text: string): { mediaSequence: number; target: number; entries: Entry[] } {
  const lines = text.trim().split('\n');
  assert.equal(lines[0], '#EXTM3U');
  assert.ok(!text.includes('#EXT-X-ENDLIST'), 'a live playlist has no end');
  const tag = (name: string) => Number(lines.find((l) => l.startsWith(`${name}:`))?.split(':')[1]);
  const mediaSequence = tag('#EXT-X-MEDIA-SEQUENCE');
  let discontinuity = tag('#EXT-X-DISCONTINUITY-SEQUENCE');
  const entries: Entry[] = [];
  let pdt = Number.NaN;
  let duration = Number.NaN;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') discontinuity++;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (!line.startsWith('#')) {
      const msn = Number(/^seg\/(\d+)\.ts$/.exec(line)?.[1]);
      assert.ok(Number.isSafeInteger(msn), `segment URI ${line}`);
      assert.ok(Number.isFinite(pdt), `PDT before ${line}`);
      entries.push({ msn, pdt, duration, discontinuity });
      pdt = Number.NaN;
    }
  }
  return { mediaSequence, target: tag('#EXT-X-TARGETDURATION'), entries };
}

const loop = loadSegmentLoop(join(defaultPaths().mediaDir, 'demo'));
const clock = new LoopClock(loop.durations);
const uri = (msn: number) => `seg/${msn}.ts`;
const loopMs = loop.durations.reduce((a, b) => a + b, 0) * 1000;

describe('synthetic live HLS', () => {
  it('lists the last 6 complete segments, each with a program date time that matches the durations', () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 7, 300);
    const { mediaSequence, target, entries } = parsePlaylist(livePlaylist(clock, now, uri));
    assert.equal(entries.length, PLAYLIST_WINDOW);
    assert.equal(entries[0]?.msn, mediaSequence);
    assert.ok(target >= Math.max(...loop.durations));
    entries.forEach((entry, i) => {
      assert.equal(entry.msn, mediaSequence + i);
      assert.ok(entry.duration <= target);
      const next = entries[i + 1];
      if (next) assert.equal(next.pdt - entry.pdt, Math.round(entry.duration * 1000), 'PDT advances by EXTINF');
    });
    const last = entries.at(-1)!;
    assert.ok(last.pdt + last.duration * 1000 <= now, 'the newest segment is complete');
    assert.ok(now - (last.pdt + last.duration * 1000) < last.duration * 1000, 'and it is the newest complete one');
  });

  it('advances the media sequence with time and keeps each segment stable across refreshes', () => {
    const t0 = SYNTHETIC_EPOCH_MS + 1000 * 86_400 * 500 + 123;
    const a = parsePlaylist(livePlaylist(clock, t0, uri));
    const b = parsePlaylist(livePlaylist(clock, t0 + 4_500, uri));
    assert.ok(b.mediaSequence > a.mediaSequence);
    const byMsn = new Map(a.entries.map((e) => [e.msn, e]));
    let shared = 0;
    for (const entry of b.entries) {
      const earlier = byMsn.get(entry.msn);
      if (!earlier) continue;
      shared++;
      assert.deepEqual(entry, earlier, `segment ${entry.msn} is the same in both refreshes`);
    }
    assert.ok(shared >= 3);
  });

  it('marks a discontinuity where the loop wraps, with a consistent discontinuity sequence', () => {
    const n = loop.durations.length;
    // Walk a whole loop and a bit, one refresh per second, as a player would.
    const start = SYNTHETIC_EPOCH_MS + 7 * loopMs + 500;
    const seen = new Map<number, Entry>();
    let wraps = 0;
    for (let t = start; t < start + 2 * loopMs; t += 1000) {
      const text = livePlaylist(clock, t, uri);
      const { entries } = parsePlaylist(text);
      for (let i = 1; i < entries.length; i++) {
        const [prev, cur] = [entries[i - 1]!, entries[i]!];
        const wrap = cur.msn % n === 0;
        assert.equal(cur.discontinuity - prev.discontinuity, wrap ? 1 : 0, `discontinuity before ${cur.msn} only at a wrap`);
        if (wrap) wraps++;
      }
      for (const entry of entries) {
        const earlier = seen.get(entry.msn);
        if (earlier) assert.equal(entry.discontinuity, earlier.discontinuity, `segment ${entry.msn} keeps its number`);
        seen.set(entry.msn, entry);
      }
    }
    assert.ok(wraps > 0, 'the walk crossed a wrap');
    assert.ok(livePlaylist(clock, start, uri).includes('#EXT-X-DISCONTINUITY-SEQUENCE:'));
  });
});

describe('synthetic live HLS over HTTP', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  let now = Date.UTC(2025, 0, 2, 3, 4, 5, 600);

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir, now: () => now });
  });
  after(async () => {
    await server.close();
    await removeDir();
  });

  it('serves the playlist uncached and segments cacheable with the right types; future segments are 404', async () => {
    const response = await fetch(`${server.url}/media/demo/live.m3u8`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const playlist = parsePlaylist(await response.text());
    const last = playlist.entries.at(-1)!;

    const segment = await fetch(`${server.url}/media/demo/seg/${last.msn}.ts`);
    assert.equal(segment.status, 200);
    assert.equal(segment.headers.get('content-type'), 'video/mp2t');
    assert.match(segment.headers.get('cache-control') ?? '', /max-age=\d+/);
    const bytes = new Uint8Array(await segment.arrayBuffer());
    assert.deepEqual(Buffer.from(bytes), loop.bytes[last.msn % loop.bytes.length]);
    assert.equal(bytes[0], 0x47, 'MPEG-TS sync byte');

    const future = await fetch(`${server.url}/media/demo/seg/${last.msn + 2}.ts`);
    assert.equal(future.status, 404);
    await future.body?.cancel();
    const ancient = await fetch(`${server.url}/media/demo/seg/5.ts`);
    assert.equal(ancient.status, 404);
    await ancient.body?.cancel();
    const noRoom = await fetch(`${server.url}/media/nope/live.m3u8`);
    assert.equal(noRoom.status, 404);
    await noRoom.body?.cancel();

    now += 6_000;
    const later = parsePlaylist(await (await fetch(`${server.url}/media/demo/live.m3u8`)).text());
    assert.equal(later.mediaSequence, playlist.mediaSequence + 3, 'three 2-second segments later');
    const nowServable = await fetch(`${server.url}/media/demo/seg/${last.msn + 2}.ts`);
    assert.equal(nowServable.status, 200);
    await nowServable.body?.cancel();
  });

  it('lets an allowed merchant origin read the playlist cross-origin', async () => {
    const allowed = await fetch(`${server.url}/media/demo/live.m3u8`, { headers: { origin: 'http://localhost:3000' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    await allowed.body?.cancel();
    const other = await fetch(`${server.url}/media/demo/live.m3u8`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    await other.body?.cancel();
  });
});
