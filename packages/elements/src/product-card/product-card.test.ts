import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Product } from '@live-shop/protocol';
import { defineProductCard } from './define.js';
import type { ProductCard } from './product-card.js';

defineProductCard();

const HOSTILE = '<img src=x onerror=alert(1)>';
const IMAGE = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'coat',
    name: 'Wool coat',
    description: 'Warm and light.',
    image: IMAGE,
    currency: 'CNY',
    variants: [
      { id: 'coat-m', label: 'M', price: 129900 },
      { id: 'coat-l', label: 'L', price: 129900 },
    ],
    ...overrides,
  };
}

async function card(p: Product, stock: number | null, lang = 'en'): Promise<ProductCard> {
  const el = await fixture<ProductCard>(html`<product-card lang=${lang} .product=${p} .stock=${stock}></product-card>`);
  await el.updateComplete;
  return el;
}

function part(el: ProductCard, name: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

describe('<product-card>', () => {
  it('renders a hostile name and description as inert text', async () => {
    const el = await card(product({ name: HOSTILE, description: HOSTILE }), 5);
    const root = el.shadowRoot!;
    // Only the product image itself is an <img>, and it does not come from the text.
    const images = root.querySelectorAll('img');
    expect(images.length).to.equal(1);
    expect(images[0]!.getAttribute('src')).to.equal(IMAGE);
    expect(images[0]!.alt).to.equal(HOSTILE);
    expect(part(el, 'name').textContent).to.equal(HOSTILE);
    expect(part(el, 'description').textContent).to.equal(HOSTILE);
    expect(part(el, 'name').children.length).to.equal(0);
  });

  it('formats the price in zh-CN and en, saying "from" when variants differ', async () => {
    const same = product();
    expect(part(await card(same, 50, 'zh-CN'), 'price').textContent).to.equal('¥1,299.00');
    expect(part(await card(same, 50, 'en'), 'price').textContent).to.equal('CN¥1,299.00');

    const varied = product({
      variants: [
        { id: 'a', label: 'S', price: 19900 },
        { id: 'b', label: 'XL', price: 9900 },
      ],
    });
    expect(part(await card(varied, 50, 'zh-CN'), 'price').textContent).to.equal('¥99.00 起');
    expect(part(await card(varied, 50, 'en'), 'price').textContent).to.equal('From CN¥99.00');
  });

  it('follows the lang of an ancestor when it has none of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-CN"><product-card .product=${product()} .stock=${3}></product-card></div>`,
    );
    const el = wrapper.querySelector('product-card')!;
    await el.updateComplete;
    expect(part(el, 'stock').textContent).to.equal('仅剩 3 件');
    expect(part(el, 'buy-button').textContent!.trim()).to.equal('立即购买');
  });

  it('says how few are left in English', async () => {
    const el = await card(product(), 3);
    expect(part(el, 'stock').textContent).to.equal('Only 3 left');
  });

  it('disables the buy button when sold out and fires nothing on click', async () => {
    const el = await card(product(), 0, 'zh-CN');
    const button = part(el, 'buy-button') as HTMLButtonElement;
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('已售罄');
    expect(part(el, 'stock').textContent).to.equal('已售罄');
    let fired = 0;
    el.addEventListener('live-shop-product-buy', () => fired++);
    button.click();
    expect(fired).to.equal(0);
  });

  it('fires live-shop-product-buy with the product id, bubbling out of shadow roots', async () => {
    const el = await card(product(), 12);
    const heard = oneEvent(document, 'live-shop-product-buy');
    part(el, 'buy-button').click();
    const event = (await heard) as CustomEvent<{ productId: string }>;
    expect(event.detail).to.deep.equal({ productId: 'coat' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('passes an axe accessibility audit, sold out or not', async () => {
    await expect(await card(product(), 3)).to.be.accessible();
    await expect(await card(product(), 0)).to.be.accessible();
  });

  it('focus() lands on the buy button', async () => {
    const el = await card(product(), 12);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'buy-button'));
  });
});
