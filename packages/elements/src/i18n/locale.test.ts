import { expect, fixture, html } from '@open-wc/testing';
import { formatMoney } from '@live-shop/protocol';
import { messagesFor, money, resolveLanguage } from './locale.js';
import { en, zhCN } from './messages.js';

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
  });
});
