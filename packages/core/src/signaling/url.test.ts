import { expect } from '@open-wc/testing';
import { LiveShopError } from '../errors.js';
import { resolveAgainst, serverBaseUrl, webSocketUrl } from './url.js';

describe('server URLs', () => {
  it('maps http to ws and https to wss at <server>/ws', () => {
    expect(webSocketUrl(serverBaseUrl('http://127.0.0.1:8080'))).to.equal('ws://127.0.0.1:8080/ws');
    expect(webSocketUrl(serverBaseUrl('https://live.example.com/shop'))).to.equal('wss://live.example.com/shop/ws');
  });

  it('resolves a relative server against document.baseURI', () => {
    const base = serverBaseUrl('/live');
    expect(base.origin).to.equal(location.origin);
    expect(webSocketUrl(base)).to.equal(`${location.origin.replace(/^http/, 'ws')}/live/ws`);
  });

  it('resolves server paths against the server, keeping its base path', () => {
    expect(resolveAgainst(serverBaseUrl('http://a.test:1'), '/media/demo/live.m3u8')).to.equal('http://a.test:1/media/demo/live.m3u8');
    expect(resolveAgainst(serverBaseUrl('https://a.test/shop'), '/static/p.svg')).to.equal('https://a.test/shop/static/p.svg');
    expect(resolveAgainst(serverBaseUrl('https://a.test'), 'https://cdn.test/x.svg')).to.equal('https://cdn.test/x.svg');
  });

  it('refuses a server that is not http(s)', () => {
    expect(() => serverBaseUrl('ftp://a.test')).to.throw(LiveShopError);
  });
});
