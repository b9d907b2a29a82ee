import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MediaStreamTrack, type RtpPacket, type RTCPeerConnection } from 'werift';
import { signToken } from '../../auth/tokens.js';
import type { LiveShopServer } from '../../server.js';
import { getJson, hostToken, memoryLogger, startServer, tempDir, TEST_SECRET, TestClient, within } from '../../test/helpers.js';
import { sendRtpEvery20ms } from '../../test/rtp.js';
import { createRelayPeer, noStunServer } from './peer.js';
import { WebRtcRelay } from './relay.js';

/** A werift peer standing in for a browser: it makes real offers and really connects over loopback. */
async function offerFrom(direction: 'sendonly' | 'recvonly'): Promise<{ pc: RTCPeerConnection; offer: string; track: MediaStreamTrack | null }> {
  const pc = createRelayPeer();
  let track: MediaStreamTrack | null = null;
  if (direction === 'sendonly') {
    track = new MediaStreamTrack({ kind: 'video' });
    pc.addTransceiver(track, { direction: 'sendonly' });
  } else {
    pc.addTransceiver('video', { direction: 'recvonly' });
  }
  noStunServer(pc);
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') await pc.iceGatheringStateChange.watch((s) => s === 'complete', 5_000);
  const offer = pc.localDescription?.sdp;
  if (!offer) throw new Error('no local offer');
  return { pc, offer, track };
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/sdp', ...headers } });
}

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? '(none)';
}

