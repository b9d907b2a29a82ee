import { expect } from '@open-wc/testing';
import type { Product } from '@live-shop/protocol';
import { fieldNamedIn, maxQuantity, pickVariant } from './fields.js';

const product: Product = {
  id: 'tee',
  name: 'Tee',
  description: '',
  image: '',
  currency: 'CNY',
  variants: [
    { id: 's', label: 'S', price: 100 },
    { id: 'm', label: 'M', price: 100 },
    { id: 'l', label: 'L', price: 120 },
  ],
};

describe('checkout fields', () => {
  it('never preselects a sold-out variant', () => {
    expect(pickVariant(product, { s: 0, m: 4, l: 9 }, null)?.id).to.equal('m');
    expect(pickVariant(product, { s: 0, m: 4, l: 9 }, 's')?.id).to.equal('m');
    expect(pickVariant(product, { s: 0, m: 4, l: 9 }, 'l')?.id).to.equal('l');
    expect(pickVariant(product, { s: 0, m: 0, l: 0 }, null)).to.equal(null);
    // Stock not known yet: the first variant, the server decides.
    expect(pickVariant(product, {}, null)?.id).to.equal('s');
  });

  it('caps the quantity at the stock and at 99', () => {
    expect(maxQuantity({ s: 3 }, 's')).to.equal(3);
    expect(maxQuantity({ s: 500 }, 's')).to.equal(99);
    expect(maxQuantity({}, 's')).to.equal(99);
    expect(maxQuantity({ s: 0 }, 's')).to.equal(1);
  });

  it('finds the field a validation message is about', () => {
    expect(fieldNamedIn('customer.address: address is required')).to.equal('address');
    expect(fieldNamedIn('customer.phone: phone must be 6-20 digits, optionally starting with +')).to.equal('phone');
    expect(fieldNamedIn('customer.name: name is required')).to.equal('name');
    expect(fieldNamedIn('quantity: quantity must be at least 1')).to.equal(null);
  });
});
