import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Product, Stock } from '@live-shop/protocol';
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

  it('gives the image its srcset and sizes when the product has responsive images', async () => {
    const el = await card(product({ images: [{ src: IMAGE, srcset: `${IMAGE} 400w, ${IMAGE}#2 800w`, sizes: '200px' }] }), 5);
    const image = part(el, 'image') as HTMLImageElement;
    expect(image.getAttribute('srcset')).to.equal(`${IMAGE} 400w, ${IMAGE}#2 800w`);
    expect(image.getAttribute('sizes')).to.equal('200px');
    expect(image.alt).to.equal('Wool coat');
  });

  it('shows the usual price struck through on sale, and says both prices to screen readers', async () => {
    const onSale = product({ variants: [{ id: 'coat-m', label: 'M', price: 99900, compareAtPrice: 129900 }] });
    const el = await card(onSale, 5);
    expect(part(el, 'sale-price').textContent).to.equal('CN¥999.00');
    const was = part(el, 'compare-at-price');
    expect(was.localName).to.equal('s');
    expect(was.textContent).to.equal('CN¥1,299.00');
    expect(part(el, 'price-line').querySelector('.visually-hidden')!.textContent).to.equal('Now CN¥999.00, Was CN¥1,299.00');
    // A compare-at price that is not above the price is no sale.
    const noSale = await card(product({ variants: [{ id: 'x', label: 'M', price: 500, compareAtPrice: 500 }] }), 5);
    expect(noSale.shadowRoot!.querySelector('[part~="compare-at-price"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a coupon badge from the attribute, and slotted badges instead when given', async () => {
    const el = await fixture<ProductCard>(html`<product-card lang="zh-CN" coupon="满199减30" .product=${product()} .stock=${5}></product-card>`);
    expect(part(el, 'coupon').textContent).to.equal('券 满199减30');
    const slotted = await fixture<ProductCard>(
      html`<product-card lang="en" coupon="x" .product=${product()} .stock=${5}><span slot="badge" id="mine">New</span></product-card>`,
    );
    const slot = slotted.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="badge"]')!;
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['mine']);
  });
});

const SWATCHED: Product = {
  id: 'lipstick',
  name: 'Velvet lipstick',
  description: 'Matte.',
  image: IMAGE,
  currency: 'CNY',
  variants: [
    { id: 'red', label: 'Red', price: 32000, swatch: '#c8102e' },
    { id: 'rose', label: 'Rose', price: 32000, swatch: '#d8737f' },
    { id: 'nude', label: 'Nude', price: 34000, compareAtPrice: 39000, swatch: '#b7846f' },
  ],
};

async function fullCard(p: Product, variantStock: Stock | null, lang = 'en'): Promise<ProductCard> {
  const el = await fixture<ProductCard>(html`<product-card layout="full" lang=${lang} .product=${p} .variantStock=${variantStock}></product-card>`);
  await el.updateComplete;
  return el;
}

function radios(el: ProductCard): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="swatches"] input[type="radio"]')];
}

