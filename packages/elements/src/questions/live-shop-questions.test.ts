import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, part, token, type } from '../test/helpers.js';
import { defineLiveShopChat } from '../chat/define.js';
import type { LiveShopChat } from '../chat/live-shop-chat.js';
import { defineLiveShopQuestions } from './define.js';
import type { LiveShopQuestions } from './live-shop-questions.js';

defineLiveShopQuestions();
defineLiveShopChat();

async function questions(client: LiveShopClient, lang = 'en'): Promise<LiveShopQuestions> {
  const el = await fixture<LiveShopQuestions>(html`<live-shop-questions lang=${lang} .client=${client}></live-shop-questions>`);
  await el.updateComplete;
  return el;
}

function item(el: LiveShopQuestions, text: string): HTMLElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="question"]')].find((li) => li.querySelector('[part="question-text"]')?.textContent === text);
}

describe('<live-shop-questions>', () => {
  afterEach(() => disposeClients());

  it('lets a viewer ask (as inert text) and the host answer and pin; the chat shows the pinned question', async () => {
    const viewer = await connectedClient({ name: 'Asker' });
    const host = await connectedClient({ token: await token('host') });
    const asking = await questions(viewer);
    const hosting = await questions(host);
    const chat = await fixture<LiveShopChat>(html`<live-shop-chat lang="en" .client=${viewer}></live-shop-chat>`);
    const text = `<img src=x onerror="window.__xss=4"> M 码还有吗 ${Date.now()}`;
    type(part<HTMLInputElement>(asking, 'input'), text);
    const asked = new Promise<CustomEvent>((resolve) => asking.addEventListener('live-shop-question-ask', resolve, { once: true }));
    part<HTMLButtonElement>(asking, 'ask-button').click();
    expect((await asked).detail).to.deep.equal({ text });
    await waitUntil(() => item(hosting, text) !== undefined, 'the host sees the question');
    // The field empties on the asker's ack, which may come after the host's socket got the question.
    await waitUntil(() => part<HTMLInputElement>(asking, 'input').value === '', 'the field was not cleared after the ack');
    expect(asking.shadowRoot!.querySelectorAll('img').length + hosting.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(item(asking, text)!.querySelector('[part="actions"]')).to.equal(null, 'viewers get no host buttons');

    item(hosting, text)!.querySelector<HTMLButtonElement>('[part="pin-button"]')!.click();
    await waitUntil(() => item(asking, text)?.getAttribute('part')?.includes('pinned-question') === true, 'pinned for the viewer');
    await waitUntil(() => chat.shadowRoot!.querySelector('[part="pinned-question"]')?.textContent?.includes(text) === true, 'the chat shows it');
    item(hosting, text)!.querySelector<HTMLButtonElement>('[part="answer-button"]')!.click();
    await waitUntil(() => item(asking, text)?.querySelector('[part="answered-badge"]') !== null, 'answered for the viewer');
    await expect(hosting).to.be.accessible();
    item(hosting, text)!.querySelector<HTMLButtonElement>('[part="unpin-button"]')!.click();
    await waitUntil(() => chat.shadowRoot!.querySelector('[part="pinned-question"]') === null, 'unpinned');
  });

  it('shows why a question was refused and keeps the text', async () => {
    const viewer = await connectedClient();
    const el = await questions(viewer, 'zh-CN');
    type(part<HTMLInputElement>(el, 'input'), '傻 逼主播');
    part<HTMLButtonElement>(el, 'ask-button').click();
    await waitUntil(() => part(el, 'error').textContent !== '', 'an error shows');
    expect(part(el, 'error').textContent).to.match(/^提问失败：/);
    expect(part<HTMLInputElement>(el, 'input').value).to.equal('傻 逼主播');
    await expect(el).to.be.accessible();
  });
});
