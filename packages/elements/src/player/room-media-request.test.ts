import { expect } from '@open-wc/testing';
import { resolveServerUrl } from '@live-shop/core/media';
import { serverUrl } from '../test/helpers.js';
import { requestRoomMedia, roomMediaUrl } from './room-media-request.js';

// Its own file, so its own page: <live-shop-player> is never defined here, as on a page whose entry just started.

describe('room media request (sent by the script-tag entry before the early start loads)', () => {
  it('asks for the URL the core resolves, for absolute, relative and prefixed servers and any room name', () => {
    const servers = ['http://127.0.0.1:9', 'http://127.0.0.1:9/', 'https://live.example/shop', 'https://live.example/shop/?a=1#b', '/live', 'live/', ''];
    for (const server of servers) {
      for (const room of ['demo', 'a/b', 'ü room', '..']) {
        expect(roomMediaUrl(server, room, document.baseURI), `${server} ${room}`).to.equal(
          resolveServerUrl(server, `/api/rooms/${encodeURIComponent(room)}/media`),
        );
      }
    }
    expect(roomMediaUrl('wss://live.example', 'demo', document.baseURI), 'not http(s): left to the early start').to.equal(null);
    expect(roomMediaUrl('http://[bad', 'demo', document.baseURI)).to.equal(null);
  });

  it('asks once per autoplaying room player without `src`, and the answer names the room\'s stream', async () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <live-shop-player server="${serverUrl()}" room="demo"></live-shop-player>
      <live-shop-player server="${serverUrl()}" room="demo" src="/media/demo/live.m3u8"></live-shop-player>
      <live-shop-player server="${serverUrl()}" room="demo" autoplay="false"></live-shop-player>
      <live-shop-player server="${serverUrl()}"></live-shop-player>
      <live-shop-player room="demo"></live-shop-player>`;
    document.body.append(root);
    const players = [...root.querySelectorAll('live-shop-player')];
    const requests = requestRoomMedia(document);
    expect([...requests.keys()]).to.deep.equal([players[0]]);
    const response = await requests.get(players[0]!)!;
    expect(response.ok).to.equal(true);
    const media = (await response.json()) as { hls?: unknown };
    expect(media.hls).to.be.a('string').and.match(/\.m3u8$/);
    root.remove();
  });
});
