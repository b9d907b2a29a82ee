import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { LiveShopServerError } from '../../errors.js';

/** Largest SDP offer accepted, in bytes (a browser offer is 3-8 KB). */
export const MAX_SDP_BYTES = 64 * 1024;
/** How long ICE gathering may take before the answer is sent without it (loopback gathers in ms). */
const GATHER_TIMEOUT_MS = 5_000;
/** The dev relay listens on the loopback interface only. */
const RELAY_HOST = '127.0.0.1';

/** Media kinds the relay forwards. */
export type RelayKind = 'audio' | 'video';

/**
 * A werift peer for the dev relay: IPv4 loopback only (no STUN server, so nothing leaves the machine),
 * VP8 + Opus (every current browser sends and decodes both, so RTP is forwarded without transcoding).
 */
export function createRelayPeer(): RTCPeerConnection {
  const pc = new RTCPeerConnection({
    iceUseIpv4: true,
    iceUseIpv6: false,
    // Bind every ICE socket to 127.0.0.1, advertise that address, and never pair anything else.
    iceInterfaceAddresses: { udp4: RELAY_HOST },
    iceAdditionalHostAddresses: [RELAY_HOST],
    iceFilterCandidatePair: (pair) => pair.localCandidate.host === RELAY_HOST,
    codecs: {
      video: [
        new RTCRtpCodecParameters({
          mimeType: 'video/VP8',
          clockRate: 90_000,
          // NACK: werift resends from its packet cache; PLI: viewers may ask for a keyframe.
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
        }),
      ],
      audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48_000, channels: 2 })],
    },
    // No header extensions: forwarded packets have theirs stripped, so ids can never clash.
    headerExtensions: { video: [], audio: [] },
    bundlePolicy: 'max-bundle',
  });
  return pc;
}

/**
 * The audio/video m-lines of an SDP offer, in order. Throws `invalid` when the text is not an SDP offer
 * a browser would send (the cheap checks, before werift parses it).
 */
export function offeredKinds(sdp: string): RelayKind[] {
  if (!sdp.startsWith('v=0')) throw new LiveShopServerError('invalid', 'the body is not an SDP offer (it must start with "v=0")');
  const kinds: RelayKind[] = [];
  for (const match of sdp.matchAll(/^m=(\w+) /gm)) {
    const kind = match[1];
    if (kind === 'audio' || kind === 'video') kinds.push(kind);
  }
  if (!kinds.includes('video')) throw new LiveShopServerError('invalid', 'the SDP offer has no video m-line');
  if (!/^a=fingerprint:/m.test(sdp) || !/^a=ice-ufrag:/m.test(sdp)) {
    throw new LiveShopServerError('invalid', 'the SDP offer has no ICE credentials or DTLS fingerprint');
  }
  return kinds;
}

/**
 * Applies a remote offer and returns the complete answer (non-trickle: every candidate inside), so one
 * HTTP round trip sets the session up. Throws `invalid` when werift cannot use the offer.
 */
export async function answerOffer(pc: RTCPeerConnection, offer: string): Promise<string> {
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  } catch (cause) {
    throw new LiveShopServerError('invalid', `the SDP offer could not be applied: ${describe(cause)}`, { cause });
  }
  noStunServer(pc);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  if (pc.iceGatheringState !== 'complete') {
    await pc.iceGatheringStateChange.watch((state) => state === 'complete', GATHER_TIMEOUT_MS).catch((cause: unknown) => {
      throw new LiveShopServerError('internal', 'ICE gathering on the relay did not complete', { cause });
    });
  }
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new LiveShopServerError('internal', 'the relay produced no SDP answer');
  return loopbackCandidatesOnly(sdp);
}

/**
 * werift's ICE agent falls back to Google's STUN server when none is configured, and gathering then waits
 * 5 s for an answer that never comes on a machine without internet. Loopback needs no server-reflexive
 * candidate: clear it on each ICE agent before gathering starts (at `setLocalDescription`).
 */
export function noStunServer(pc: RTCPeerConnection): void {
  for (const transport of pc.iceTransports) transport.connection.stunServer = undefined;
}

/** Drops candidates for other addresses werift lists beside the loopback one (their sockets bind 127.0.0.1 anyway). */
function loopbackCandidatesOnly(sdp: string): string {
  return sdp
    .split('\r\n')
    .filter((line) => !line.startsWith('a=candidate:') || line.split(' ')[4] === RELAY_HOST)
    .join('\r\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
