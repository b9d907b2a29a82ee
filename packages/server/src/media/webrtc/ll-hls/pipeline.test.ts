import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { MediaRoutes } from '../../../http/media.js';
import { fmp4OutputArgs, hasFfmpeg } from '../hls-packager.js';
import { Fmp4Reader } from './boxes.js';
import type { LlHlsPlaylist } from './playlist.js';
import { packageFmp4 } from './stream.js';

const ffmpegHere = hasFfmpeg();

/**
 * The packager's fMP4 → LL-HLS stage and its HTTP serving, end to end over loopback: ffmpeg encodes a
 * real-time synthetic source (lavfi testsrc + sine) with the packager's own output arguments, the stream
 * is cut into the in-memory playlist, and MediaRoutes serves it. (The WebRTC → ffmpeg input half is
 * covered by the Chromium test that publishes a camera and plays the packaged stream.)
 */
describe('LL-HLS packaging of an fMP4 stream, served over HTTP', { skip: !ffmpegHere && 'ffmpeg is not installed' }, () => {
  let ffmpeg: ChildProcess;
  let exited: Promise<unknown>;
  let playlist: LlHlsPlaylist;
  let server: Server;
  let base = '';
  const errors: unknown[] = [];

  before(async () => {
    ffmpeg = spawn('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-re',
      '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-t', '20', '-map', '0:v', '-map', '1:a',
      ...fmp4OutputArgs(1, 0.2),
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    exited = new Promise((resolve) => ffmpeg.once('exit', resolve));
    playlist = packageFmp4(ffmpeg.stdout!, { partTarget: 0.2, segmentTarget: 1, onError: (error) => errors.push(error) });
    const routes = new MediaRoutes('/nonexistent', Date.now, { playlist: (room) => (room === 'demo' ? playlist : null) });
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      void routes.handle(res, decodeURIComponent(path.replace(/^\/media\//, '')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/demo/webrtc`;
  });

  after(async () => {
    ffmpeg.kill('SIGKILL');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves a live LL-HLS playlist whose parts, segments and init are the stream', { timeout: 30_000 }, async () => {
    const started = Date.now();
    const first = await fetch(`${base}/live.m3u8`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const text = await first.text();
    assert.ok(Date.now() - started < 10_000, 'the first playlist waited for the first segment, bounded');
    assert.match(text, /^#EXTM3U\n#EXT-X-VERSION:9\n/);
    assert.match(text, /#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0\.600/);
    assert.match(text, /#EXT-X-MAP:URI="init\.mp4"/);
    assert.match(text, /#EXTINF:1\.\d{3},\nseg-0\.m4s/);
    assert.match(text, /#EXT-X-PART:DURATION=0\.\d{3},URI="part-0\.m4s",INDEPENDENT=YES/);
    const pdt = Date.parse(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/.exec(text)?.[1] ?? '');
    assert.ok(Math.abs(pdt - started) < 3_000, `program-date-time is the wall clock (${pdt - started} ms off)`);
    const hint = /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-(\d+)\.m4s"/.exec(text);
    assert.ok(hint, 'the next part is hinted');

    const init = await fetch(`${base}/init.mp4`);
    assert.equal(init.headers.get('content-type'), 'video/mp4');
    assert.equal(Buffer.from(await init.arrayBuffer()).toString('latin1', 4, 8), 'ftyp');
    const segment = Buffer.from(await (await fetch(`${base}/seg-0.m4s`)).arrayBuffer());
    const partUris = [...text.matchAll(/#EXT-X-PART:[^\n]*URI="(part-\d+\.m4s)"[^\n]*\n(?=(?:#EXT-X-PART:[^\n]*\n)*#EXTINF:[^\n]*\nseg-0\.m4s)/g)].map((m) => m[1]);
    assert.ok(partUris.length >= 4, `segment 0's parts are listed (${partUris.join(' ')})`);
    const parts = await Promise.all(partUris.map(async (uri) => Buffer.from(await (await fetch(`${base}/${uri}`)).arrayBuffer())));
    assert.ok(Buffer.concat(parts).equals(segment), 'a segment is its parts joined');
    assert.equal(segment.toString('latin1', 4, 8), 'moof');

    // The hinted part: the request is held until ffmpeg writes it (~200 ms later), not answered 404.
    const heldAt = Date.now();
    const held = await fetch(`${base}/part-${hint[1]}.m4s`);
    assert.equal(held.status, 200);
    assert.ok(Date.now() - heldAt < 3_000, `held ${Date.now() - heldAt} ms`);
    assert.equal(Buffer.from(await held.arrayBuffer()).toString('latin1', 4, 8), 'moof');
    assert.deepEqual(errors, []);
  });

  it('blocks a playlist reload until the asked part exists, and answers bad directives with 400', { timeout: 30_000 }, async () => {
    const now = await (await fetch(`${base}/live.m3u8`)).text();
    const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(now)?.[1]);
    const lastMsn = sequence + (now.match(/^#EXT-X-PROGRAM-DATE-TIME:/gm) ?? []).length - 1;
    const openParts = now.slice(now.lastIndexOf('#EXT-X-PROGRAM-DATE-TIME:')).match(/^#EXT-X-PART:/gm)?.length ?? 0;
    const asked = Date.now();
    const blocked = await fetch(`${base}/live.m3u8?_HLS_msn=${lastMsn}&_HLS_part=${openParts}`);
    const waited = Date.now() - asked;
    assert.equal(blocked.status, 200);
    const after = await blocked.text();
    assert.ok(waited < 3_000, `answered within 3 target durations (${waited} ms)`);
    const grew = after.match(/^#EXT-X-PART:/gm)?.length ?? 0;
    assert.ok(after.includes(`seg-${lastMsn}.m4s`) || after.slice(after.lastIndexOf('#EXT-X-PROGRAM-DATE-TIME:')).match(/^#EXT-X-PART:/gm)?.length === openParts + 1, `the part is listed (${grew} parts)`);

    assert.equal((await fetch(`${base}/live.m3u8?_HLS_part=1`)).status, 400, '_HLS_part alone');
    assert.equal((await fetch(`${base}/live.m3u8?_HLS_msn=x`)).status, 400);
    assert.equal((await fetch(`${base}/live.m3u8?_HLS_msn=${lastMsn + 50}`)).status, 400, 'too far ahead');
    for (const name of ['seg-0.ts', '..%2Flive.m3u8', 'part-99999.m4s', 'init.mp4.bak']) {
      assert.equal((await fetch(`${base}/${name}`)).status, 404, name);
    }
    assert.equal((await fetch(`${base.replace('/demo/', '/other/')}/live.m3u8`)).status, 404, 'a room not packaged');
  });

  it('ends the playlist when the stream ends: waiting requests are answered 404, the list gets ENDLIST', { timeout: 30_000 }, async () => {
    const text = await (await fetch(`${base}/live.m3u8`)).text();
    const hint = /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="(part-\d+\.m4s)"/.exec(text)?.[1];
    ffmpeg.kill('SIGTERM');
    const held = await fetch(`${base}/${hint}`);
    // Either the part was written before ffmpeg stopped, or the wait ended with the stream.
    assert.ok([200, 404].includes(held.status), `status ${held.status}`);
    await exited;
    assert.equal(playlist.ended, true);
    assert.match(await (await fetch(`${base}/live.m3u8`)).text(), /#EXT-X-ENDLIST\n$/);
  });
});

describe('program-date-time of the packaged stream', { skip: !ffmpegHere && 'ffmpeg is not installed' }, () => {
  /** 3 s of the packager's fMP4 from a synthetic source, not real time. */
  const fmp4 = () => {
    const result = spawnSync('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30',
      '-f', 'lavfi', '-i', 'sine=sample_rate=48000', '-t', '3', '-map', '0:v', '-map', '1:a', ...fmp4OutputArgs(1, 0.2),
    ], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(result.status, 0, result.stderr.toString());
    return result.stdout;
  };
  const pdts = (text: string) => [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)].map((m) => Date.parse(m[1] ?? ''));

  it('follows the media clock from the media epoch (when the input started), not from when ffmpeg got round to it', async () => {
    const bytes = fmp4();
    const input = new PassThrough();
    const arrival = 1_800_000_000_000;
    // ffmpeg took 3 s to start: the first fragment arrives 3 s after media time 0 went in.
    const playlist = packageFmp4(input, { now: () => arrival, mediaEpoch: () => arrival - 3_000 });
    input.end(bytes);
    await once(input, 'end');
    // Each segment is stamped with the epoch plus the decode time of its first (independent) part.
    const reader = new Fmp4Reader();
    const units = reader.push(bytes);
    const timescale = reader.init?.timescale ?? Number.NaN;
    const starts = units.flatMap((unit) => (unit.kind === 'fragment' && unit.independent ? [unit.decodeTime] : []));
    assert.equal(starts.length, 3);
    assert.deepEqual(pdts(playlist.render() ?? ''), starts.map((start) => arrival - 3_000 + Math.round((start / timescale) * 1_000)));
  });

  it('never stamps media later than it arrived, with no epoch or an impossible one', async () => {
    const bytes = fmp4();
    const arrival = 1_800_000_000_000;
    for (const mediaEpoch of [undefined, () => arrival + 60_000]) {
      const input = new PassThrough();
      const playlist = packageFmp4(input, { now: () => arrival, ...(mediaEpoch ? { mediaEpoch } : {}) });
      input.end(bytes);
      await once(input, 'end');
      const [first = Number.NaN] = pdts(playlist.render() ?? '');
      // The first part (about 200 ms) ended when it arrived.
      assert.ok(first <= arrival - 190 && first > arrival - 300, `${arrival - first} ms before arrival`);
    }
  });
});
