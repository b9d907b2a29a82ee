import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, part, token } from '../test/helpers.js';
import { defineLiveShopPoll } from './define.js';
import type { LiveShopPoll } from './live-shop-poll.js';

defineLiveShopPoll();

async function poll(client: LiveShopClient, lang = 'en'): Promise<LiveShopPoll> {
  const el = await fixture<LiveShopPoll>(html`<live-shop-poll lang=${lang} .client=${client} style="width: 320px"></live-shop-poll>`);
  await el.updateComplete;
  return el;
}

const options = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="option"]')];

describe('<live-shop-poll>', () => {
  afterEach(() => disposeClients());

  it('shows the open poll, votes from the keyboard once, then shows live results and the own vote; passes axe', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const opened = await host.engagement.openPoll({ question: 'Which coat colour?', options: ['Black', 'White', 'Red'] });
    const el = await poll(viewer);
    await waitUntil(() => viewer.$poll.get()?.id === opened.id, 'the poll did not arrive', { timeout: 5000 });
    await el.updateComplete;
    expect(part(el, 'question').textContent).to.include('Which coat colour?');
    expect(options(el).map((b) => b.textContent?.trim())).to.deep.equal(['Black', 'White', 'Red']);
    expect(el.shadowRoot!.querySelector('[part="option-percent"]'), 'no results before voting').to.equal(null);
    await expect(el).to.be.accessible();

    const voted = oneEvent(el, 'live-shop-poll-vote');
    options(el)[1]!.focus();
    await sendKeys({ press: 'Enter' });
    const event = await voted;
    expect(event.detail).to.deep.equal({ pollId: opened.id, option: 1 });
    await el.updateComplete;
    expect(options(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(options(el)[1]!.getAttribute('part')).to.equal('option option-voted');
    expect(options(el).every((b) => b.disabled), 'one vote per viewer').to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')?.textContent?.includes('1 votes'), 'the results did not come', { timeout: 5000 });
    expect(el.shadowRoot!.querySelectorAll('[part="option-percent"]').length).to.equal(3);
    expect(part(el, 'status').textContent).to.include('Your vote: White');
    await expect(el).to.be.accessible();

    await host.engagement.closePoll();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')?.textContent?.includes('Poll closed'), 'the close did not show', { timeout: 5000 });
  });

  it('a viewer joining mid-poll sees it from the snapshot at once, in Chinese, with a time left', async () => {
    const host = await connectedClient({ token: await token('host') });
    await host.engagement.openPoll({ question: '尺码？', options: ['S', 'M'], durationMs: 120_000 });
    const late = await connectedClient();
    // Straight from the welcome, no event needed.
    expect(late.$poll.get()?.question).to.equal('尺码？');
    const el = await poll(late, 'zh-CN');
    expect(part(el, 'question').textContent).to.include('尺码？');
    expect(part(el, 'status').textContent).to.match(/0 票 · 1:5\d 后结束|0 票 · 2:00 后结束/);
    await host.engagement.closePoll();
  });
});
