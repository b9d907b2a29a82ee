// What WHIP and WHEP share: a non-trickle offer (candidates inside) and typed errors for refusals.
import { LiveShopError } from '../errors.js';

/** How long after the first local candidate the offer waits for its siblings (other interfaces, IPv6). */
const CANDIDATE_SETTLE_MS = 25;

/**
 * Resolves when the offer carries enough ICE candidates to send (non-trickle): when gathering completes,
 * or {@link CANDIDATE_SETTLE_MS} after the first host candidate, or after `timeoutMs` at the latest.
 *
 * Waiting for `complete` costs ~100 ms in Chromium (it finishes TCP and IPv6 gathering) and buys nothing:
 * the browser is the controlling ICE agent and sends the connectivity checks, so the server learns any
 * address it was not told as a peer-reflexive candidate.
 */
export function gathered(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise<void>((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      clearTimeout(timer);
      clearTimeout(settle);
      pc.removeEventListener('icegatheringstatechange', onChange);
      pc.removeEventListener('icecandidate', onCandidate);
      resolve();
    };
    const onChange = (): void => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const onCandidate = (event: RTCPeerConnectionIceEvent): void => {
      if (event.candidate && settle === undefined) settle = setTimeout(done, CANDIDATE_SETTLE_MS);
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener('icegatheringstatechange', onChange);
    pc.addEventListener('icecandidate', onCandidate);
    // Candidates found before this was called are already in the local description.
    if (pc.localDescription?.sdp.includes('\na=candidate:')) settle = setTimeout(done, CANDIDATE_SETTLE_MS);
  });
}

/** The typed error of a refused WHIP/WHEP request (live-shop servers answer `{ error: { code, message } }`). */
export async function refusal(response: Response, protocol: 'WHIP' | 'WHEP'): Promise<LiveShopError> {
  const { status } = response;
  let message = `the server answered ${status}`;
  // 404/503: nobody publishes (or the relay is full); players move on to their next source.
  const code: LiveShopError['code'] =
    status === 401 || status === 403 ? 'forbidden' : status === 400 ? 'invalid' : status === 404 || status === 503 ? 'not_found' : 'network';
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message += `: ${body.error.message}`;
  } catch {
    // Not JSON (another WHIP/WHEP server): the status says enough.
  }
  return new LiveShopError(code, `${protocol}: ${message}`);
}
