// What WHIP and WHEP share: a non-trickle offer (candidates inside) and typed errors for refusals.
import { LiveShopError } from '../errors.js';

/**
 * Resolves when the offer may be sent (non-trickle): at the first ICE candidate in the local description, when
 * gathering completes, or after `timeoutMs` at the latest.
 *
 * Waiting for more buys nothing and costs time: the browser is the controlling ICE agent and sends the
 * connectivity checks to the server's candidates from every local address, so the server learns any
 * address it was not told as a peer-reflexive candidate (in Chromium host candidates are often mDNS
 * names a server cannot resolve anyway). Waiting for `complete` cost ~100 ms (TCP and IPv6 gathering), and
 * waiting 25 ms for the first candidate's siblings, as this did before, another 25 ms or more on a busy
 * page. One candidate stays in the offer for servers that refuse an offer without any.
 */
export function gathered(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  const hasCandidate = (): boolean => pc.localDescription?.sdp.includes('\na=candidate:') ?? false;
  if (pc.iceGatheringState === 'complete' || hasCandidate()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', onChange);
      pc.removeEventListener('icecandidate', onCandidate);
      resolve();
    };
    const onChange = (): void => {
      if (pc.iceGatheringState === 'complete') done();
    };
    // By the time `icecandidate` fires, the candidate is in `localDescription` too.
    const onCandidate = (event: RTCPeerConnectionIceEvent): void => {
      if (event.candidate?.candidate) done();
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener('icegatheringstatechange', onChange);
    pc.addEventListener('icecandidate', onCandidate);
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
