import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { connectedClient, disposeClients, part, token } from '../test/helpers.js';
import { defineLiveShopCountdown } from './define.js';
import type { LiveShopCountdown } from './live-shop-countdown.js';
import { formatRemaining } from './time.js';

defineLiveShopCountdown();

describe('<live-shop-countdown>', () => {
  afterEach(() => disposeClients());

  it('formats time left as m:ss, rounding up, and h:mm:ss past an hour', () => {
    expect(formatRemaining(0)).to.equal('0:00');
    expect(formatRemaining(1)).to.equal('0:01');
    expect(formatRemaining(59_001)).to.equal('1:00');
    expect(formatRemaining(3_600_000 + 61_000)).to.equal('1:01:01');
  });

  it('follows the host’s countdown from a client and reaches zero at the server instant; passes axe', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const el = await fixture<LiveShopCountdown>(html`<live-shop-countdown lang="en" .client=${viewer}></live-shop-countdown>`);
    const countdown = await host.engagement.startCountdown({ label: 'Flash sale', durationMs: 2500 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="time"]') !== null, 'the countdown did not show', { timeout: 5000 });
    expect(part(el, 'label').textContent).to.equal('Flash sale');
    expect(part(el, 'countdown').getAttribute('role')).to.equal('timer');
    expect(part(el, 'time').textContent).to.match(/^0:0[123]$/);
    await expect(el).to.be.accessible();
    const ended = await oneEvent(el, 'live-shop-countdown-end');
    // Fired when the server clock (as this client estimates it) reaches endsAt: not before, and promptly.
    const late = viewer.serverNow() - countdown.endsAt;
    expect(late).to.be.within(0, 400);
    expect(ended.detail).to.deep.equal({ countdownId: countdown.id, target: countdown.endsAt });
    expect(part(el, 'time').textContent).to.equal('Now!');
    await host.engagement.cancelCountdown();
  });

  it('counts to any server-clock target with a given serverNow (a flash sale), whatever the local clock says', async () => {
    // A server clock one hour ahead of this machine: a countdown on the local clock would show 60 minutes.
    const serverNow = () => Date.now() + 3_600_000;
    const target = serverNow() + 1500;
    const el = await fixture<LiveShopCountdown>(
      html`<live-shop-countdown lang="zh-CN" label="秒杀开始" .target=${target} .serverNow=${serverNow}></live-shop-countdown>`,
    );
    expect(part(el, 'time').textContent).to.equal('0:02');
    expect(part(el, 'countdown').getAttribute('aria-label')).to.equal('秒杀开始');
    const started = Date.now();
    await oneEvent(el, 'live-shop-countdown-end');
    expect(Date.now() - started).to.be.within(1000, 2000);
    expect(part(el, 'time').textContent).to.equal('开始啦！');
  });

  it('shows nothing without a target, and does not announce an end it never showed running', async () => {
    let fired = 0;
    const el = await fixture<LiveShopCountdown>(html`<live-shop-countdown @live-shop-countdown-end=${() => fired++}></live-shop-countdown>`);
    expect(el.shadowRoot!.querySelector('[part="countdown"]')).to.equal(null);
    el.target = Date.now() - 1000;
    await el.updateComplete;
    expect(part(el, 'countdown').classList.contains('ended')).to.equal(true);
    expect(fired).to.equal(0);
  });
});
