import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createSocket, type Socket } from 'node:dgram';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Logger } from '../../logger.js';
import type { LlHlsPlaylist } from './ll-hls/playlist.js';
import { packageFmp4 } from './ll-hls/stream.js';
import type { RelayKind } from './peer.js';
import type { WebRtcRelay } from './relay.js';

/** Payload types in the SDP ffmpeg reads; every forwarded packet is rewritten to them. */
const PAYLOAD_TYPE: Record<RelayKind, number> = { video: 96, audio: 111 };
/** How long keyframes are asked for after a start (ffmpeg can decode nothing before one). */
const KEYFRAME_WINDOW_MS = 10_000;
/** The most stderr kept per ffmpeg for the log when it fails. */
const STDERR_TAIL_BYTES = 4_096;

/** Options of {@link WebRtcHlsPackager}. */
export interface HlsPackagerOptions {
  relay: WebRtcRelay;
  logger: Logger;
  /** The ffmpeg binary. Default `ffmpeg` on PATH. */
  ffmpeg?: string;
  /** Target segment length, seconds. Default 1 (a keyframe is forced at each). */
  segmentSeconds?: number;
  /** LL-HLS part length, seconds (one fMP4 fragment each). Default 0.2. */
  partSeconds?: number;
  /** The wall clock program-date-time is stamped with (the server's clock). Default `Date.now`. */
  now?: () => number;
}

/**
 * ffmpeg's encoding and muxing arguments, from the decoded input to fragmented MP4 on stdout: H.264 with a
 * keyframe at every segment boundary (so segments start decodable) and AAC, cut into fragments of about
 * `partSeconds` that also break at keyframes. Exported so a test can run the same output stage on a
 * synthetic input.
 */
