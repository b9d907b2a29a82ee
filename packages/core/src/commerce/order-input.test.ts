import { expect } from '@open-wc/testing';
import { LiveShopError } from '../errors.js';
import { toOrderRequest, type OrderInput } from './order-input.js';

const good: OrderInput = {
  variantId: 'v1',
  quantity: 2,
  customer: { name: ' 李雷 ', phone: '+86 138 0000 0000', address: '上海市 徐汇区 1 号' },
};

async function rejection(input: OrderInput): Promise<LiveShopError> {
  try {
    await toOrderRequest(input);
  } catch (error) {
    if (error instanceof LiveShopError) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('order input', () => {
  it('accepts a good order, trims text and adds an idempotency key', async () => {
    const request = await toOrderRequest(good);
    expect(request.customer.name).to.equal('李雷');
    expect(request.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('keeps the idempotency key it was given', async () => {
    expect((await toOrderRequest({ ...good, idempotencyKey: 'key-12345678' })).idempotencyKey).to.equal('key-12345678');
  });

  it('rejects quantities 0, 10^9 and 1.5 naming the field', async () => {
    for (const quantity of [0, 1e9, 1.5]) {
      const error = await rejection({ ...good, quantity });
      expect(error.code).to.equal('invalid');
      expect(error.message).to.match(/^quantity: /);
    }
  });

  it('rejects an empty or missing address naming the field', async () => {
    expect((await rejection({ ...good, customer: { ...good.customer, address: '   ' } })).message).to.equal(
      'customer.address: address is required',
    );
    const { address: _omitted, ...noAddress } = good.customer;
    const error = await rejection({ ...good, customer: noAddress as OrderInput['customer'] });
    expect(error.code).to.equal('invalid');
    expect(error.message).to.match(/^customer\.address: /);
  });

  it('rejects a malformed idempotency key', async () => {
    expect((await rejection({ ...good, idempotencyKey: 'short' })).message).to.match(/^idempotencyKey: /);
  });
});
