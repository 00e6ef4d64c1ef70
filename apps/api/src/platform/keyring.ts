import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { resolveEncryptionKey } from './crypto-key.ts';
import { fieldKey, openField, sealField, type FieldKey } from './field-crypto.ts';

export interface KeyRing {
  /** New values are sealed under this key. */
  current: FieldKey;
  /** Every key a stored value may still be sealed under: current first, then HMS_PREVIOUS_ENCRYPTION_KEYS and the
   * embedded key file (when HMS_ENCRYPTION_KEY replaced it). */
  all: FieldKey[];
}

const cache = new WeakMap<Config, KeyRing>();

export function keyRing(config: Config): KeyRing {
  const hit = cache.get(config);
  if (hit) return hit;
  const current = fieldKey(resolveEncryptionKey(config));
  const all = [current];
  const add = (key: Buffer) => {
    const k = fieldKey(key);
    if (!all.some((x) => x.id === k.id)) all.push(k);
  };
  for (const k of config.previousEncryptionKeys) add(k);
  const file = path.join(config.dataDir, 'encryption.key');
  if (config.encryptionKey && existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) add(key);
  }
  const ring = { current, all };
  cache.set(config, ring);
  return ring;
}

export const seal = (config: Config, plaintext: string) => {
  const ring = keyRing(config);
  return { enc: sealField(plaintext, ring.current), keyId: ring.current.id };
};

export const open = (config: Config, sealed: string) => openField(sealed, keyRing(config).all);