describe('WHIP/WHEP dev relay routes', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const peers: RTCPeerConnection[] = [];

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir });
  });
  after(async () => {
    await Promise.all(peers.map((pc) => pc.close()));
    await server.close();
    await removeDir();
  });

  it('refuses WHIP without a token, with a viewer token and with a host token of another room', async () => {
    const { offer, pc } = await offerFrom('sendonly');
    peers.push(pc);
    const none = await post(`${server.url}/whip/demo`, offer);
    assert.equal(none.status, 403);
    assert.equal(await errorCode(none), 'forbidden');

    const viewer = await signToken(TEST_SECRET, { role: 'viewer', room: 'demo' });
    const asViewer = await post(`${server.url}/whip/demo`, offer, { Authorization: `Bearer ${viewer}` });
    assert.equal(asViewer.status, 403);
    assert.equal(await errorCode(asViewer), 'forbidden');

    const otherRoom = await post(`${server.url}/whip/demo`, offer, { Authorization: `Bearer ${await hostToken('elsewhere')}` });
    assert.equal(otherRoom.status, 403);

    const forged = await post(`${server.url}/whip/demo`, offer, { Authorization: 'Bearer not.a.token' });
    assert.equal(forged.status, 403);
    assert.deepEqual((await getJson(`${server.url}/whep/demo`)).body, { live: false, viewers: 0 });
  });

  it('answers a bad SDP offer with a typed 400 error, and a wrong content type too', async () => {
    const auth = { Authorization: `Bearer ${await hostToken()}` };
    const garbage = await post(`${server.url}/whip/demo`, 'hello, not sdp', auth);
    assert.equal(garbage.status, 400);
    assert.equal(await errorCode(garbage), 'invalid');

    const noVideo = await post(`${server.url}/whep/demo`, 'v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n');
    assert.equal(noVideo.status, 400);

    const json = await fetch(`${server.url}/whip/demo`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', ...auth } });
    assert.equal(json.status, 400);
    assert.equal(await errorCode(json), 'invalid');
  });

  it('refuses WHEP with a JSON 404 while nobody publishes, so players fall back to HLS', async () => {
    const { offer, pc } = await offerFrom('recvonly');
    peers.push(pc);
    const response = await post(`${server.url}/whep/demo`, offer);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await errorCode(response), 'not_found');
  });

  it('answers CORS preflights for POST and DELETE with Authorization, and exposes Location', async () => {
    const response = await fetch(`${server.url}/whip/demo`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const refused = await fetch(`${server.url}/whep/demo`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(refused.status, 403);
  });

  it('publishes, plays, forwards RTP to the viewer, and frees both sessions on DELETE', async () => {
    // A player of the room hears when the WebRTC source comes (first video packet) and goes (DELETE).
    const { client: roomViewer } = await TestClient.join(server);
    const mediaEvents = () => roomViewer.events().filter((event) => event.t === 'room.media');
    const whepOfDemo = async () => ((await getJson(`${server.url}/api/rooms/demo`)).body as { room: { whep?: string | null } }).room.whep;
    assert.equal(await whepOfDemo(), undefined, 'no WHEP in the snapshot while nobody publishes');
    assert.equal(((await getJson(`${server.url}/api/rooms/demo/media`)).body as { whep: string | null }).whep, null);
    const token = await hostToken();
    const publisher = await offerFrom('sendonly');
    peers.push(publisher.pc);
    const whip = await post(`${server.url}/whip/demo`, publisher.offer, { Authorization: `Bearer ${token}` });
    assert.equal(whip.status, 201, await whip.clone().text());
    assert.match(whip.headers.get('content-type') ?? '', /^application\/sdp/);
    const whipLocation = whip.headers.get('location') ?? '';
    assert.match(whipLocation, /^\/whip\/demo\/[A-Za-z0-9_-]{16,}$/);
    const whipAnswer = await whip.text();
    assert.match(whipAnswer, /^a=candidate:.* 127\.0\.0\.1 /m);
    assert.doesNotMatch(whipAnswer, /^a=candidate:.* 192\./m);
    await publisher.pc.setRemoteDescription({ type: 'answer', sdp: whipAnswer });
    assert.deepEqual((await getJson(`${server.url}/whep/demo`)).body, { live: true, viewers: 0 });
    assert.equal(await whepOfDemo(), '/whep/demo', 'the snapshot names the WHEP endpoint while the host publishes');
    const media = (await getJson(`${server.url}/api/rooms/demo/media`)).body as { whep: string | null };
    assert.equal(media.whep, '/whep/demo', 'so does the room media API the script-tag entry starts a room player from');

    const viewer = await offerFrom('recvonly');
    peers.push(viewer.pc);
    const whep = await post(`${server.url}/whep/demo`, viewer.offer);
    assert.equal(whep.status, 201, await whep.clone().text());
    const whepLocation = whep.headers.get('location') ?? '';
    assert.match(whepLocation, /^\/whep\/demo\/[A-Za-z0-9_-]{16,}$/);
    const received = new Promise<RtpPacket>((resolve) => {
      viewer.pc.onTrack.subscribe((track) => track.onReceiveRtp.subscribe((rtp) => resolve(rtp)));
    });
    await viewer.pc.setRemoteDescription({ type: 'answer', sdp: await whep.text() });
    assert.deepEqual((await getJson(`${server.url}/whep/demo`)).body, { live: true, viewers: 1 });

    // The publisher sends RTP until the viewer has one (packets sent before DTLS connects are dropped).
    await within(10_000, 'publisher connected', publisher.pc.connectionStateChange.watch((s) => s === 'connected'));
    const payload = Buffer.from('not really vp8, the relay does not look inside');
    const stopSending = sendRtpEvery20ms(publisher.track, payload, 1234);
    try {
      const rtp = await within(10_000, 'an RTP packet forwarded to the viewer', received);
      assert.deepEqual(rtp.payload, payload);
      const live = await roomViewer.waitFor((frame) => frame.t === 'room.media', 'room.media (live)');
      assert.equal(live.t === 'room.media' && live.whep, '/whep/demo');
    } finally {
      stopSending();
    }

    const deleteViewer = await fetch(`${server.url}${whepLocation}`, { method: 'DELETE' });
    assert.equal(deleteViewer.status, 200);
    assert.deepEqual((await getJson(`${server.url}/whep/demo`)).body, { live: true, viewers: 0 });
    assert.equal((await fetch(`${server.url}${whepLocation}`, { method: 'DELETE' })).status, 404);

    assert.equal((await fetch(`${server.url}${whipLocation}`, { method: 'DELETE' })).status, 403);
    const deletePublisher = await fetch(`${server.url}${whipLocation}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(deletePublisher.status, 200);
    assert.deepEqual((await getJson(`${server.url}/whep/demo`)).body, { live: false, viewers: 0 });
    assert.equal(await whepOfDemo(), undefined);
    await within(5_000, 'room.media (gone)', (async () => {
      while (mediaEvents().length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    })());
    assert.deepEqual(mediaEvents().map((event) => event.t === 'room.media' && event.whep), ['/whep/demo', null]);
    await roomViewer.close();
  });
});

describe('WebRtcRelay session ends', () => {
  it('answers 200 to the DELETE of a session the relay ended itself, 404 to unknown ids, and lets a host replace its session', async () => {
    const relay = new WebRtcRelay({ logger: memoryLogger() });
    const peers: RTCPeerConnection[] = [];
    try {
      const host = await offerFrom('sendonly');
      const viewer = await offerFrom('recvonly');
      peers.push(host.pc, viewer.pc);
      const published = await relay.publish('demo', host.offer);
      const played = await relay.play('demo', viewer.offer);
      assert.deepEqual(relay.stats('demo'), { live: true, viewers: 1 });

      assert.equal(relay.endPublish('demo', published.id), true);
      assert.deepEqual(relay.stats('demo'), { live: false, viewers: 0 }, 'the host leaving ends its viewers');
      assert.equal(relay.endPlay('demo', played.id), true, "the player's DELETE after the relay ended it");
      assert.equal(relay.endPlay('demo', played.id), false, 'remembered once');
      assert.equal(relay.endPublish('demo', published.id), false, 'a DELETE by the host is not remembered');
      assert.equal(relay.endPlay('demo', 'no-such-session'), false);

      // A host that publishes again (a reloaded studio) replaces its session, and viewers can join it.
      const first = await offerFrom('sendonly');
      const second = await offerFrom('sendonly');
      const another = await offerFrom('recvonly');
      peers.push(first.pc, second.pc, another.pc);
      const one = await relay.publish('demo', first.offer);
      const two = await relay.publish('demo', second.offer);
      assert.notEqual(one.id, two.id);
      assert.deepEqual(relay.stats('demo'), { live: true, viewers: 0 });
      await relay.play('demo', another.offer);
      assert.deepEqual(relay.stats('demo'), { live: true, viewers: 1 });
      assert.equal(relay.endPublish('demo', one.id), true, 'the replaced session is remembered as ended');
      assert.deepEqual(relay.stats('demo'), { live: true, viewers: 1 }, 'and ending it again does not touch the new one');
    } finally {
      await relay.close();
      await Promise.all(peers.map((pc) => pc.close()));
    }
  });
});
