import { RtpHeader, RtpPacket, type MediaStreamTrack } from 'werift';

/**
 * Writes an RTP packet carrying `payload` on `track` every 20 ms until the returned function is called: relay tests
 * send until a viewer has one, because packets sent before the viewer's DTLS connects are dropped.
 */
export function sendRtpEvery20ms(track: MediaStreamTrack | null | undefined, payload: Buffer, ssrc: number): () => void {
  let seq = 0;
  const sending = setInterval(() => {
    seq += 1;
    const header = new RtpHeader({ payloadType: 96, sequenceNumber: seq, timestamp: seq * 3000, ssrc, marker: true });
    track?.writeRtp(new RtpPacket(header, payload));
  }, 20);
  return () => clearInterval(sending);
}
