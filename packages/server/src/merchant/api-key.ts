import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../security/secret-file.js';

/** Shortest merchant API key accepted, in characters. */
export const MIN_API_KEY_LENGTH = 24;

/**
 * The merchant API key: `LIVE_SHOP_MERCHANT_API_KEY`, else a key generated once into
 * `<dataDir>/merchant-api-key` (mode 0600, beside `merchant-secret`): give it to the merchant's backend.
 */
export async function loadOrCreateMerchantApiKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const key = env['LIVE_SHOP_MERCHANT_API_KEY'] ?? (await readOrCreateSecretFile(join(dataDir, 'merchant-api-key'), () => `lsk_${randomBytes(24).toString('base64url')}`));
  assertApiKey(key);
  return key;
}

/** Throws when a configured key is too short to be a secret. */
export function assertApiKey(key: string): void {
  if (key.length < MIN_API_KEY_LENGTH) throw new Error(`the merchant API key must be at least ${MIN_API_KEY_LENGTH} characters`);
}

/**
 * True when `presented` is the API key. Both sides are hashed first, so the comparison takes the same
 * time whatever the length or the content of the guess.
 */
export function isApiKey(expected: string, presented: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
