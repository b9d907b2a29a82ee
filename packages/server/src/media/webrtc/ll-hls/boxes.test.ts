import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveShopServerError } from '../../../errors.js';
import { hasFfmpeg } from '../hls-packager.js';
import { Fmp4Reader, type Fmp4Fragment, type Fmp4Init, type Fmp4Unit } from './boxes.js';

const ffmpeg = hasFfmpeg();
const MUX = ['-f', 'mp4', '-movflags', 'empty_moov+default_base_moof+frag_keyframe', '-frag_duration', '200000'];

/** Runs ffmpeg (bounded) into `out` and returns the file's bytes. */
function encode(out: string, args: string[]): Buffer {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, ...MUX, out], { timeout: 60_000 });
  assert.equal(result.status, 0, `ffmpeg failed: ${result.stderr?.toString()}`);
  return readFileSync(out);
}

/** ffprobe's time base denominator of a stream: the `mdhd` timescale, read by another parser. */
function probeTimescale(file: string, stream: string): number {
  const result = spawnSync('ffprobe', ['-v', 'error', '-select_streams', stream, '-show_entries', 'stream=time_base', '-of', 'csv=p=0', file], { timeout: 30_000 });
  return Number(result.stdout.toString().trim().split('/')[1]);
}

function readAll(bytes: Buffer, chunkSizes: () => number): Fmp4Unit[] {
  const reader = new Fmp4Reader();
  const units: Fmp4Unit[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = chunkSizes();
    units.push(...reader.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return units;
}

const fragmentsOf = (units: Fmp4Unit[]) => units.filter((unit): unit is Fmp4Fragment => unit.kind === 'fragment');

describe('Fmp4Reader on fragmented MP4 written by ffmpeg', { skip: !ffmpeg && 'ffmpeg is not installed' }, () => {
  let dir = '';
  let av: Buffer;
  let audio: Buffer;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-shop-fmp4-'));
    av = encode(join(dir, 'av.mp4'), [
      '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-t', '3', '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
      '-force_key_frames', 'expr:gte(t,n_forced*1)', '-sc_threshold', '0', '-c:a', 'aac', '-ar', '48000',
    ]);
    audio = encode(join(dir, 'audio.mp4'), ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '1', '-c:a', 'aac']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('splits the init segment from the fragments and times them on the video track', () => {
    const units = readAll(av, () => av.length);
    const init = units[0] as Fmp4Init;
    assert.equal(init.kind, 'init');
    assert.equal(init.trackId, 1, 'the video track (mapped first)');
    assert.equal(init.timescale, probeTimescale(join(dir, 'av.mp4'), 'v:0'));
    assert.equal(init.bytes.toString('latin1', 4, 8), 'ftyp');
    const fragments = fragmentsOf(units);
    assert.ok(fragments.length >= 12, `about 15 fragments of 200 ms (${fragments.length})`);
    // Every byte but the closing mfra is in a unit, in order.
    const mfra = av.length - Buffer.concat(units.map((unit) => unit.bytes)).length;
    assert.equal(av.toString('latin1', av.length - mfra + 4, av.length - mfra + 8), 'mfra');
    for (const fragment of fragments) assert.equal(fragment.bytes.toString('latin1', 4, 8), 'moof');
    let expected = 0;
    for (const fragment of fragments) {
      assert.equal(fragment.decodeTime, expected, 'each fragment starts where the last one ended');
      expected += fragment.duration;
      // The first fragment's last sample may be stretched by the muxer; later ones are 6 frames at 30 fps.
      assert.ok(Math.abs(fragment.duration / init.timescale - 0.2) < 0.034, `${fragment.duration / init.timescale} s`);
    }
    assert.ok(Math.abs(expected / init.timescale - 3) < 0.1, `3 s in all (${expected / init.timescale})`);
    const keyframesAt = fragments.filter((fragment) => fragment.independent).map((fragment) => Math.round(fragment.decodeTime / init.timescale));
    assert.deepEqual(keyframesAt, [0, 1, 2], 'fragments start with a sync sample exactly at the forced keyframes');
  });

  it('gives the same units whatever the chunking of the stream', () => {
    const whole = readAll(av, () => av.length);
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) % 97 + 1;
    const chunked = readAll(av, random);
    assert.deepEqual(chunked.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length })), whole.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length })));
    assert.ok(Buffer.concat(chunked.map((unit) => unit.bytes)).equals(Buffer.concat(whole.map((unit) => unit.bytes))));
  });

  it('times an audio-only stream on its audio track, every fragment independent', () => {
    const units = readAll(audio, () => 4_096);
    const init = units[0] as Fmp4Init;
    assert.equal(init.timescale, 48_000);
    const fragments = fragmentsOf(units);
    assert.ok(fragments.length >= 3);
    assert.ok(fragments.every((fragment) => fragment.independent));
    const total = fragments.reduce((sum, fragment) => sum + fragment.duration, 0) / 48_000;
    assert.ok(Math.abs(total - 1) < 0.05, `1 s of audio (${total})`);
  });
});

