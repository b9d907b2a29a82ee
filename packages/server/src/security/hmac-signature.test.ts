import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureError, signBody, verifyBody } from './hmac-signature.js';

const secret = 'whsec_test_0123456789abcdef';
const body = JSON.stringify({ event: 'payment.succeeded', id: 'evt_1', orderId: 'ord_1', amount: 129900 });
const now = 1_790_000_000;

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SignatureError, String(error));
    assert.equal(error.code, 'forbidden');
    return error.reason;
  }
  assert.fail('expected the signature to be refused');
}

describe('HMAC-SHA256 body signatures', () => {
  it('accepts the body it signed, within the tolerance', () => {
    const header = signBody(secret, body, now);
    assert.equal(verifyBody(secret, body, header, { nowSeconds: now }), now);
    assert.equal(verifyBody(secret, body, header, { nowSeconds: now + 299 }), now);
    assert.equal(verifyBody(secret, body, header, { nowSeconds: now - 299 }), now);
  });

  it('refuses a mutated body, a wrong secret and a forged timestamp', () => {
    const header = signBody(secret, body, now);
    assert.equal(failure(() => verifyBody(secret, body.replace('129900', '1'), header, { nowSeconds: now })), 'mismatch');
    assert.equal(failure(() => verifyBody('another-secret', body, header, { nowSeconds: now })), 'mismatch');
    const moved = header.replace(`t=${now}`, `t=${now + 10}`);
    assert.equal(failure(() => verifyBody(secret, body, moved, { nowSeconds: now })), 'mismatch');
  });

  it('refuses stale and future timestamps', () => {
    assert.equal(failure(() => verifyBody(secret, body, signBody(secret, body, now - 301), { nowSeconds: now })), 'stale');
    assert.equal(failure(() => verifyBody(secret, body, signBody(secret, body, now + 301), { nowSeconds: now })), 'future');
    assert.equal(
      failure(() => verifyBody(secret, body, signBody(secret, body, now - 20), { nowSeconds: now, toleranceSeconds: 10 })),
      'stale',
    );
  });

  it('refuses malformed headers without throwing anything but a SignatureError', () => {
    for (const header of [undefined, '', 'v1=abc', `t=${now}`, `t=soon,v1=${'0'.repeat(64)}`, 'x'.repeat(2000), `t=${now},v1=${'z'.repeat(64)}`]) {
      assert.equal(failure(() => verifyBody(secret, body, header, { nowSeconds: now })), 'malformed', String(header));
    }
  });

  it('accepts any of several v1 signatures, so the secret can rotate', () => {
    const current = signBody(secret, body, now);
    const old = signBody('old-secret-0123456789', body, now).split(',')[1];
    assert.equal(verifyBody(secret, body, `${current},${old}`, { nowSeconds: now }), now);
    assert.equal(verifyBody('old-secret-0123456789', body, `${current},${old}`, { nowSeconds: now }), now);
  });
});
