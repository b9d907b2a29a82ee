import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { LiveShopServerError } from '../../errors.js';

/** Largest SDP offer accepted, in bytes (a browser offer is 3-8 KB). */
export const MAX_SDP_BYTES = 64 * 1024;
/** How long ICE gathering may take before the answer is sent without it (loopback gathers in ms). */
const GATHER_TIMEOUT_MS = 5_000;

/** Media kinds the relay forwards. */
export type RelayKind = 'audio' | 'video';

/**
 * Where the relay's WebRTC traffic goes. By default the loopback interface only: browsers on this machine can
 * play, nothing on the network can reach the relay. For viewers on other machines, bind a LAN address.
 */
export interface RelayNetwork {
  /** IPv4 address of a local interface every ICE socket binds to (never a wildcard). Default `127.0.0.1`. */
  host: string;
  /**
   * Address the SDP answers give browsers to reach the relay (the one ICE candidate), when it differs from
   * `host`: a NAT or container port mapping in front of it. Default: `host`.
   */
  announce?: string;
  /** UDP ports the ICE sockets take (inclusive, `min < max`; forward them when `announce` is a NAT). Default: any. */
  ports?: readonly [number, number];
}

/** The default {@link RelayNetwork}: loopback only. */
export const LOOPBACK_NETWORK: RelayNetwork = { host: '127.0.0.1' };

/**
 * Checks a {@link RelayNetwork} before any peer uses it. Throws `invalid` with the reason: `host` must be an
 * IPv4 address of one of this machine's interfaces (a wildcard would gather every interface, and an address
 * the machine does not have would bind nothing), `announce` an IPv4 address, `ports` a range of 1024–65535.
 */
export function assertRelayNetwork(network: RelayNetwork): void {
  const { host, announce, ports } = network;
  if (!isIPv4(host) || host === '0.0.0.0') throw new LiveShopServerError('invalid', `the WebRTC ICE host must be one IPv4 address, not "${host}"`);
  const local = Object.values(networkInterfaces()).flatMap((addresses) => addresses ?? []);
  if (!local.some((address) => address.family === 'IPv4' && address.address === host)) {
    throw new LiveShopServerError('invalid', `the WebRTC ICE host ${host} is not an address of this machine (see \`ip addr\`)`);
  }
  if (announce !== undefined && (!isIPv4(announce) || announce === '0.0.0.0')) {
    throw new LiveShopServerError('invalid', `the WebRTC announced address must be one IPv4 address, not "${announce}"`);
  }
  if (ports !== undefined) {
    const [min, max] = ports;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1024 || max > 65_535 || min >= max) {
      throw new LiveShopServerError('invalid', `the WebRTC port range must be min-max within 1024-65535 with min < max, not ${min}-${max}`);
    }
  }
}

/**
 * A werift peer for the dev relay: one IPv4 address (`network.host`, loopback by default) and no STUN server,
 * so nothing is gathered or sent anywhere else; VP8 + Opus (every current browser sends and decodes both, so
 * RTP is forwarded without transcoding).
 */
export function createRelayPeer(network: RelayNetwork = LOOPBACK_NETWORK): RTCPeerConnection {
  const { host, ports } = network;
  const pc = new RTCPeerConnection({
    iceUseIpv4: true,
    iceUseIpv6: false,
    // Bind every ICE socket to the host address, advertise it (werift skips loopback unless told), and never
    // pair anything else.
    iceInterfaceAddresses: { udp4: host },
    iceAdditionalHostAddresses: [host],
    iceFilterCandidatePair: (pair) => pair.localCandidate.host === host,
    ...(ports ? { icePortRange: [ports[0], ports[1]] as [number, number] } : {}),
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
export async function answerOffer(pc: RTCPeerConnection, offer: string, network: RelayNetwork = LOOPBACK_NETWORK): Promise<string> {
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  } catch (cause) {
    throw new LiveShopServerError('invalid', `the SDP offer could not be applied: ${describe(cause)}`, { cause });
  }
  noStunServer(pc);
  // An offer says `actpass` (RFC 8842; browsers and OBS do): the answer may pick either role. A peer that
  // insists on being the server keeps werift's default, the client role.
  if (!/^a=setup:passive/m.test(offer)) dtlsServer(pc);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  if (pc.iceGatheringState !== 'complete') {
    await pc.iceGatheringStateChange.watch((state) => state === 'complete', GATHER_TIMEOUT_MS).catch((cause: unknown) => {
      throw new LiveShopServerError('internal', 'ICE gathering on the relay did not complete', { cause });
    });
  }
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new LiveShopServerError('internal', 'the relay produced no SDP answer');
  return announcedCandidatesOnly(sdp, network);
}

/**
 * werift's ICE agent falls back to Google's STUN server when none is configured, and gathering then waits
 * 5 s for an answer that never comes on a machine without internet. Loopback needs no server-reflexive
 * candidate: clear it on each ICE agent before gathering starts (at `setLocalDescription`).
 */
export function noStunServer(pc: RTCPeerConnection): void {
  for (const transport of pc.iceTransports) transport.connection.stunServer = undefined;
}

/**
 * Makes the relay the DTLS server (`a=setup:passive` in the answer), so the browser, as DTLS client, sends
 * its ClientHello the moment its ICE check succeeds. Left to itself werift answers `a=setup:active` and, as
 * client, waits a fixed 100 ms after ICE connects before it starts the handshake: 100 ms of every viewer's
 * time to first frame and of every host's time to go live.
 */
function dtlsServer(pc: RTCPeerConnection): void {
  for (const transport of pc.dtlsTransports) transport.role = 'server';
}

/**
 * Keeps only the candidates of the host address (werift also lists other interfaces' addresses, though its
 * sockets bind the host address only) and writes the announced address into them and into `c=` lines.
 */
export function announcedCandidatesOnly(sdp: string, network: RelayNetwork): string {
  const { host } = network;
  const announce = network.announce ?? host;
  return sdp
    .split('\r\n')
    .flatMap((line) => {
      if (line.startsWith('a=candidate:')) {
        const fields = line.split(' ');
        if (fields[4] !== host) return [];
        fields[4] = announce;
        return [fields.join(' ')];
      }
      return line === `c=IN IP4 ${host}` ? [`c=IN IP4 ${announce}`] : [line];
    })
    .join('\r\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
