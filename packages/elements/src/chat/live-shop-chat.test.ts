import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
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

function moderatorToken(): Promise<string> {
  return executeServerCommand<string, { role: string; room: string }>('live-shop-token', { role: 'moderator', room: 'demo' });
}

function bullets(el: LiveShopChat): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="bullet"]')];
}

function messageItem(el: LiveShopChat, text: string): HTMLElement | undefined {
  return messages(el).find((item) => item.querySelector('[part="text"]')?.textContent === text);
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
    // The field empties on the ack, which the server sends after the room event carrying the message.
    await waitUntil(() => part<HTMLInputElement>(el, 'input').value === '', 'the field was not cleared after the ack');
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

  describe('danmaku mode', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
    });

    async function danmaku(client: LiveShopClient): Promise<{ el: LiveShopChat; wrapper: HTMLDivElement }> {
      // The layer covers the nearest positioned ancestor, as the player's video area does.
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="position: relative; width: 480px; height: 360px; background: #000">
          <live-shop-chat lang="en" mode="danmaku" .client=${client}></live-shop-chat>
        </div>`,
      );
      const el = wrapper.querySelector('live-shop-chat')!;
      await el.updateComplete;
      return { el, wrapper };
    }

    it('flies new messages across in lanes as inert text, and never the history', async () => {
      const viewer = await connectedClient();
      const other = await connectedClient();
      await other.sendChat(`history ${Date.now()}`);
      await waitUntil(() => viewer.$chat.get().length > 0, 'history arrived');
      const { el } = await danmaku(viewer);
      expect(bullets(el).length).to.equal(0, 'history does not fly');
      await other.sendChat(XSS);
      await waitUntil(() => bullets(el).some((b) => b.textContent?.includes(XSS)), 'the XSS payload flies as text');
      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      const bullet = bullets(el).find((b) => b.textContent?.includes(XSS))!;
      expect(bullet.getAnimations().length).to.equal(1, 'it moves');
      // Screen readers read the same message from the (visually hidden) log.
      expect(lastText(el)).to.equal(XSS);
      expect(el.shadowRoot!.querySelector('[part="danmaku"]')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('keeps comments of one lane apart: a burst spreads over the lanes, none overlapping', async () => {
      const viewer = await connectedClient();
      const writers = await Promise.all([connectedClient(), connectedClient(), connectedClient()]);
      const { el } = await danmaku(viewer);
      el.lanes = 3;
      await el.updateComplete;
      const stamp = Date.now();
      await Promise.all(writers.flatMap((w, i) => [w.sendChat(`w${i} one ${stamp}`), w.sendChat(`w${i} two ${stamp}`)]));
      await waitUntil(() => bullets(el).length >= 3, 'three comments fly');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const boxes = bullets(el).map((b) => ({ lane: b.dataset['lane'], rect: b.getBoundingClientRect() }));
      for (const a of boxes) {
        for (const b of boxes) {
          if (a === b || a.lane !== b.lane) continue;
          const overlap = a.rect.left < b.rect.right && b.rect.left < a.rect.right;
          expect(overlap, `two comments overlap in lane ${a.lane}`).to.equal(false);
        }
      }
      expect(new Set(boxes.map((b) => b.lane)).size).to.be.greaterThan(1, 'more than one lane in use');
    });

    it('takes a deleted message off the screen and out of the log', async () => {
      const host = await connectedClient({ token: await token('host') });
      const viewer = await connectedClient();
      const { el } = await danmaku(viewer);
      const text = `to delete ${Date.now()}`;
      await viewer.sendChat(text);
      await waitUntil(() => bullets(el).some((b) => b.textContent?.includes(text)), 'it flies');
      const message = viewer.$chat.get().find((m) => m.text === text)!;
      await host.deleteMessage(message.id);
      await waitUntil(() => !bullets(el).some((b) => b.textContent?.includes(text)), 'gone from the danmaku');
      await waitUntil(() => messageItem(el, text) === undefined, 'gone from the log');
    });

    it('falls back to the list with prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const viewer = await connectedClient();
      const { el } = await danmaku(viewer);
      expect(el.effectiveMode).to.equal('list');
      await viewer.sendChat(`calm ${Date.now()}`);
      await waitUntil(() => lastText(el)?.startsWith('calm ') === true, 'the message shows in the list');
      expect(el.shadowRoot!.querySelector('[part="danmaku"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="log"]')!.classList.contains('visually-hidden')).to.equal(false);
    });

    it('passes an axe audit in danmaku mode', async () => {
      const viewer = await connectedClient();
      const other = await connectedClient();
      const { el } = await danmaku(viewer);
      await other.sendChat(`axe danmaku ${Date.now()}`);
      await waitUntil(() => bullets(el).length > 0, 'a comment flies');
      await expect(el).to.be.accessible();
    });
  });

  describe('moderation controls', () => {
    it('are not there for viewers', async () => {
      const viewer = await connectedClient();
      const el = await chat(viewer);
      const text = `viewer view ${Date.now()}`;
      await viewer.sendChat(text);
      await waitUntil(() => lastText(el) === text, 'arrived');
      expect(el.shadowRoot!.querySelectorAll('[part="moderate-button"]').length).to.equal(0);
    });

    it('let a moderator delete a message from the keyboard, and it disappears for everyone', async () => {
      const mod = await connectedClient({ token: await moderatorToken() });
      const viewer = await connectedClient();
      const el = await chat(mod);
      const watcher = await chat(viewer);
      const text = `delete by keyboard ${Date.now()}`;
      await viewer.sendChat(text);
      await waitUntil(() => messageItem(el, text) !== undefined, 'arrived');
      const button = messageItem(el, text)!.querySelector<HTMLButtonElement>('[part="moderate-button"]')!;
      expect(button.getAttribute('aria-label')).to.match(/^Moderate the message from /);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'delete-button', 'focus moves into the controls');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const message = mod.$chat.get().find((m) => m.text === text)!;
      const moderated = new Promise<CustomEvent>((resolve) => el.addEventListener('live-shop-message-moderate', resolve, { once: true }));
      await sendKeys({ press: 'Enter' });
      const event = await moderated;
      expect(event.detail).to.deep.equal({ action: 'delete', messageId: message.id, authorId: message.authorId });
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => messageItem(el, text) === undefined, 'gone for the moderator');
      await waitUntil(() => messageItem(watcher, text) === undefined, 'gone for the viewer');
    });

    it('ask to confirm a ban, Escape closes them, and the banned viewer is disconnected', async () => {
      const host = await connectedClient({ token: await token('host') });
      const viewer = await connectedClient(); // anonymous: the ban touches no other test
      // Over a dark backdrop, as over the video (for the axe check below).
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background: #000; padding: 8px"><live-shop-chat lang="en" .client=${host}></live-shop-chat></div>`,
      );
      const el = wrapper.querySelector('live-shop-chat')!;
      const text = `ban me ${Date.now()}`;
      await viewer.sendChat(text);
      await waitUntil(() => messageItem(el, text) !== undefined, 'arrived');
      const item = () => messageItem(el, text)!;
      item().querySelector<HTMLButtonElement>('[part="moderate-button"]')!.click();
      await el.updateComplete;
      expect(item().querySelector('[part="mute-button"]')!.textContent!.trim()).to.equal('Mute for 10 min');
      item().querySelector<HTMLButtonElement>('[part="ban-button"]')!.click();
      await el.updateComplete;
      expect(item().querySelector('[part="confirm-text"]')!.textContent).to.match(/^Ban .* from the room\?$/);
      expect(viewer.$connection.get().status).to.equal('open', 'nothing happens before the confirmation');
      await expect(el).to.be.accessible();
      // Escape closes the controls and gives focus back to the button that opened them.
      (el.shadowRoot!.activeElement as HTMLElement).focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(item().querySelector('[part="moderation"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('moderate-button');
      item().querySelector<HTMLButtonElement>('[part="moderate-button"]')!.click();
      await el.updateComplete;
      item().querySelector<HTMLButtonElement>('[part="ban-button"]')!.click();
      await el.updateComplete;
      item().querySelector<HTMLButtonElement>('[part="confirm-ban-button"]')!.click();
      await waitUntil(() => viewer.$connection.get().status !== 'open', 'the banned viewer is disconnected');
    });

    it('shows the pinned host message above the chat as text', async () => {
      const host = await connectedClient({ token: await token('host') });
      const viewer = await connectedClient();
      const el = await chat(viewer);
      const pin = `<b>今晚八点</b> ${Date.now()}`;
      await host.pinMessage(pin);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="pinned-message"]')?.textContent?.includes(pin) === true, 'pinned message shown');
      expect(el.shadowRoot!.querySelectorAll('b').length).to.equal(0);
      await host.unpinMessage();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="pinned-message"]') === null, 'unpinned');
    });
  });
});
