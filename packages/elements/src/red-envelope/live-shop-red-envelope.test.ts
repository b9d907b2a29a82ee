import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LiveShopClient } from '@live-shop/core';
import { connectedClient, disposeClients, part, token } from '../test/helpers.js';
import { defineLiveShopRedEnvelope } from './define.js';
import type { LiveShopRedEnvelope } from './live-shop-red-envelope.js';

defineLiveShopRedEnvelope();

async function rainElement(client: LiveShopClient, lang = 'en'): Promise<LiveShopRedEnvelope> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="position: relative; width: 400px; height: 480px; background: #222"><live-shop-red-envelope lang=${lang} .client=${client} style="position: absolute; inset: 0"></live-shop-red-envelope></div>`,
  );
  return wrapper.querySelector('live-shop-red-envelope')!;
}

const envelopes = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="envelope"]')];

describe('<live-shop-red-envelope>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    disposeClients();
  });

  it('rains tappable envelopes; a tap grabs one coupon and shows its value; passes axe', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const el = await rainElement(viewer);
    const rain = await host.engagement.startRedEnvelopeRain({ amount: 888, currency: 'CNY', quota: 20, durationMs: 30_000 });
    await waitUntil(() => viewer.$redEnvelope.get()?.id === rain.id, 'the rain did not arrive', { timeout: 5000 });
    await el.updateComplete;
    expect(envelopes(el).length).to.equal(8);
    expect(envelopes(el).every((b) => b.tabIndex === -1), 'falling envelopes stay out of the tab order').to.equal(true);
    expect(part(el, 'remaining').textContent).to.equal('20 left');
    await expect(el).to.be.accessible();

    const grabbed = oneEvent(el, 'live-shop-red-envelope-grab');
    envelopes(el)[3]!.click();
    const event = await grabbed;
    expect(event.detail.rainId).to.equal(rain.id);
    expect(event.detail.error).to.equal(null);
    expect(event.detail.coupon?.discount).to.deep.equal({ kind: 'amount', amount: 888, currency: 'CNY' });
    await el.updateComplete;
    expect(part(el, 'result').textContent).to.match(/^You got a .*8\.88 coupon$/);
    expect(envelopes(el).length, 'the rain stops for this viewer').to.equal(0);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('close-button');
    expect(viewer.$coupons.get().some((c) => c.id === event.detail.coupon?.id)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('on a quota of one, of two viewers grabbing at once one gets the coupon and the other is told they are gone', async () => {
    const host = await connectedClient({ token: await token('host') });
    const a = await connectedClient();
    const b = await connectedClient();
    const elA = await rainElement(a);
    const elB = await rainElement(b);
    const rain = await host.engagement.startRedEnvelopeRain({ amount: 100, currency: 'CNY', quota: 1, durationMs: 30_000 });
    await waitUntil(() => a.$redEnvelope.get()?.id === rain.id && b.$redEnvelope.get()?.id === rain.id, 'no rain', { timeout: 5000 });
    await Promise.all([elA.updateComplete, elB.updateComplete]);
    const events = [oneEvent(elA, 'live-shop-red-envelope-grab'), oneEvent(elB, 'live-shop-red-envelope-grab')];
    part<HTMLButtonElement>(elA, 'grab-button').click();
    part<HTMLButtonElement>(elB, 'grab-button').click();
    const details = (await Promise.all(events)).map((e) => e.detail);
    expect(details.filter((d) => d.coupon !== null).length).to.equal(1);
    expect(details.filter((d) => d.error === 'exhausted').length).to.equal(1);
    const loser = details[0]!.coupon ? elB : elA;
    await loser.updateComplete;
    expect(part(loser, 'result').textContent).to.equal('All envelopes are gone');
  });

  it('with reduced motion nothing falls and one keyboard button grabs (in Chinese)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const el = await rainElement(viewer, 'zh-CN');
    const rain = await host.engagement.startRedEnvelopeRain({ amount: 500, currency: 'CNY', quota: 5, durationMs: 30_000 });
    await waitUntil(() => viewer.$redEnvelope.get()?.id === rain.id, 'the rain did not arrive', { timeout: 5000 });
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'rain')).display).to.equal('none');
    const button = part<HTMLButtonElement>(el, 'grab-button');
    expect(button.textContent).to.equal('抢红包');
    button.focus();
    const grabbed = oneEvent(el, 'live-shop-red-envelope-grab');
    await sendKeys({ press: 'Enter' });
    expect((await grabbed).detail.coupon).to.not.equal(null);
    await el.updateComplete;
    expect(part(el, 'result').textContent).to.match(/^抢到 .*5\.00 优惠券$/);
  });
});