export function fmp4OutputArgs(segmentSeconds: number, partSeconds: number): string[] {
  return [
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`, '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '96k', '-ar', '48000',
    // empty_moov: the init segment comes first, alone; default_base_moof: fragments stand alone as parts;
    // flush_packets: each fragment reaches the pipe when it is complete, not when ffmpeg's buffer fills.
    '-f', 'mp4', '-movflags', 'empty_moov+default_base_moof+frag_keyframe',
    '-frag_duration', String(Math.round(partSeconds * 1_000_000)), '-flush_packets', '1',
    'pipe:1',
  ];
}

interface Packaging {
  dir: string;
  playlist: LlHlsPlaylist;
  ffmpeg: ChildProcess;
  udp: Socket;
  untap: () => void;
  keyframes: NodeJS.Timeout;
  stopped: Promise<void>;
}

/**
 * True when `binary` (a path, or a name looked up on PATH) is an executable file here. It does not run it: running
 * `ffmpeg -version` cost about 0.3 s of every server start, and a restart after a crash should take well under a
 * second. A binary that is there but does not run is reported when packaging starts (see `start`).
 */
export function hasFfmpeg(binary = 'ffmpeg'): boolean {
  return isExecutableOnPath(binary);
}

/** Whether `binary` (a path, or a name looked up on PATH) is an executable file here. */
function isExecutableOnPath(binary: string): boolean {
  const candidates = isAbsolute(binary) || binary.includes('/')
    ? [binary]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, binary));
  return candidates.some(isExecutableFile);
}

/** Whether util-linux's `setpriv` is here to give a child a parent-death signal (checked once). */
let setprivHere: boolean | undefined;

/**
 * Spawns `command` so that it dies with this process, however this process ends. On Linux it runs through
 * `setpriv --pdeathsig KILL` (util-linux), so the kernel kills it when the server dies, even by SIGKILL:
 * an ffmpeg whose server is gone otherwise lives on, waiting for RTP that never comes (it inherits an ignored
 * SIGPIPE from Node, so its broken stdout does not end it either). setpriv execs the command, so the child's pid
 * is the command's own and `kill()` reaches it. Elsewhere the `exit` hook of the packager is the safety net.
 */
function spawnTiedToThisProcess(
  command: string,
  args: readonly string[],
  options: { stdio: ['ignore', 'pipe', 'pipe'] },
): ChildProcessByStdio<null, Readable, Readable> {
  setprivHere ??= process.platform === 'linux' && isExecutableOnPath('setpriv');
  return setprivHere ? spawn('setpriv', ['--pdeathsig', 'KILL', '--', command, ...args], options) : spawn(command, args, options);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false; // missing or not executable: look at the next PATH entry
  }
}

/**
 * Packages the WebRTC stream a host publishes into live LL-HLS with EXT-X-PROGRAM-DATE-TIME, so viewers
 * that cannot play WebRTC (or fall back from it) watch the host, not the room's synthetic loop.
 *
 * While a room is live, the relay's RTP is copied over loopback UDP to an ffmpeg that reads it from an SDP
 * description, transcodes VP8/Opus to H.264/AAC and writes fragmented MP4 to its stdout (ffmpeg 5.1's hls
 * muxer cannot write LL-HLS parts); {@link packageFmp4} cuts that into ~200 ms parts and ~1 s segments of an
 * in-memory LL-HLS playlist ({@link WebRtcHlsPackager.playlist}), served by the media routes. One ffmpeg
 * per live room, ended with the publish; keyframes are requested from the host for the first seconds so
 * ffmpeg can start decoding at once.
 */
export class WebRtcHlsPackager {
  readonly #relay: WebRtcRelay;
  readonly #logger: Logger;
  readonly #ffmpeg: string;
  readonly #segmentSeconds: number;
  readonly #partSeconds: number;
  readonly #now: () => number;
  readonly #rooms = new Map<string, Packaging>();
  #closed = false;

  constructor(options: HlsPackagerOptions) {
    this.#relay = options.relay;
    this.#logger = options.logger;
    this.#ffmpeg = options.ffmpeg ?? 'ffmpeg';
    this.#segmentSeconds = options.segmentSeconds ?? 1;
    this.#partSeconds = options.partSeconds ?? 0.2;
    this.#now = options.now ?? Date.now;
    process.on('exit', this.#killAll);
  }

  /**
   * Kills every ffmpeg at once, on the way out of a process that exits without closing the packager (a
   * shutdown that overran its deadline): otherwise they live on as orphans, waiting for RTP that never comes.
   */
  readonly #killAll = (): void => {
    for (const packaging of this.#rooms.values()) packaging.ffmpeg.kill('SIGKILL');
  };

  /** URL path (relative to the server) of a room's packaged playlist. */
  static playlistPath(roomId: string): string {
    return `/media/${encodeURIComponent(roomId)}/webrtc/live.m3u8`;
  }

  /** Whether the room is being packaged now. */
  isActive(roomId: string): boolean {
    return this.#rooms.has(roomId);
  }

  /** The room's live LL-HLS playlist (parts and segments in memory), or null when it is not packaged. */
  playlist(roomId: string): LlHlsPlaylist | null {
    return this.#rooms.get(roomId)?.playlist ?? null;
  }

  /** Starts packaging the room (its host's video flows now). Does nothing when it already runs. */
  async start(roomId: string): Promise<void> {
    if (this.#closed || this.#rooms.has(roomId)) return;
    const dir = await mkdtemp(join(tmpdir(), 'live-shop-hls-'));
    const ports = await freeUdpPorts(2);
    const [videoPort = 0, audioPort = 0] = ports;
    const sdp = [
      'v=0',
      'o=- 0 0 IN IP4 127.0.0.1',
      's=live-shop relay',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=video ${videoPort} RTP/AVP ${PAYLOAD_TYPE.video}`,
      `a=rtpmap:${PAYLOAD_TYPE.video} VP8/90000`,
      `m=audio ${audioPort} RTP/AVP ${PAYLOAD_TYPE.audio}`,
      `a=rtpmap:${PAYLOAD_TYPE.audio} opus/48000/2`,
      '',
    ].join('\r\n');
    await writeFile(join(dir, 'input.sdp'), sdp);
    const ffmpeg = spawnTiedToThisProcess(
      this.#ffmpeg,
      [
        '-hide_banner', '-loglevel', 'warning', '-nostdin',
        '-protocol_whitelist', 'file,udp,rtp',
        // nobuffer: what arrived while ffmpeg probed the input is not queued up ahead of the live packets.
        '-fflags', '+genpts+nobuffer', '-reorder_queue_size', '256',
        '-i', join(dir, 'input.sdp'),
        '-map', '0:v:0', '-map', '0:a:0?',
        ...fmp4OutputArgs(this.#segmentSeconds, this.#partSeconds),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // When the first video packet went to ffmpeg: media time 0 of its output (program-date-time's anchor).
    let firstVideoAt: number | null = null;
    const playlist = packageFmp4(ffmpeg.stdout, {
      partTarget: this.#partSeconds,
      segmentTarget: this.#segmentSeconds,
      now: this.#now,
      mediaEpoch: () => firstVideoAt,
      onError: (error) => {
        this.#logger.warn('webrtc hls packager got a malformed stream', { room: roomId, error });
        ffmpeg.kill('SIGTERM');
      },
    });
    let stderr = '';
    ffmpeg.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    const stopped = new Promise<void>((resolve) => {
      ffmpeg.once('exit', (code, signal) => {
        if (this.#rooms.get(roomId)?.ffmpeg === ffmpeg && code !== 0) {
          this.#logger.warn('webrtc hls packager ended', { room: roomId, code, signal, stderr });
        }
        resolve();
      });
      ffmpeg.once('error', (error) => {
        this.#logger.warn('webrtc hls packager could not start', { room: roomId, error });
        resolve();
      });
    });

    const udp = createSocket('udp4');
    const untap = this.#relay.tap(roomId, (kind, bytes) => {
      if (kind === 'video') firstVideoAt ??= this.#now();
      // Byte 1 is the marker bit and the payload type: keep the marker, set the type the SDP names.
      const packet = Buffer.from(bytes);
      packet[1] = ((packet[1] ?? 0) & 0x80) | PAYLOAD_TYPE[kind];
      udp.send(packet, kind === 'video' ? videoPort : audioPort, '127.0.0.1');
    });
    const startedAt = Date.now();
    const keyframes = setInterval(() => {
      if (Date.now() - startedAt > KEYFRAME_WINDOW_MS) clearInterval(keyframes);
      else this.#relay.requestKeyframe(roomId);
    }, 1_000);
    keyframes.unref();
    this.#relay.requestKeyframe(roomId);
    this.#rooms.set(roomId, { dir, playlist, ffmpeg, udp, untap, keyframes, stopped });
    this.#logger.info('webrtc hls packager started', { room: roomId });
  }

  /** Stops packaging the room: ends its playlist (waiting requests get 404) and removes its SDP folder. */
  async stop(roomId: string): Promise<void> {
    const packaging = this.#rooms.get(roomId);
    if (!packaging) return;
    this.#rooms.delete(roomId);
    packaging.untap();
    clearInterval(packaging.keyframes);
    packaging.udp.close();
    packaging.playlist.end();
    packaging.ffmpeg.kill('SIGTERM');
    const killer = setTimeout(() => packaging.ffmpeg.kill('SIGKILL'), 2_000);
    await packaging.stopped;
    clearTimeout(killer);
    await rm(packaging.dir, { recursive: true, force: true });
  }

  /** Stops every room. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#rooms.keys()].map((roomId) => this.stop(roomId)));
    process.off('exit', this.#killAll);
  }

}

/**
 * `count` even ports on 127.0.0.1 that are free right now together with the odd port after each (ffmpeg's
 * RTP input binds port + 1 for RTCP), found by binding and releasing: ffmpeg binds them a moment later (a
 * port taken in between makes ffmpeg fail, which is logged; the next publish tries again).
 */
async function freeUdpPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count && attempt < 50; attempt++) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 20_000);
    if (ports.includes(port)) continue;
    if ((await canBind(port)) && (await canBind(port + 1))) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free UDP port pair for the HLS packager');
  return ports;
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}
