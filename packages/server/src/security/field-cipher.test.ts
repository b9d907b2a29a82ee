import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FieldCipher, generateDataKey, parseDataKeys } from './field-cipher.js';
import { LiveShopServerError } from '../errors.js';

const address = '上海市 黄浦区 南京东路 1 号 · Flat 3';
const context = 'orders.customer_address:ord_1';

describe('FieldCipher', () => {
  it('round-trips text, and the ciphertext reveals nothing of it', () => {
    const cipher = new FieldCipher([generateDataKey('k1')]);
    const sealed = cipher.encrypt(address, context);
    assert.match(sealed, /^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(!sealed.includes('南京') && !Buffer.from(sealed).includes(Buffer.from('Flat')));
    assert.equal(cipher.decrypt(sealed, context), address);
    assert.notEqual(cipher.encrypt(address, context), sealed, 'a fresh IV every time');
  });

  it('refuses a value moved to another row or column', () => {
    const cipher = new FieldCipher([generateDataKey('k1')]);
    const sealed = cipher.encrypt(address, context);
    assert.throws(() => cipher.decrypt(sealed, 'orders.customer_address:ord_2'), LiveShopServerError);
    assert.throws(() => cipher.decrypt(sealed, 'orders.customer_name:ord_1'), LiveShopServerError);
  });

  it('refuses any tampered byte', () => {
    const cipher = new FieldCipher([generateDataKey('k1')]);
    const sealed = cipher.encrypt(address, context);
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString('base64url');
      assert.throws(() => cipher.decrypt(tampered.join('.'), context), /failed authentication/);
    }
    assert.throws(() => cipher.decrypt('plain text', context), /v1 format/);
  });

  it('rotates keys: new values use the newest key, old values stay readable until their key is dropped', () => {
    const oldKey = generateDataKey('2025');
    const newKey = generateDataKey('2026');
    const before = new FieldCipher([oldKey]).encrypt(address, context);
    const rotated = new FieldCipher([newKey, oldKey]);
    assert.equal(rotated.decrypt(before, context), address);
    assert.equal(rotated.needsRotation(before), true);
    const after = rotated.encrypt(address, context);
    assert.equal(rotated.needsRotation(after), false);
    assert.throws(() => new FieldCipher([newKey]).decrypt(before, context), /no data key "2025"/);
  });

  it('checks the key ring it is given', () => {
    assert.throws(() => new FieldCipher([]), /empty/);
    assert.throws(() => new FieldCipher([{ id: 'k1', key: new Uint8Array(16) }]), /32 bytes/);
    assert.throws(() => new FieldCipher([generateDataKey('bad id')]), /must match/);
    assert.throws(() => new FieldCipher([generateDataKey('k'), generateDataKey('k')]), /twice/);
  });

  it('parses a key ring from configuration text, newest first', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('base64');
    const keys = parseDataKeys(` new:${b} , old:${a}`);
    assert.deepEqual(keys.map((key) => key.id), ['new', 'old']);
    assert.equal(new FieldCipher(keys).currentKeyId, 'new');
    assert.throws(() => parseDataKeys('nocolon'), /id:base64key/);
  });
});
