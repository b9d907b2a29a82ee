import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { LiveShopServerError } from '../errors.js';

/** One data key: a 32-byte AES-256 key and the id stored beside every value it encrypted. */
export interface DataKey {
  /** Short id, `[A-Za-z0-9_-]{1,16}`, written into each ciphertext so old values stay readable after rotation. */
  id: string;
  /** 32 random bytes. */
  key: Uint8Array;
}

const VERSION = 'v1';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts personal data (names, phone numbers, addresses) field by field with AES-256-GCM.
 *
 * Each value is bound to where it lives by the additional authenticated data (`context`, e.g.
 * `orders.customer_phone:ord_123`), so a ciphertext copied into another row or column fails to decrypt
 * instead of showing one customer's address on another's order. The first key encrypts; every key in
 * the ring decrypts, which is how keys rotate: add a new first key, re-encrypt at leisure, drop the old.
 *
 * Format: `v1.<key id>.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
export class FieldCipher {
  readonly #current: DataKey;
  readonly #keys: ReadonlyMap<string, Uint8Array>;

  /** @param keys the key ring, newest (encrypting) key first. */
  constructor(keys: readonly DataKey[]) {
    const [current] = keys;
    if (!current) throw new LiveShopServerError('invalid', 'the data key ring is empty');
    const ring = new Map<string, Uint8Array>();
    for (const { id, key } of keys) {
      if (!ID_PATTERN.test(id)) throw new LiveShopServerError('invalid', `data key id "${id}" must match ${ID_PATTERN}`);
      if (key.length !== 32) throw new LiveShopServerError('invalid', `data key "${id}" must be 32 bytes, not ${key.length}`);
      if (ring.has(id)) throw new LiveShopServerError('invalid', `data key id "${id}" appears twice`);
      ring.set(id, key);
    }
    this.#current = current;
    this.#keys = ring;
  }

  /** Id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.#current.id;
  }

  /** Encrypts `plaintext`, bound to `context` (table, column and row id). */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return [VERSION, this.#current.id, ...parts].join('.');
  }

  /** Decrypts a value made by {@link FieldCipher.encrypt} with the same `context`. Throws on any tampering. */
  decrypt(sealed: string, context: string): string {
    const parts = sealed.split('.');
    const [version, keyId, iv, body, tag] = parts;
    if (parts.length !== 5 || version !== VERSION || !keyId || iv === undefined || body === undefined || !tag) {
      throw new LiveShopServerError('internal', 'an encrypted field is not in the v1 format');
    }
    const key = this.#keys.get(keyId);
    if (!key) throw new LiveShopServerError('internal', `no data key "${keyId}" in the key ring: was it removed too early?`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new LiveShopServerError('internal', 'an encrypted field failed authentication (tampered, moved or wrong key)', { cause });
    }
  }

  /** True when `sealed` was encrypted with an older key and should be re-encrypted. */
  needsRotation(sealed: string): boolean {
    return sealed.split('.', 3)[1] !== this.#current.id;
  }
}

/**
 * Parses a key ring from configuration text: `id:base64key,id2:base64key2`, newest first
 * (e.g. the `LIVE_SHOP_DATA_KEYS` environment variable).
 */
export function parseDataKeys(text: string): DataKey[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      if (colon <= 0) throw new LiveShopServerError('invalid', 'data keys must look like "id:base64key,id2:base64key2"');
      return { id: entry.slice(0, colon), key: new Uint8Array(Buffer.from(entry.slice(colon + 1), 'base64')) };
    });
}

/** A fresh random key with the given id. */
export function generateDataKey(id: string): DataKey {
  return { id, key: new Uint8Array(randomBytes(32)) };
}
