import { expect, fixture, html } from '@open-wc/testing';
import { formatMoney } from '@live-shop/protocol';
import { featureMessagesOf, messagesFor, money, resolveLanguage, type Tables } from './locale.js';
import { en, zhCN } from './messages.js';
import { orderErrorsEn, orderErrorsZhCN } from './order-errors.js';
import * as checkout from '../quick-checkout/messages.js';
import * as countdown from '../countdown/messages.js';
import * as flashSale from '../flash-sale/messages.js';
import * as lottery from '../lottery/messages.js';
import * as model3d from '../model-3d/messages.js';
import * as poll from '../poll/messages.js';
import * as questions from '../questions/messages.js';
import * as redEnvelope from '../red-envelope/messages.js';
import * as shelf from '../shelf/messages.js';
import * as viewer360 from '../viewer-360/messages.js';

/** Every lazily loaded element's own table (its messages module), by folder. */
const features: Record<string, Tables<object>> = {
  checkout,
  countdown,
  flashSale,
  lottery,
  model3d,
  poll,
  questions,
  redEnvelope,
  shelf,
  viewer360,
  orderErrors: { en: orderErrorsEn, zhCN: orderErrorsZhCN },
};

describe('i18n', () => {
  it("takes the element's own lang first, then the closest [lang], across shadow roots", async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><section><span></span></section></div>`);
    const span = outer.querySelector('span')!;
    expect(resolveLanguage(span)).to.equal('zh-CN');
    span.lang = 'en-GB';
    expect(resolveLanguage(span)).to.equal('en-GB');

    const host = outer.querySelector('section')!;
    const inner = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLanguage(inner)).to.equal('zh-CN');
  });

  it("falls back to the browser's language", async () => {
    const lone = await fixture<HTMLDivElement>(html`<div></div>`);
    // The test page sets no lang on <html>.
    expect(resolveLanguage(lone)).to.equal(navigator.language);
  });

  it('speaks Chinese for any zh tag and English otherwise', () => {
    expect(messagesFor('zh-CN')).to.equal(zhCN);
    expect(messagesFor('zh-Hant-TW')).to.equal(zhCN);
    expect(messagesFor('en-US')).to.equal(en);
    expect(messagesFor('fr')).to.equal(en);
  });

  it("formats money through the protocol's formatMoney in the table's locale", () => {
    expect(money(zhCN, 129900, 'CNY')).to.equal(formatMoney(129900, 'CNY', 'zh-CN'));
    expect(money(zhCN, 129900, 'CNY')).to.equal('¥1,299.00');
    expect(money(en, 129900, 'CNY')).to.equal('CN¥1,299.00');
    expect(money(en, 1999, 'USD')).to.equal('$19.99');
  });

  it('has the same sentences in both languages', () => {
    expect(Object.keys(zhCN).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [name, tables] of Object.entries(features)) {
      expect(Object.keys(tables.zhCN).sort(), name).to.deep.equal(Object.keys(tables.en).sort());
    }
  });

  it('gives no feature a sentence the shared table has (one sentence, one place)', () => {
    // A feature's table wins when joined: a key in both would silently shadow the shared sentence.
    for (const [name, tables] of Object.entries(features)) {
      expect(Object.keys(tables.en).filter((key) => key in en), name).to.deep.equal([]);
    }
  });

  it("joins a feature's table with the shared one, in the element's language, once per language", async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><span></span></div>`);
    const span = outer.querySelector('span')!;
    const t = featureMessagesOf(span, checkout);
    expect(t.checkoutTitle).to.equal(checkout.zhCN.checkoutTitle);
    expect(t.close).to.equal(zhCN.close);
    expect(t.soldOutError).to.equal(orderErrorsZhCN.soldOutError);
    expect(t.locale).to.equal('zh-CN');
    expect(featureMessagesOf(span, checkout)).to.equal(t, 'built once, not at every render');
    const english = featureMessagesOf(span, checkout, 'en-GB');
    expect(english.checkoutTitle).to.equal(checkout.en.checkoutTitle);
    expect(english.close).to.equal(en.close);
    expect(featureMessagesOf(span, shelf).shelfTitle).to.equal(shelf.zhCN.shelfTitle);
  });
});
