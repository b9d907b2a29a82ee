import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { LlHlsPlaylist } from './playlist.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

/** Feeds `count` parts of 200 ms from part number `from`; a keyframe (independent part) every `gop` parts. */
function feed(playlist: LlHlsPlaylist, from: number, count: number, gop = 5): void {
  for (let n = from; n < from + count; n++) {
    playlist.addPart({ bytes: Buffer.from(`part ${n};`), duration: 0.2, independent: n % gop === 0, wallClock: T0 + n * 200 });
  }
}

function withInit(options: ConstructorParameters<typeof LlHlsPlaylist>[0] = {}): LlHlsPlaylist {
  const playlist = new LlHlsPlaylist(options);
  playlist.setInit(Buffer.from('init'));
  return playlist;
}

describe('LlHlsPlaylist', () => {
  it('groups parts into segments that start at independent parts and writes the LL-HLS tags', () => {
    const playlist = withInit();
    assert.equal(playlist.render(), null, 'nothing to list before the first part');
    feed(playlist, 0, 22); // 4 complete segments of 5 parts, 2 parts of the fifth
    const text = playlist.render() ?? '';
    const lines = text.trim().split('\n');
    assert.deepEqual(lines.slice(0, 7), [
      '#EXTM3U',
      '#EXT-X-VERSION:9',
      '#EXT-X-TARGETDURATION:1',
      '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.600',
      '#EXT-X-PART-INF:PART-TARGET=0.200',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-MAP:URI="init.mp4"',
    ]);
    assert.deepEqual(lines.filter((line) => line.startsWith('seg-')), ['seg-0.m4s', 'seg-1.m4s', 'seg-2.m4s', 'seg-3.m4s']);
    assert.equal(lines.filter((line) => line === '#EXTINF:1.000,').length, 4);
    // Program-date-time of each segment (and of the open one) is the wall clock of its first part.
    assert.deepEqual(
      lines.filter((line) => line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')),
      [0, 1, 2, 3, 4].map((k) => `#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + k * 1_000).toISOString()}`),
    );
    // Parts are listed for the last 3 complete segments and the open one: parts 5..21.
    const parts = lines.filter((line) => line.startsWith('#EXT-X-PART:'));
    assert.equal(parts[0], '#EXT-X-PART:DURATION=0.200,URI="part-5.m4s",INDEPENDENT=YES');
    assert.equal(parts[1], '#EXT-X-PART:DURATION=0.200,URI="part-6.m4s"');
    assert.equal(parts.length, 17);
    assert.equal(parts.at(-1), '#EXT-X-PART:DURATION=0.200,URI="part-21.m4s"');
    assert.equal(lines.at(-1), '#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-22.m4s"');
    // The open segment's parts follow its program-date-time and have no EXTINF yet.
    const openAt = lines.lastIndexOf(`#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + 4_000).toISOString()}`);
    assert.deepEqual(lines.slice(openAt + 1), [
      '#EXT-X-PART:DURATION=0.200,URI="part-20.m4s",INDEPENDENT=YES',
      '#EXT-X-PART:DURATION=0.200,URI="part-21.m4s"',
      '#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-22.m4s"',
    ]);
  });

  it('drops parts before the first independent one and bounds a segment without keyframes at 3 targets', () => {
    const playlist = withInit();
    for (let n = 0; n < 3; n++) playlist.addPart({ bytes: Buffer.from('x'), duration: 0.2, independent: false, wallClock: T0 });
    assert.equal(playlist.render(), null, 'nothing decodable yet');
    feed(playlist, 0, 20, 100); // one keyframe, then 3.8 s without
    assert.equal(playlist.completeSegments, 1);
    assert.equal(playlist.targetDuration, 3, 'EXT-X-TARGETDURATION follows the longest segment');
    assert.match(playlist.render() ?? '', /#EXTINF:3\.000,\nseg-0\.m4s/);
  });

  it('slides a window of 6 segments and serves segments as their parts joined', () => {
    const playlist = withInit();
    feed(playlist, 0, 51); // 10 complete segments + 1 part
    const text = playlist.render() ?? '';
    assert.match(text, /#EXT-X-MEDIA-SEQUENCE:4\n/);
    assert.equal((text.match(/^seg-/gm) ?? []).length, 6);
    assert.equal(playlist.segment(3), null, 'slid out');
    assert.equal(playlist.segment(10), null, 'still open');
    assert.equal(playlist.segment(9)?.toString(), 'part 45;part 46;part 47;part 48;part 49;');
  });

  it('answers a blocking reload when the asked part or segment exists, at once when it already does', async () => {
    const playlist = withInit();
    feed(playlist, 0, 7); // segment 0 complete, segment 1 open with parts 0..1
    assert.equal(await playlist.waitForPlaylist({ msn: 0 }, 1_000), 'ready');
    assert.equal(await playlist.waitForPlaylist({ msn: 1, part: 1 }, 1_000), 'ready');
    const started = Date.now();
    const nextPart = playlist.waitForPlaylist({ msn: 1, part: 2 }, 2_000);
    const nextSegment = playlist.waitForPlaylist({ msn: 1 }, 2_000);
    setTimeout(() => feed(playlist, 7, 1), 100);
    assert.equal(await nextPart, 'ready');
    const waited = Date.now() - started;
    assert.ok(waited >= 90 && waited < 1_000, `answered when the part came (${waited} ms)`);
    assert.match(playlist.render() ?? '', /part-7\.m4s/);
    setTimeout(() => feed(playlist, 8, 3), 50);
    assert.equal(await nextSegment, 'ready', 'segment 1 completes when segment 2 starts');
    assert.match(playlist.render() ?? '', /seg-1\.m4s/);
  });

  it('times a blocking reload out, ends it with the stream, and refuses directives too far ahead', async () => {
    const playlist = withInit();
    feed(playlist, 0, 7);
    const started = Date.now();
    assert.equal(await playlist.waitForPlaylist({ msn: 1, part: 3 }, 150), 'timeout');
    assert.ok(Date.now() - started >= 140);
    assert.equal(playlist.isTooFarAhead({ msn: 3 }), false, 'two segments past the last one is allowed');
    assert.equal(playlist.isTooFarAhead({ msn: 4 }), true);
    assert.equal(playlist.isTooFarAhead({ msn: 1, part: 16 }), false, 'within 3 s of parts');
    assert.equal(playlist.isTooFarAhead({ msn: 1, part: 17 }), true);
    const pending = playlist.waitForPlaylist({ msn: 2 }, 5_000);
    playlist.end();
    assert.equal(await pending, 'ended');
    assert.match(playlist.render() ?? '', /seg-1\.m4s\n#EXT-X-ENDLIST\n$/);
  });

  it('holds a request for the preload-hinted part until it exists, bounded', async () => {
    const playlist = withInit();
    feed(playlist, 0, 3);
    assert.equal((await playlist.part(1, 1_000))?.toString(), 'part 1;');
    assert.equal(await playlist.part(5, 1_000), null, 'past the hint: not held');
    const hinted = playlist.part(3, 2_000);
    setTimeout(() => feed(playlist, 3, 1), 80);
    assert.equal((await hinted)?.toString(), 'part 3;');
    assert.equal(await playlist.part(4, 100), 'timeout');
  });
});