/** A box: 32-bit size, type, payload. */
function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const u32 = (...values: number[]) => Buffer.concat(values.map((value) => { const b = Buffer.alloc(4); b.writeUInt32BE(value >>> 0); return b; }));

/** A one-track init segment whose trex defaults are `duration` and `flags`. */
function initSegment(timescale: number, duration: number, flags: number): Buffer {
  const mdhd = box('mdhd', u32(0, 0, 0, timescale, 0, 0));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide'), u32(0, 0, 0), Buffer.from([0]));
  const tkhd = box('tkhd', u32(0, 0, 0, 9, 0, 0));
  const trex = box('trex', u32(0, 9, 1, duration, 0, flags));
  return Buffer.concat([box('ftyp', Buffer.from('iso5'), u32(0)), box('moov', box('trak', tkhd, box('mdia', mdhd, hdlr)), box('mvex', trex))]);
}

describe('Fmp4Reader on hand-made boxes (the flag combinations ffmpeg does not write)', () => {
  it('falls back from trun sample fields to tfhd defaults to trex defaults', () => {
    const reader = new Fmp4Reader();
    const [init] = reader.push(initSegment(1_000, 40, 0x0001_0000));
    assert.deepEqual(init && { ...init, bytes: null }, { kind: 'init', bytes: null, trackId: 9, timescale: 1_000 });
    // trex defaults only: 3 samples × 40, first sample non-sync by default.
    const plain = box('moof', box('traf', box('tfhd', u32(0, 9)), box('tfdt', u32(0, 500)), box('trun', u32(0, 3))));
    // tfhd default duration 50 and default flags (sync); trun with per-sample flags (0x400): the first is non-sync.
    const tfhd = box('tfhd', u32(0x28, 9, 50, 0));
    const withFlags = box('moof', box('traf', tfhd, box('tfdt', u32(0x0100_0000, 0, 620)), box('trun', u32(0x400, 2, 0x0001_0000, 0))));
    // per-sample durations (0x100) and first-sample-flags (0x4) that say sync despite non-sync defaults.
    const first = box('moof', box('traf', box('tfhd', u32(0, 9)), box('trun', u32(0x104, 2, 0, 30, 31))));
    const units = reader.push(Buffer.concat([plain, box('mdat'), withFlags, box('mdat'), first, box('free'), box('mdat')]));
    assert.deepEqual(units.map((unit) => unit.kind === 'fragment' && [unit.decodeTime, unit.duration, unit.independent]), [
      [500, 120, false],
      [620, 100, false],
      [0, 61, true],
    ]);
  });

  it('rejects malformed streams with a typed error', () => {
    const isInvalid = (error: unknown) => error instanceof LiveShopServerError && error.code === 'invalid';
    assert.throws(() => new Fmp4Reader().push(u32(4, 0x6d6f6f76)), isInvalid, 'a box smaller than its header');
    assert.throws(() => new Fmp4Reader().push(box('moof', box('traf'))), isInvalid, 'a moof before the moov');
    const reader = new Fmp4Reader();
    reader.push(initSegment(1_000, 40, 0));
    assert.throws(() => reader.push(box('moof', box('traf', box('tfhd', u32(0, 9)), box('trun', u32(0x100, 5, 1))))), isInvalid, 'a trun that overruns its box');
    assert.throws(() => reader.push(box('moof', box('traf', box('tfhd', u32(0, 3))))), isInvalid, 'no traf for the timing track');
  });
});
