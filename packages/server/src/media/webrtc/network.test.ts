import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { MediaStreamTrack, type RtpPacket, type RTCPeerConnection } from 'werift';
import { LiveShopServerError } from '../../errors.js';
import { memoryLogger, within } from '../../test/helpers.js';
import { sendRtpEvery20ms } from '../../test/rtp.js';
import { assertRelayNetwork, createRelayPeer, noStunServer, type RelayNetwork } from './peer.js';
import { WebRtcRelay } from './relay.js';

/** An IPv4 address of this machine that is not loopback (a LAN interface), or null when it has none. */
const lanAddress =
  Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .find((address) => address.family === 'IPv4' && !address.internal)?.address ?? null;

/** A werift peer standing in for a browser on `network.host`: real offers, really connecting. */
async function offerFrom(direction: 'sendonly' | 'recvonly', network?: RelayNetwork) {
  const pc = createRelayPeer(network);
  const track = direction === 'sendonly' ? new MediaStreamTrack({ kind: 'video' }) : null;
  if (track) pc.addTransceiver(track, { direction: 'sendonly' });
  else pc.addTransceiver('video', { direction: 'recvonly' });
  noStunServer(pc);
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') await pc.iceGatheringStateChange.watch((s) => s === 'complete', 5_000);
  const offer = pc.localDescription?.sdp;
  if (!offer) throw new Error('no local offer');
  return { pc, offer, track };
}

/** The connection address and port of every ICE candidate of an SDP. */
function candidates(sdp: string): { address: string; port: number }[] {
  return sdp
    .split('\r\n')
    .filter((line) => line.startsWith('a=candidate:'))
    .map((line) => {
      const fields = line.split(' ');
      return { address: fields[4] ?? '', port: Number(fields[5]) };
    });
}

describe('WebRTC relay network', () => {
  const peers: RTCPeerConnection[] = [];
  const relays: WebRtcRelay[] = [];
  after(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    await Promise.all(peers.map((pc) => pc.close()));
  });

  it('refuses a wildcard, an address this machine does not have, a bad announced address and a bad port range', () => {
    const refused = (network: RelayNetwork, pattern: RegExp) =>
      assert.throws(() => assertRelayNetwork(network), (error: unknown) => error instanceof LiveShopServerError && error.code === 'invalid' && pattern.test(error.message));
    refused({ host: '0.0.0.0' }, /one IPv4 address/);
    refused({ host: 'localhost' }, /one IPv4 address/);
    refused({ host: '192.0.2.254' === lanAddress ? '198.51.100.254' : '192.0.2.254' }, /not an address of this machine/);
    refused({ host: '127.0.0.1', announce: 'relay.example' }, /announced address/);
    refused({ host: '127.0.0.1', ports: [40_000, 40_000] }, /port range/);
    refused({ host: '127.0.0.1', ports: [80, 90] }, /port range/);
    assert.doesNotThrow(() => assertRelayNetwork({ host: '127.0.0.1', announce: '203.0.113.7', ports: [40_000, 40_099] }));
    assert.throws(() => new WebRtcRelay({ logger: memoryLogger(), network: { host: '0.0.0.0' } }), LiveShopServerError);
  });

  it('answers with the announced address and a port of the range, never the bound one', async () => {
    const relay = new WebRtcRelay({ logger: memoryLogger(), network: { host: '127.0.0.1', announce: '203.0.113.7', ports: [47_100, 47_199] } });
    relays.push(relay);
    const host = await offerFrom('sendonly');
    peers.push(host.pc);
    const { answer } = await relay.publish('demo', host.offer);
    const found = candidates(answer);
    assert.ok(found.length > 0, answer);
    for (const { address, port } of found) {
      assert.equal(address, '203.0.113.7');
      assert.ok(port >= 47_100 && port <= 47_199, `port ${port} outside the range`);
    }
    assert.doesNotMatch(answer, /127\.0\.0\.1/, 'the bound address is not in the answer');
    assert.match(answer, /^a=setup:passive$/m, 'the relay is the DTLS server (no 100 ms client wait)');
  });

  it('publishes and plays over a non-loopback interface address of this machine', { skip: lanAddress === null && 'this machine has no non-loopback IPv4 address' }, async () => {
    const network: RelayNetwork = { host: lanAddress ?? '' };
    const relay = new WebRtcRelay({ logger: memoryLogger(), network });
    relays.push(relay);
    // Both peers bind the LAN address too: as a browser on another machine, they reach the relay only there.
    const publisher = await offerFrom('sendonly', network);
    const viewer = await offerFrom('recvonly', network);
    peers.push(publisher.pc, viewer.pc);
    const published = await relay.publish('demo', publisher.offer);
    assert.deepEqual([...new Set(candidates(published.answer).map((c) => c.address))], [lanAddress]);
    await publisher.pc.setRemoteDescription({ type: 'answer', sdp: published.answer });
    await within(10_000, 'publisher connected', publisher.pc.connectionStateChange.watch((s) => s === 'connected'));

    const played = await relay.play('demo', viewer.offer);
    assert.deepEqual([...new Set(candidates(played.answer).map((c) => c.address))], [lanAddress]);
    const received = new Promise<RtpPacket>((resolve) => {
      viewer.pc.onTrack.subscribe((track) => track.onReceiveRtp.subscribe((rtp) => resolve(rtp)));
    });
    await viewer.pc.setRemoteDescription({ type: 'answer', sdp: played.answer });
    const payload = Buffer.from('relayed over the LAN address');
    const stopSending = sendRtpEvery20ms(publisher.track, payload, 4321);
    try {
      const rtp = await within(10_000, 'an RTP packet forwarded over the LAN address', received);
      assert.deepEqual(rtp.payload, payload);
      assert.deepEqual(relay.stats('demo'), { live: true, viewers: 1 });
    } finally {
      stopSending();
    }
  });
});
