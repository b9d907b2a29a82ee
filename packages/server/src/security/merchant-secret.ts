import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret-file.js';

/**
 * The secret payment results are signed with, kept in `<dataDir>/merchant-secret` (mode 0600) when
 * LIVE_SHOP_MERCHANT_SECRET is not set: give it to the merchant's backend once.
 */
export function loadOrCreateMerchantSecret(dataDir: string): Promise<string> {
  return readOrCreateSecretFile(join(dataDir, 'merchant-secret'), () => `whsec_${randomBytes(24).toString('base64url')}`);
}
