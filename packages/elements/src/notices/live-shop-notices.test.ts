import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, token } from '../test/helpers.js';
import { en, zhCN } from '../i18n/messages.js';
import { defineLiveShopNotices } from './define.js';
import type { LiveShopNotices } from './live-shop-notices.js';

defineLiveShopNotices();

async function notices(client: LiveShopClient, lang = 'en', duration = 4000): Promise<LiveShopNotices> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="background: #000; padding: 8px"><live-shop-notices lang=${lang} .duration=${duration} .client=${client}></live-shop-notices></div>`,
  );
  const el = wrapper.querySelector('live-shop-notices')!;
  await el.updateComplete;
  return el;
}

const shown = (el: LiveShopNotices) => el.shadowRoot!.querySelector<HTMLElement>('[part~="notice"]');

describe('<live-shop-notices>', () => {
  afterEach(() => disposeClients());

  it('shows a join notice briefly in a polite live region, as text', async () => {
    // A host watches (hosts are not announced), so the only join is the viewer's below.
    const host = await connectedClient({ token: await token('host') });
    const el = await notices(host, 'en', 600);
    const region = el.shadowRoot!.querySelector('[part="region"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('role')).to.equal('status');
    const name = `<img src=x onerror="window.__xss=3">${Date.now() % 10_000}`;
    await connectedClient({ name });
    await waitUntil(() => shown(el)?.textContent?.includes(name) === true, 'the join notice shows', { timeout: 5000 });
    expect(shown(el)!.getAttribute('part')).to.equal('notice join-notice');
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
    await waitUntil(() => shown(el) === null, 'it goes away after its duration', { timeout: 3000 });
  });

  it('does not replay notices that came before it was connected', async () => {
    const host = await connectedClient({ token: await token('host') });
    await connectedClient({ name: `early-${Date.now() % 10_000}` });
    await waitUntil(() => host.$notices.get().length > 0, 'a notice reached the client', { timeout: 5000 });
    const el = await notices(host);
    expect(shown(el)).to.equal(null);
  });

  it('words join and purchase notices in both languages', () => {
    expect(en.joinNotice(['A'], 0)).to.equal('A joined');
    expect(en.joinNotice(['A', 'B'], 0)).to.equal('A and B joined');
    expect(en.joinNotice(['A', 'B'], 23)).to.equal('A, B and 23 others joined');
    expect(zhCN.joinNotice(['甲', '乙'], 23)).to.equal('甲、乙 等 25 人 来了');
    expect(en.purchaseNotice('张**', 'Coat', 2, 0)).to.equal('张** just bought 2 × Coat');
    expect(zhCN.purchaseNotice('张**', '大衣', 1, 3)).to.equal('张** 刚刚购买了 大衣，还有 3 人也下单了');
  });
});