describe('<product-card layout="full">', () => {
  it('shows the variants as a radio group with their colours, sold-out ones disabled and said so', async () => {
    const el = await fullCard(SWATCHED, { red: 0, rose: 4, nude: 20 });
    const group = part(el, 'swatches');
    expect(group.localName).to.equal('fieldset');
    expect(radios(el).map((r) => [r.value, r.disabled])).to.deep.equal([
      ['red', true],
      ['rose', false],
      ['nude', false],
    ]);
    // The first variant in stock is picked; its stock shows.
    expect(radios(el)[1]!.checked).to.equal(true);
    expect(el.selectedVariant?.id).to.equal('rose');
    expect(part(el, 'stock').textContent).to.equal('Only 4 left');
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="swatch-label"]')].map((e) => e.textContent);
    expect(labels).to.deep.equal(['Red (sold out)', 'Rose', 'Nude']);
    const dot = el.shadowRoot!.querySelector<HTMLElement>('[part~="swatch-selected"] [part="swatch-colour"]')!;
    expect(getComputedStyle(dot).backgroundColor).to.equal('rgb(216, 115, 127)');
    await expect(el).to.be.accessible();
  });

  it('moves the pick with the arrow keys and updates price and stock', async () => {
    const el = await fullCard(SWATCHED, { red: 0, rose: 4, nude: 20 });
    radios(el)[1]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.variant).to.equal('nude');
    expect(radios(el)[2]!.checked).to.equal(true);
    expect(part(el, 'sale-price').textContent).to.equal('CN¥340.00');
    expect(part(el, 'compare-at-price').textContent).to.equal('CN¥390.00');
    expect(part(el, 'stock').textContent).to.equal('20 in stock');
    // Arrow keys skip the sold-out variant: from Rose, going back wraps round to Nude.
    radios(el)[1]!.click();
    await el.updateComplete;
    radios(el)[1]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.variant).to.equal('nude');
  });

  it('turns sold out live: the stock line says so, the buttons disable and fire nothing', async () => {
    const el = await fullCard(SWATCHED, { red: 0, rose: 4, nude: 20 });
    expect((part(el, 'add-to-cart-button') as HTMLButtonElement).disabled).to.equal(false);
    const status = part(el, 'stock');
    el.variantStock = { red: 0, rose: 0, nude: 20 };
    el.variant = 'rose';
    await el.updateComplete;
    // The same live region, with new text: a screen reader announces the change.
    expect(part(el, 'stock')).to.equal(status);
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Sold out');
    const add = part(el, 'add-to-cart-button') as HTMLButtonElement;
    const buy = part(el, 'buy-button') as HTMLButtonElement;
    expect([add.disabled, buy.disabled]).to.deep.equal([true, true]);
    let fired = 0;
    el.addEventListener('live-shop-add-to-cart', () => fired++);
    add.click();
    expect(fired).to.equal(0);
    el.variantStock = { red: 0, rose: 0, nude: 0 };
    await el.updateComplete;
    expect(radios(el).every((r) => r.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fires live-shop-add-to-cart with the picked variant and quantity, out of shadow roots', async () => {
    const el = await fullCard(SWATCHED, { red: 5, rose: 4, nude: 20 }, 'zh-CN');
    el.variant = 'nude';
    el.quantity = 2;
    await el.updateComplete;
    const add = part(el, 'add-to-cart-button');
    expect(add.textContent!.trim()).to.equal('加入购物车');
    const heard = oneEvent(document, 'live-shop-add-to-cart');
    add.click();
    const event = await heard;
    expect(event.detail).to.deep.equal({ productId: 'lipstick', variantId: 'nude', quantity: 2, unitPrice: 34000, currency: 'CNY' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('sets swatch colours and the 360° zoom without style attributes a strict CSP would block', async () => {
    // The merchant's page forbids style attributes (style-src-attr 'none'); CSSOM writes stay allowed.
    const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "style-src-attr 'none'" });
    document.head.append(meta);
    const violations: string[] = [];
    const onViolation = (event: SecurityPolicyViolationEvent): void => void violations.push(event.violatedDirective);
    document.addEventListener('securitypolicyviolation', onViolation);
    try {
      const el = await fullCard({ ...SWATCHED, spin: [`${IMAGE}#a`, `${IMAGE}#b`] }, { red: 1, rose: 1, nude: 1 });
      el.showView('360');
      await el.updateComplete;
      const viewer = part(el, 'viewer-360') as HTMLElement & { updateComplete: Promise<boolean> };
      await viewer.updateComplete;
      const dot = el.shadowRoot!.querySelector<HTMLElement>('[part~="swatch-selected"] [part="swatch-colour"]')!;
      expect(getComputedStyle(dot).backgroundColor).to.equal('rgb(200, 16, 46)');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(violations).to.deep.equal([]);
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
  });

  it('switches between photo, 360° and 3D views only when the product has them', async () => {
    const plain = await fullCard(SWATCHED, null);
    expect(plain.shadowRoot!.querySelector('[part="views"]')).to.equal(null);
    plain.showView('360');
    await plain.updateComplete;
    expect(plain.view).to.equal('photo');

    const frames = ['a', 'b', 'c', 'd'].map((c) => `${IMAGE}#${c}`);
    const el = await fullCard({ ...SWATCHED, spin: frames }, { red: 1, rose: 1, nude: 1 });
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="view-button"]')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Photo', '360°']);
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('true');
    buttons[1]!.click();
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
    const viewer = part(el, 'viewer-360') as HTMLElement & { frames: readonly string[] };
    expect(viewer.localName).to.equal('live-shop-viewer-360');
    expect(viewer.frames).to.deep.equal(frames);
    expect(el.shadowRoot!.querySelector('[part="image"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // A new product goes back to its photo.
    el.product = { ...SWATCHED, id: 'other', spin: frames };
    await el.updateComplete;
    expect(el.view).to.equal('photo');
  });
});
