import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LiveShopClient } from '@live-shop/core';
import { MAX_CHAT_LENGTH } from '@live-shop/protocol';
import { connectedClient, disposeClients, part, token, type } from '../test/helpers.js';
import { defineLiveShopChat } from './define.js';
import type { LiveShopChat } from './live-shop-chat.js';

defineLiveShopChat();

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

async function chat(client: LiveShopClient): Promise<LiveShopChat> {
  const el = await fixture<LiveShopChat>(html`<live-shop-chat lang="en" .client=${client}></live-shop-chat>`);
  await el.updateComplete;
  return el;
}

function messages(el: LiveShopChat): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')];
}

function lastText(el: LiveShopChat): string | null {
  const items = messages(el);
  return items.at(-1)?.querySelector('[part="text"]')?.textContent ?? null;
}

async function send(el: LiveShopChat, text: string): Promise<void> {
  type(part<HTMLInputElement>(el, 'input'), text);
  part<HTMLButtonElement>(el, 'send-button').click();
}

describe('<live-shop-chat>', () => {
  afterEach(() => disposeClients());

  it('sends a message from its field and renders an XSS payload as inert text', async () => {
    const client = await connectedClient({ name: '<b>mallory</b>' });
    const el = await chat(client);
    await send(el, XSS);
    await waitUntil(() => lastText(el) === XSS, 'the message did not arrive');
    const item = messages(el).at(-1)!;
    expect(item.querySelector('[part="author"]')!.textContent).to.equal('<b>mallory</b>');
    expect(el.shadowRoot!.querySelectorAll('img, script, b').length).to.equal(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(part<HTMLInputElement>(el, 'input').value).to.equal('');
  });

  it("marks the host's messages", async () => {
    const viewer = await connectedClient();
    const host = await connectedClient({ token: await token('host') });
    const el = await chat(viewer);
    const text = `host says hi ${Date.now()}`;
    await host.sendChat(text);
    await waitUntil(() => lastText(el) === text, 'the host message did not arrive');
    const item = messages(el).at(-1)!;
    expect(item.getAttribute('part')).to.equal('message host-message');
    expect(item.querySelector('[part="host-badge"]')!.textContent).to.equal('Host');
  });

  it('shows only the latest six messages', async () => {
    const client = await connectedClient();
    // Two authors: the server allows a burst of five chat messages per connection.
    const other = await connectedClient();
    const el = await chat(client);
    const stamp = Date.now();
    for (let i = 1; i <= 8; i++) await (i <= 4 ? client : other).sendChat(`line ${i} ${stamp}`);
    await waitUntil(() => lastText(el) === `line 8 ${stamp}`, 'messages did not arrive');
    const shown = messages(el).map((item) => item.querySelector('[part="text"]')!.textContent);
    expect(shown).to.deep.equal([3, 4, 5, 6, 7, 8].map((i) => `line ${i} ${stamp}`));
  });

  it('says why a message was refused and keeps the text for another try', async () => {
    const client = await connectedClient();
    const el = await chat(client);
    const tooLong = 'x'.repeat(MAX_CHAT_LENGTH + 1);
    await send(el, tooLong);
    await waitUntil(() => part(el, 'error').textContent !== '', 'no error shown');
    expect(part(el, 'error').textContent).to.match(/^Could not send: .*300/);
    expect(part<HTMLInputElement>(el, 'input').value).to.equal(tooLong);
  });

  it('passes an axe accessibility audit over a dark backdrop (it is drawn over the video), with a host message', async () => {
    const viewer = await connectedClient();
    const host = await connectedClient({ token: await token('host') });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="background: #000; padding: 8px"><live-shop-chat lang="zh-CN" .client=${viewer}></live-shop-chat></div>`,
    );
    const el = wrapper.querySelector('live-shop-chat')!;
    const text = `axe ${Date.now()}`;
    await host.sendChat(text);
    await waitUntil(() => lastText(el) === text, 'the host message did not arrive');
    expect(el.shadowRoot!.querySelector('[role="log"]')!.getAttribute('aria-label')).to.equal('聊天');
    await expect(el).to.be.accessible();
  });
});
