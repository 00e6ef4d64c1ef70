import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config.ts';

/**
 * The AES-256 key for account numbers. HMS_ENCRYPTION_KEY wins; otherwise (embedded default) a key file is created
 * once in the data dir with mode 0600 so a fresh clone works without setup but the key never lands in the repo.
 */
export function resolveEncryptionKey(config: Config): Buffer {
  if (config.encryptionKey) return config.encryptionKey;
  const file = path.join(config.dataDir, 'encryption.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) {
      throw new Error(
        `${file} does not hold a base64 32-byte key; restore it from backup or set HMS_ENCRYPTION_KEY.`,
      );
    }
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  // flag 'wx' refuses to overwrite a key another process just created.
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
