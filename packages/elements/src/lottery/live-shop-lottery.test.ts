import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, part, token } from '../test/helpers.js';
import { defineLiveShopLottery } from './define.js';
import type { LiveShopLottery } from './live-shop-lottery.js';

defineLiveShopLottery();

async function lottery(client: LiveShopClient, lang = 'en'): Promise<LiveShopLottery> {
  const el = await fixture<LiveShopLottery>(html`<live-shop-lottery lang=${lang} .client=${client} style="width: 320px"></live-shop-lottery>`);
  await el.updateComplete;
  return el;
}

/** A host whose room has no open lottery. */
async function host(): Promise<LiveShopClient> {
  const client = await connectedClient({ token: await token('host') });
  if (client.$lottery.get()?.status === 'open') await client.engagement.drawLottery();
  return client;
}

describe('<live-shop-lottery>', () => {
  afterEach(() => disposeClients());

  it('enters by button, then shows the draw, whether this viewer won, and that the draw verifies; passes axe', async () => {
    const h = await host();
    const viewer = await connectedClient();
    const started = await h.engagement.startLottery({ prize: 'A wool coat', winnersCount: 1, keyword: 'coat', durationMs: 120_000 });
    const el = await lottery(viewer);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="enter-button"]') !== null, 'no enter button', { timeout: 5000 });
    expect(part(el, 'prize').textContent).to.equal('Prize: A wool coat');
    expect(part(el, 'keyword').textContent).to.equal('Or comment “coat” to enter');
    expect(part(el, 'meta').textContent).to.match(/0 entered · 1 to win · Draw in (1:5\d|2:00)/);
    expect(part(el, 'commitment').getAttribute('title')).to.equal(started.commitment);
    await expect(el).to.be.accessible();

    const entered = oneEvent(el, 'live-shop-lottery-enter');
    part<HTMLButtonElement>(el, 'enter-button').click();
    const event = await entered;
    expect(event.detail.lotteryId).to.equal(started.id);
    expect(event.detail.entrantId).to.match(/^[A-Za-z0-9_-]{16}$/);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="result"]')?.textContent === 'You’re in. Good luck!', 'no entered state');
    expect(el.shadowRoot!.querySelector('[part="enter-button"]')).to.equal(null);

    // The only entrant of a one-winner draw wins, and the browser checks the draw itself.
    await h.engagement.drawLottery();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="result-won"]') !== null, 'no win shown', { timeout: 5000 });
    expect(part(el, 'result').textContent).to.equal('You won!');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="verification"]') !== null, 'no verification', { timeout: 5000 });
    expect(part(el, 'verification').textContent).to.equal('Draw verified: the seed matches its commitment and the winners recompute');
    await expect(el).to.be.accessible();
  });

  it('enters by a chat comment with the keyword, and tells a losing entrant in Chinese', async () => {
    const h = await host();
    const winner = await connectedClient();
    const loser = await connectedClient();
    await h.engagement.startLottery({ prize: '茶具', winnersCount: 1, keyword: '抽奖', durationMs: 120_000 });
    const el = await lottery(loser, 'zh-CN');
    await waitUntil(() => loser.$lottery.get()?.status === 'open', 'no lottery');
    await loser.sendChat('我要抽奖');
    await waitUntil(() => loser.$lottery.get()?.entrantId !== null, 'the comment did not enter', { timeout: 5000 });
    await el.updateComplete;
    expect(part(el, 'result').textContent).to.equal('已参与，等待开奖');
    await winner.engagement.enterLottery();
    // Draw until the two differ (1 winner of 2): whoever lost must see the Chinese "not this time".
    const drawn = await h.engagement.drawLottery();
    const loserId = loser.$lottery.get()!.entrantId!;
    await waitUntil(() => loser.$lottery.get()?.status === 'drawn', 'no draw', { timeout: 5000 });
    await el.updateComplete;
    expect(part(el, 'result').textContent).to.equal(drawn.winners!.includes(loserId) ? '恭喜你中奖了！' : '很遗憾，这次没有中奖');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="verification"]') !== null, 'no verification', { timeout: 5000 });
    expect(part(el, 'verification').textContent).to.equal('开奖结果已验证：种子与承诺一致，中奖名单可复算');
  });

  it('shows no enter button to the host', async () => {
    const h = await host();
    await h.engagement.startLottery({ prize: 'Scarf', winnersCount: 1, durationMs: 60_000 });
    const el = await lottery(h);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="prize"]') !== null, 'no lottery shown', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="enter-button"]')).to.equal(null);
    await h.engagement.drawLottery();
  });
});
