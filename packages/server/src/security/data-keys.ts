import { join } from 'node:path';
import { generateDataKey, parseDataKeys, type DataKey } from './field-cipher.js';
import { readOrCreateSecretFile } from './secret-file.js';

/**
 * The key ring that encrypts customer data at rest.
 *
 * Production sets `LIVE_SHOP_DATA_KEYS` (`id:base64key,…`, newest first) from a secret manager, so the
 * keys never sit beside the database. Without it — development, the demo — a key is generated once
 * into `<dataDir>/data-keys` (mode 0600), which still keeps plaintext out of the database file, its
 * WAL and its backups.
 */
export async function loadDataKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DataKey[]> {
  const configured = env['LIVE_SHOP_DATA_KEYS'];
  if (configured) return parseDataKeys(configured);
  const text = await readOrCreateSecretFile(join(dataDir, 'data-keys'), () => {
    const key = generateDataKey(`k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`);
    return `${key.id}:${Buffer.from(key.key).toString('base64')}`;
  });
  return parseDataKeys(text);
}
